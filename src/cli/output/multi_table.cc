#include "cli/output/multi_table.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

#include "cli/output/east_asian_width.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::output {
namespace {

// colorama's codes, as ColorizedStyler uses them.
constexpr std::string_view kRowStyle = "\x1b[1m\x1b[34m";     // Style.BRIGHT + Fore.BLUE
constexpr std::string_view kIndentStyle = "\x1b[2m\x1b[33m";  // Style.DIM + Fore.YELLOW
constexpr std::string_view kReset = "\x1b[0m";                // Style.RESET_ALL

// Python's `text * n`, empty for n <= 0.
std::string Repeat(std::string_view text, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(text);
  return out;
}

int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// The CLI's stdout: with colour and no pager, colorama's AnsiToWin32(autoreset=True) appends
// a reset after every write(), so the number of write() calls shows in the bytes and the
// code below makes exactly the calls table.py makes.
class RawStream {
 public:
  RawStream(std::string* out, bool autoreset) : out_(out), autoreset_(autoreset) {}
  void Write(std::string_view text) {
    out_->append(text);
    if (autoreset_) out_->append(kReset);
  }

 private:
  std::string* out_;
  bool autoreset_;
};

// table.py's IndentedStream: `|` bars on both sides for each indentation level.
class IndentedStream {
 public:
  IndentedStream(RawStream& stream, int indent_level, std::string bar)
      : stream_(stream), bars_(Repeat(bar, indent_level)) {}
  void Write(std::string_view text) {
    stream_.Write(bars_);
    if (text.ends_with('\n')) {
      stream_.Write(text.substr(0, text.size() - 1));
      stream_.Write(bars_);
      stream_.Write("\n");
    } else {
      stream_.Write(text);
    }
  }

 private:
  RawStream& stream_;
  std::string bars_;
};

std::string CenterText(std::string_view text, int length, std::string_view left_edge,
                       std::string_view right_edge, int text_length) {
  const int char_start = FloorDiv(length, 2) - FloorDiv(text_length, 2) - 1;
  std::string out(left_edge);
  out += Repeat(" ", char_start);
  out += text;
  const int length_so_far = TextLength(left_edge) + char_start + text_length;
  out += Repeat(" ", length - TextLength(right_edge) - length_so_far);
  out += right_edge;
  return out;
}

std::string AlignLeft(std::string_view text, int length, std::string_view left_edge,
                      std::string_view right_edge, int text_length) {
  constexpr int kLeftPadding = 2;
  const int edges = static_cast<int>(left_edge.size() + right_edge.size());
  const int padding = length - (text_length + kLeftPadding + edges) >= 0 ? kLeftPadding : 0;
  std::string out(left_edge);
  out += Repeat(" ", padding);
  out += text;
  const int length_so_far = static_cast<int>(left_edge.size()) + padding + text_length;
  out += Repeat(" ", length - length_so_far - static_cast<int>(right_edge.size()));
  out += right_edge;
  return out;
}

// _write_line_break: +-----+------+
void WriteLineBreak(IndentedStream& stream, const std::vector<int>& widths) {
  std::string line;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    line += i == 0 ? "+" + Repeat("-", widths[i] - 2) + "+" : Repeat("-", widths[i] - 1) + "+";
  }
  stream.Write(line + "\n");
}

void RenderSection(const Section& section, int max_width, bool color, RawStream& raw) {
  const std::string bar = color ? std::string(kIndentStyle) + "|" + std::string(kReset) : "|";
  IndentedStream stream(raw, section.indent_level, bar);
  max_width -= section.indent_level * 2;
  // _render_title
  if (section.title.has_value() && !section.title->empty()) {
    stream.Write(CenterText(*section.title, max_width, "|", "|", TextLength(*section.title)) +
                 "\n");
    if (section.headers.empty() && section.rows.empty()) {
      stream.Write("+" + Repeat("-", max_width - 2) + "+\n");
    }
  }
  // _render_column_titles
  if (!section.headers.empty()) {
    const std::vector<int> widths = section.CalculateColumnWidths(4, max_width);
    std::string current;
    for (std::size_t i = 0; i < std::min(widths.size(), section.headers.size()); ++i) {
      const std::string& header = section.headers[i];
      current += CenterText(header, widths[i], i == 0 ? "|" : "", "|", TextLength(header));
    }
    WriteLineBreak(stream, widths);
    stream.Write(current + "\n");
  }
  // _render_rows
  if (section.rows.empty()) return;
  const std::vector<int> widths = section.CalculateColumnWidths(4, max_width);
  if (widths.empty()) return;
  WriteLineBreak(stream, widths);
  for (const std::vector<std::string>& row : section.rows) {
    std::string current;
    for (std::size_t i = 0; i < std::min(widths.size(), row.size()); ++i) {
      const std::string styled =
          color ? std::string(kRowStyle) + row[i] + std::string(kReset) : row[i];
      current += AlignLeft(styled, widths[i], i == 0 ? "|" : "", "|", TextLength(row[i]));
    }
    stream.Write(current + "\n");
  }
  WriteLineBreak(stream, widths);
}

