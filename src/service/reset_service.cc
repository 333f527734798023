// ResetAllData: iotjobsd --allow-reset (test suites).
#include "service/service.h"

namespace iotjobs::service {

void Service::ResetAllData(Callback<Empty> done) {
  // The transaction's account does not matter: the deletion spans every account.
  Write<Empty>(std::string(),
               [](store::WriteTransaction& tx) -> Result<Empty> {
                 IOTJOBS_RETURN_IF_ERROR(tx.DeleteEveryAccountsData());
                 return Empty{};
               },
               std::move(done));
}

}  // namespace iotjobs::service
