#include "cli/python/upper.h"

#include <unicode/ustring.h>

#include <vector>

namespace iotjobs::cli::python {

std::string Upper(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t utf16_length = 0;
  u_strFromUTF8(nullptr, 0, &utf16_length, text.data(), static_cast<int32_t>(text.size()), &status);
  status = U_ZERO_ERROR;
  std::vector<UChar> utf16(utf16_length + 1);
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &utf16_length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  // Full case mapping can lengthen the text (each character to at most three).
  std::vector<UChar> upper(static_cast<std::size_t>(utf16_length) * 3 + 1);
  status = U_ZERO_ERROR;
  const int32_t upper_length = u_strToUpper(upper.data(), static_cast<int32_t>(upper.size()),
                                            utf16.data(), utf16_length, "", &status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out(static_cast<std::size_t>(upper_length) * 3 + 1, '\0');
  int32_t out_length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, upper.data(), upper_length,
              &status);
  if (U_FAILURE(status)) return std::string(text);
  out.resize(out_length);
  return out;
}

}  // namespace iotjobs::cli::python
