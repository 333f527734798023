// GetIndexingConfiguration, UpdateIndexingConfiguration, DescribeIndex, ListIndices,
// SearchIndex: each runs its transaction body (transactions/fleet_indexing.h) as one store
// transaction.
#include "service/service.h"
#include "service/transactions/fleet_indexing.h"

namespace iotjobs::service {

void Service::GetIndexingConfiguration(const CallContext& ctx,
                                       Callback<jobs::IndexingConfiguration> done) {
  ReadOp<jobs::IndexingConfiguration>(ctx, transactions::GetIndexingConfiguration, Empty{},
                                      std::move(done));
}

void Service::UpdateIndexingConfiguration(const CallContext& ctx,
                                          UpdateIndexingConfigurationRequest req,
                                          Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::UpdateIndexingConfiguration, std::move(req), std::move(done));
}

void Service::DescribeIndex(const CallContext& ctx, std::string index_name,
                            Callback<IndexDescription> done) {
  ReadOp<IndexDescription>(ctx, transactions::DescribeIndex, std::move(index_name),
                           std::move(done));
}

void Service::ListIndices(const CallContext& ctx, PageInput page,
                          Callback<ListResult<std::string>> done) {
  ReadOp<ListResult<std::string>>(ctx, transactions::ListIndices, std::move(page), std::move(done));
}

void Service::SearchIndex(const CallContext& ctx, SearchIndexRequest req,
                          Callback<ListResult<ThingDocument>> done) {
  ReadOp<ListResult<ThingDocument>>(ctx, transactions::SearchIndex, std::move(req),
                                    std::move(done));
}

}  // namespace iotjobs::service
