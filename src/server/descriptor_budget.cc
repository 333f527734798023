#include "server/descriptor_budget.h"

#include <sys/resource.h>

#include <algorithm>

#include "common/log.h"

namespace iotjobs::server {

size_t FitConnectionsToDescriptorLimit(size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  const size_t descriptors = static_cast<size_t>(limit.rlim_cur);
  // A tiny limit still leaves half its descriptors to clients.
  const size_t reserved = std::min(kReservedDescriptors, descriptors / 2);
  const size_t room = std::max<size_t>(1, descriptors - reserved);
  if (wanted <= room) return wanted;
  IOTJOBS_LOG(kWarn) << "http: --max-connections " << wanted << " is more than the descriptor "
                     << "limit (" << descriptors << ", ulimit -n) leaves room for; serving at "
                     << "most " << room << " connections at once. Raise the limit to serve more.";
  return room;
}

}  // namespace iotjobs::server
