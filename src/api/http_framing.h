#pragma once

#include <boost/beast/http/fields.hpp>
#include <optional>
#include <string>

namespace iotjobs::api {

// Strict request framing (RFC 9112, sections 6.1 and 6.3), checked on every request before it
// is served. Beast decides a body's length from Transfer-Encoding only when its last coding
// is `chunked`; any other Transfer-Encoding it ignores, sizing the body by Content-Length or
// as empty. A proxy in front of iotjobsd may size the same bytes differently, so one
// connection's bytes could be read as two requests (request smuggling). iotjobsd accepts
// exactly one framing per request:
//   - no Transfer-Encoding: Content-Length (Beast already refuses differing values), or none;
//   - Transfer-Encoding: exactly one field whose value is `chunked` (we support no other
//     coding), on HTTP/1.1, and no Content-Length beside it.
// Anything else is answered 400 and the connection is closed, so the bytes that followed are
// never read as a request. A field folded over lines (obs-fold: CRLF then SP or HTAB) is one
// field whose folds Beast replaces by spaces, as RFC 9112 section 5.2 allows a server to do:
// "Content-Length: 2,<CRLF><TAB>2" is the list "2, 2", read as 2 by every reader that
// follows the RFC (and refused by one that does not support folding).
//
// Returns why the request's framing is refused, or nothing when it is acceptable.
std::optional<std::string> FramingProblem(const boost::beast::http::fields& headers,
                                          unsigned version);

}  // namespace iotjobs::api
