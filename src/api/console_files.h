#pragma once

#include <span>
#include <string_view>

namespace iotjobs::api {

// One file of the web console, compiled into the binary (cmake/EmbedDirectory.cmake writes
// the table from the files under console/ at build time), so iotjobsd serves the console
// with no files on disk and no network.
struct EmbeddedFile {
  std::string_view path;  // relative to console/, with '/' separators: "index.html", "js/app.js"
  std::string_view data;
};

// Every console file, sorted by path. Defined in the generated embedded_ConsoleFiles.cc.
std::span<const EmbeddedFile> ConsoleFiles();

}  // namespace iotjobs::api
