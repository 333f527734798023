#pragma once

#include <string>

#include "common/result.h"
#include "jobs/indexing_configuration.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// Fleet indexing as transaction bodies: GetIndexingConfiguration, UpdateIndexingConfiguration,
// DescribeIndex, ListIndices, SearchIndex (docs/aws-behaviour.md, "Fleet indexing", D62 to
// D65). The index of things is the registry itself, searched in the store, so it is ACTIVE
// from the moment indexing is turned on and always current.
namespace iotjobs::service::transactions {

// The index of that name, or ResourceNotFoundException: AWS_Things exists while thing
// indexing is on; AWS_ThingGroups is never served (D62, D63). SearchIndex and the dynamic
// thing group operations check their index with it.
Status CheckIndex(store::ReadTransaction& tx, const std::string& index_name);

Result<jobs::IndexingConfiguration> GetIndexingConfiguration(store::ReadTransaction& tx,
                                                             const Empty& req,
                                                             const OperationContext& op);
// What iotjobsd cannot serve is refused naming the member (D62); thing indexing cannot be
// turned OFF while a dynamic thing group exists (D69).
Result<Empty> UpdateIndexingConfiguration(store::WriteTransaction& tx,
                                          const UpdateIndexingConfigurationRequest& req,
                                          const OperationContext& op);
// AWS_Things while thing indexing is on; any other name is ResourceNotFoundException (D63).
Result<IndexDescription> DescribeIndex(store::ReadTransaction& tx, const std::string& index_name,
                                       const OperationContext& op);
Result<ListResult<std::string>> ListIndices(store::ReadTransaction& tx, const PageInput& page,
                                            const OperationContext& op);
// The things the query matches, by name, with their groups' names. The query is parsed
// first (InvalidQueryException), then the index looked up (ResourceNotFoundException when
// indexing is OFF or the index is not served, D63), then the store searched (D64).
Result<ListResult<ThingDocument>> SearchIndex(store::ReadTransaction& tx,
                                              const SearchIndexRequest& req,
                                              const OperationContext& op);

}  // namespace iotjobs::service::transactions
