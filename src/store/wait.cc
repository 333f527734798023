#include "store/wait.h"

#include <future>

namespace iotjobs::store {

Status WriteAndWait(Store& store, std::string account_id, Store::WriteFn fn) {
  std::promise<Status> done;
  store.Write(std::move(account_id), std::move(fn),
              [&done](Status s) { done.set_value(std::move(s)); });
  return done.get_future().get();
}

Status ReadAndWait(Store& store, std::string account_id, Store::ReadFn fn) {
  std::promise<Status> done;
  store.Read(std::move(account_id), std::move(fn),
             [&done](Status s) { done.set_value(std::move(s)); });
  return done.get_future().get();
}

}  // namespace iotjobs::store
