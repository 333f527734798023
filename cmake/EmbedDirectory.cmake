# Script mode: cmake -DDIR=dir -DOUT=file.cc -DNS=namespace -DNAME=symbol -P EmbedDirectory.cmake
# Writes a .cc that defines `std::span<const ns::EmbeddedFile> ns::symbol()`: every file under
# `dir` (recursively, sorted) as {path relative to dir, bytes}. The struct is declared by the
# header that consumes it (api/console_files.h), so this file only fills the table.
file(GLOB_RECURSE files RELATIVE ${DIR} ${DIR}/*)
# Hidden files (editor swap files, .gitkeep) are not part of the console.
list(FILTER files EXCLUDE REGEX "(^|/)\\.")
list(SORT files)
set(arrays "")
set(table "")
set(i 0)
foreach(rel ${files})
  # The name goes into a C++ string literal as is.
  if(rel MATCHES "[\"\\\\]")
    message(FATAL_ERROR "console file name with a quote or backslash: ${rel}")
  endif()
  file(READ ${DIR}/${rel} hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x[0-9a-f][0-9a-f],){32}" "\\0\n" bytes "${bytes}")
  string(APPEND arrays "const unsigned char kFile${i}[] = {\n${bytes}\n0};\n")
  string(APPEND table "    {\"${rel}\", std::string_view(reinterpret_cast<const char*>(kFile${i}), ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE ${OUT} "// Generated from ${DIR}; do not edit.\n#include \"api/console_files.h\"\n"
  "namespace ${NS} {\nnamespace {\n${arrays}const EmbeddedFile kFiles[] = {\n${table}};\n}  // namespace\n"
  "std::span<const EmbeddedFile> ${NAME}() { return kFiles; }\n}  // namespace ${NS}\n")