// convert_to_vertical_table: a one-row section with headers becomes header/value rows.
void ConvertToVerticalTable(std::vector<Section>& sections) {
  for (Section& section : sections) {
    if (section.rows.size() != 1 || section.headers.empty()) continue;
    Section vertical;
    vertical.title = section.title;
    vertical.indent_level = section.indent_level;
    const std::vector<std::string>& row = section.rows[0];
    for (std::size_t i = 0; i < std::min(section.headers.size(), row.size()); ++i) {
      [[maybe_unused]] const Status added = vertical.AddRow({section.headers[i], row[i]});
      assert(added.ok());  // every row has two cells
    }
    section = std::move(vertical);
  }
}

}  // namespace

int TextLength(std::string_view text) {
  int length = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    length += IsWideOrAmbiguous(python::NextCodePoint(text, &pos)) ? 2 : 1;
  }
  return length;
}

Status Section::AddHeader(std::vector<std::string> new_headers) {
  IOTJOBS_RETURN_IF_ERROR(UpdateMaxWidths(new_headers));
  if (!num_cols_.has_value()) num_cols_ = new_headers.size();
  headers = std::move(new_headers);
  return Status::Ok();
}

Status Section::AddRow(std::vector<std::string> row) {
  if (!num_cols_.has_value()) num_cols_ = row.size();
  if (row.size() != *num_cols_) {
    return InvalidRequest("Row should have " + std::to_string(*num_cols_) +
                          " elements, instead it has " + std::to_string(row.size()));
  }
  rows.push_back(std::move(row));
  return UpdateMaxWidths(rows.back());
}

Status Section::UpdateMaxWidths(const std::vector<std::string>& row) {
  if (max_widths_.empty()) {
    for (const std::string& cell : row) max_widths_.push_back(TextLength(cell));
    return Status::Ok();
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i >= max_widths_.size()) return InvalidRequest("list index out of range");
    max_widths_[i] = std::max(TextLength(row[i]), max_widths_[i]);
  }
  return Status::Ok();
}

std::vector<int> Section::CalculateColumnWidths(int padding, std::optional<int> max_width) const {
  std::vector<int> widths;
  for (int width : max_widths_) widths.push_back(width + padding);
  if (!max_width.has_value() || widths.empty()) return widths;
  const double scale_factor =
      *max_width / static_cast<double>(std::accumulate(widths.begin(), widths.end(), 0));
  for (int& width : widths) width = static_cast<int>(std::nearbyint(scale_factor * width));
  int off_by = std::accumulate(widths.begin(), widths.end(), 0) - *max_width;
  const int n = static_cast<int>(widths.size());
  while (off_by != 0) {
    for (int k = 0; k < n; ++k) {
      const int i = off_by < 0 ? n - 1 - k : k;
      if (off_by > 0) {
        --widths[i];
        --off_by;
      } else {
        ++widths[i];
        ++off_by;
      }
      if (off_by == 0) break;
    }
  }
  return widths;
}

int Section::TotalWidth(int padding, bool with_border, int outer_padding) const {
  int total = 0;
  for (int width : CalculateColumnWidths(0, std::nullopt)) total += width + padding;
  if (with_border) total += 2;
  total += 2 * outer_padding;
  const int title_length = title.has_value() ? TextLength(*title) : 4;  // len(str(None))
  return std::max(title_length + 2 + 2 * outer_padding, total);
}

void MultiTable::NewSection(std::optional<std::string> title, int indent_level) {
  Section& section = sections_.emplace_back();
  section.title = std::move(title);
  section.indent_level = indent_level;
}

int MultiTable::CalculateMaxWidth() const {
  int max_width = 0;
  for (const Section& section : sections_) {
    max_width = std::max(max_width, section.TotalWidth(4, true, section.indent_level));
  }
  return max_width;
}

std::string MultiTable::Render() {
  int max_width = CalculateMaxWidth();
  if (max_width > terminal_width_) {
    ConvertToVerticalTable(sections_);
    max_width = CalculateMaxWidth();
  }
  std::string out;
  RawStream stream(&out, autoreset_);
  stream.Write(Repeat("-", max_width) + "\n");
  for (const Section& section : sections_) RenderSection(section, max_width, color_, stream);
  return out;
}

}  // namespace iotjobs::cli::output
