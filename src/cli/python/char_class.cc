#include "cli/python/char_class.h"

namespace iotjobs::cli::python {

bool IsSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsPrintable(char32_t cp) {
  if (cp == ' ') return true;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;  // Cc, and SHY
  if (IsSpace(cp)) return false;                                            // Zs, Zl, Zp
  if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F || cp == 0x180E ||
      (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
      (cp >= 0xE0000 && cp <= 0xE007F)) {
    return false;  // Cf, and the unassigned U+2065 among them
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;                               // Cs
  if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) return false;            // Co
  if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) return false;  // noncharacters
  return true;
}

}  // namespace iotjobs::cli::python
