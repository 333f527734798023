// libFuzzer: any text as a fleet indexing query — parsed (refused or accepted, never a crash
// or a hang) and, when accepted, evaluated against a thing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jobs/fleet_query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto query = iotjobs::jobs::FleetQuery::Parse(text);
  if (query.ok()) {
    iotjobs::jobs::Thing thing;
    thing.thing_name = "sensor-1";
    thing.thing_id = "id";
    thing.thing_type_name = "t";
    thing.attributes = {{"site", "plant-7"}, {"fw", "1.2"}, {"n", "75"}};
    query->Matches(thing, {"g1", "g2"});
  }
  return 0;
}
