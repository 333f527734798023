#include "golden.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/python/json_loads_boost.h"

namespace iotjobs::cli::output::golden {

namespace json = boost::json;

json::value Load(const std::string& file_name) {
  const std::string path = std::string(IOTJOBS_TESTDATA_DIR) + "/cli-output/" + file_name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return nullptr;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  // Python's json.loads reading, floats correctly rounded: Boost.JSON 1.81's parse() can be
  // a unit in the last place off for long mantissas, and the CLI must read bodies like Python.
  Result<json::value> value = python::JsonLoadsBoost(buffer.str());
  if (!value.ok()) {
    ADD_FAILURE() << path << ": " << value.status().ToString();
    return nullptr;
  }
  return std::move(value).value();
}

int ExpectFormat(const std::string& file_name, Format format) {
  const json::value golden = Load(file_name);
  if (!golden.is_array()) return 0;
  int passed = 0;
  int reported = 0;
  for (const json::value& item : golden.get_array()) {
    const json::object& c = item.get_object();
    RenderOptions options;
    options.command_name = c.contains("title") ? c.at("title").as_string().c_str() : "DescribeJob";
    options.color = c.contains("color") && c.at("color").as_string() == "on";
    options.colorama_autoreset = !c.contains("autoreset") || c.at("autoreset").as_bool();
    options.terminal_width = c.contains("width") ? static_cast<int>(c.at("width").as_int64()) : 80;
    const Rendered rendered = Render(c.at("input"), format, options);
    const std::string expected(c.at("expected").as_string());
    const bool crash_expected = c.contains("error");
    const bool status_matches =
        crash_expected
            ? !rendered.status.ok() && rendered.status.message() == c.at("error").as_string()
            : rendered.status.ok();
    if (rendered.text == expected && status_matches) {
      ++passed;
    } else if (++reported <= 10) {
      ADD_FAILURE() << file_name << " case " << c.at("name").as_string()
                    << "\ninput: " << json::serialize(c.at("input")) << "\n--- expected"
                    << (crash_expected ? " (error: " + std::string(c.at("error").as_string()) + ")"
                                       : std::string())
                    << "\n"
                    << expected << "--- got"
                    << (rendered.status.ok() ? std::string()
                                             : " (error: " + rendered.status.message() + ")")
                    << "\n"
                    << rendered.text << "---";
    }
  }
  const int total = static_cast<int>(golden.get_array().size());
  EXPECT_EQ(passed, total) << file_name << ": " << passed << " of " << total << " cases pass";
  std::cout << "[ golden   ] " << file_name << ": " << passed << "/" << total << " cases pass\n";
  return passed;
}

}  // namespace iotjobs::cli::output::golden
