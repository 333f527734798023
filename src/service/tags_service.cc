// TagResource, UntagResource, ListTagsForResource: each runs its transaction body
// (transactions/tags.h) as one store transaction.
#include "service/service.h"
#include "service/transactions/tags.h"

namespace iotjobs::service {

void Service::TagResource(const CallContext& ctx, TagResourceRequest req, Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::TagResource, std::move(req), std::move(done));
}

void Service::UntagResource(const CallContext& ctx, UntagResourceRequest req,
                            Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::UntagResource, std::move(req), std::move(done));
}

void Service::ListTagsForResource(const CallContext& ctx, ListTagsForResourceRequest req,
                                  Callback<ListResult<jobs::Tag>> done) {
  ReadOp<ListResult<jobs::Tag>>(ctx, transactions::ListTagsForResource, std::move(req),
                                std::move(done));
}

}  // namespace iotjobs::service
