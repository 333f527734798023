// libFuzzer: the first byte picks an operation of either model, the rest is its JSON body;
// decoding and validating it against the operation's input shape must never crash.
#include <cstdint>
#include <string_view>

#include "api/request_decoder.h"
#include "api/validation/validator.h"
#include "api/wire/model.h"

using namespace iotjobs;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const auto& control = api::wire::ControlPlaneModel();
  const auto& device = api::wire::DevicePlaneModel();
  size_t n = control.operations.size() + device.operations.size();
  size_t pick = data[0] % n;
  const api::wire::Operation& op = pick < control.operations.size()
                                       ? control.operations[pick]
                                       : device.operations[pick - control.operations.size()];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto input = api::DecodeInput(op, {}, {}, [](std::string_view) { return std::nullopt; }, body);
  if (input.ok() && op.input) (void)api::validation::Validate(*op.input, *input);
  return 0;
}
