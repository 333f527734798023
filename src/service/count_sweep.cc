#include "service/count_sweep.h"

#include <algorithm>

namespace iotjobs::service {

CountSweep::CountSweep(std::vector<store::JobCountChange> changes, int per_writer_limit)
    : changes_(std::move(changes)) {
  std::map<int64_t, int> per_writer;
  for (const auto& c : changes_) {
    jobs_[{c.account_id, c.job_id}].push_back(&c);
    int64_t& max = listed_max_[c.shard];
    max = std::max(max, c.seq);
    if (++per_writer[c.shard] >= per_writer_limit) more_ = true;
  }
}

void CountSweep::Failed(const Listed& listed) {
  for (const auto* c : listed) {
    auto [it, fresh] = failed_min_.emplace(c->shard, c->seq);
    if (!fresh) it->second = std::min(it->second, c->seq);
  }
}

void CountSweep::Advance(CountWatermarks& after) const {
  for (const auto& [shard, max] : listed_max_) {
    auto failed = failed_min_.find(shard);
    int64_t mark = failed == failed_min_.end() ? max : failed->second - 1;
    int64_t& kept = after[shard];
    kept = std::max(kept, mark);
  }
}

}  // namespace iotjobs::service
