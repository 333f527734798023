#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

// A port of awscli/table.py: the sections, column widths and borders AWS CLI v2 draws for
// `--output table`. table_format.cc decides what goes in the sections.
namespace iotjobs::cli::output {

// get_text_length(): characters, counting those East Asian Width calls W, F or A as two.
int TextLength(std::string_view text);

// table.py's Section: an optional title, an optional header row and rows of cells (already
// turned into text with Python's str()).
class Section {
 public:
  // add_header(). Failure: kInvalidRequest "list index out of range" when the headers are
  // longer than the rows added before (Python's IndexError).
  Status AddHeader(std::vector<std::string> headers);
  // add_row(). Failure: kInvalidRequest "Row should have N elements, instead it has M" once
  // the section has N columns (Python's ValueError).
  Status AddRow(std::vector<std::string> row);

  // calculate_column_widths(padding, max_width): each column's widest cell plus `padding`,
  // scaled (rounding half to even) to sum to `max_width` when one is given.
  std::vector<int> CalculateColumnWidths(int padding, std::optional<int> max_width) const;
  // total_width(padding, with_border, outer_padding).
  int TotalWidth(int padding, bool with_border, int outer_padding) const;

  std::optional<std::string> title;  // nullopt is Python's None: not drawn, 4 wide ("None")
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  int indent_level = 0;

 private:
  Status UpdateMaxWidths(const std::vector<std::string>& row);

  std::optional<std::size_t> num_cols_;
  std::vector<int> max_widths_;
};

// table.py's MultiTable with initial_section=False and column_separator='|', as
// TableFormatter builds it.
class MultiTable {
 public:
  // `color`: ColorizedStyler (cells bright blue, indentation bars dim yellow), else Styler.
  // `autoreset`: with color, every write() to stdout is followed by colorama's reset.
  MultiTable(int terminal_width, bool color, bool autoreset)
      : terminal_width_(terminal_width), color_(color), autoreset_(color && autoreset) {}

  void NewSection(std::optional<std::string> title, int indent_level);
  // REQUIRES: NewSection was called.
  Status AddRowHeader(std::vector<std::string> headers) {
    return sections_.back().AddHeader(std::move(headers));
  }
  Status AddRow(std::vector<std::string> row) { return sections_.back().AddRow(std::move(row)); }

  // render(): every section, boxed to the widest one; when that is wider than the terminal,
  // one-row sections are first turned vertical (convert_to_vertical_table).
  // REQUIRES: at least one section.
  std::string Render();

 private:
  int CalculateMaxWidth() const;

  int terminal_width_;
  bool color_;
  bool autoreset_;
  std::vector<Section> sections_;
};

}  // namespace iotjobs::cli::output
