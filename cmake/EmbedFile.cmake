# Script mode: cmake -DIN=file -DOUT=file.cc -DNS=namespace -DNAME=symbol -P EmbedFile.cmake
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x[0-9a-f][0-9a-f],){32}" "\\0\n" bytes "${bytes}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <string_view>\n"
  "namespace ${NS} {\nnamespace {\nconst unsigned char kData[] = {\n${bytes}\n0};\n}  // namespace\n"
  "std::string_view ${NAME}() { return std::string_view(reinterpret_cast<const char*>(kData), ${size}); }\n}  // namespace ${NS}\n")
