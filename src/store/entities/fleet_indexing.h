#pragma once

#include "common/result.h"
#include "jobs/fleet_query.h"
#include "jobs/indexing_configuration.h"
#include "jobs/thing.h"
#include "store/entities/page.h"

// Fleet indexing (see things.h for what every entity interface promises): the account's
// indexing configuration, and the search of its things by a fleet indexing query, answered
// in the store by SQL over the registry's tables (store/sql/fleet_query_sql.h).
namespace iotjobs::store {

class IndexingReads {
 public:
  virtual ~IndexingReads() = default;
  // The account's configuration; thing indexing OFF when it never set one.
  virtual Result<jobs::IndexingConfiguration> GetIndexingConfiguration() = 0;
  // The things `query` matches, by name, keyset-paged.
  virtual Result<Page<jobs::Thing>> SearchThings(const jobs::FleetQuery& query,
                                                 const PageRequest& page) = 0;
};

class IndexingWrites {
 public:
  virtual ~IndexingWrites() = default;
  virtual Status PutIndexingConfiguration(const jobs::IndexingConfiguration& config) = 0;
};

}  // namespace iotjobs::store
