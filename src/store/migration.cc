#include "store/migration.h"

#include "common/log.h"

namespace iotjobs::store {

Status RefuseNewerSchema(int current, int newest) {
  IOTJOBS_LOG(kError) << "store: database schema version " << current
                      << " is newer than this iotjobsd knows (" << newest << ")";
  return Unavailable("The data store was written by a newer iotjobsd.");
}

}  // namespace iotjobs::store
