#include "codec/job_document.h"

#include <boost/json/parse.hpp>

namespace iotjobs::codec {

boost::json::value ParseJobDocument(std::string_view text, boost::system::error_code& ec) {
  boost::json::parse_options options;
  options.max_depth = kMaxJobDocumentDepth;
  return boost::json::parse(text, ec, {}, options);
}

boost::json::value JobDocumentForMqtt(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = ParseJobDocument(text, ec);
  return ec ? boost::json::value(boost::json::string(text)) : v;
}

}  // namespace iotjobs::codec
