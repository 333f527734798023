#include "cli/args/invalid_choice.h"

#include <algorithm>
#include <array>

#include "cli/python/text.h"

namespace iotjobs::cli::args {
namespace {

std::string PadRight(const std::string& s, size_t width) {
  size_t n = python::PyLen(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

// SequenceMatcher(None, a, b).ratio() without junk heuristics (they start at 200 elements).
double Ratio(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t matches = 0;
  std::vector<std::array<size_t, 4>> queue = {{0, a.size(), 0, b.size()}};
  while (!queue.empty()) {
    auto [alo, ahi, blo, bhi] = queue.back();
    queue.pop_back();
    // find_longest_match: the longest block, earliest in a, then earliest in b.
    size_t besti = alo, bestj = blo, bestk = 0;
    std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (size_t i = alo; i < ahi; ++i) {
      std::fill(cur.begin(), cur.end(), 0);
      for (size_t j = blo; j < bhi; ++j) {
        if (a[i] != b[j]) continue;
        size_t k = (j > blo ? prev[j] : 0) + 1;  // prev[j] holds the run ending at j-1
        cur[j + 1] = k;
        if (k > bestk) besti = i - k + 1, bestj = j - k + 1, bestk = k;
      }
      std::swap(prev, cur);
    }
    if (bestk == 0) continue;
    matches += bestk;
    if (alo < besti && blo < bestj) queue.push_back({alo, besti, blo, bestj});
    if (besti + bestk < ahi && bestj + bestk < bhi) {
      queue.push_back({besti + bestk, ahi, bestj + bestk, bhi});
    }
  }
  return 2.0 * static_cast<double>(matches) / static_cast<double>(a.size() + b.size());
}

}  // namespace

std::vector<std::string> CloseMatches(std::string_view word,
                                      const std::vector<std::string>& possibilities, size_t n,
                                      double cutoff) {
  std::u32string b = python::DecodeSurrogateEscape(word);
  std::vector<std::pair<double, std::string>> scored;
  for (const auto& x : possibilities) {
    double r = Ratio(python::DecodeSurrogateEscape(x), b);
    if (r >= cutoff) scored.emplace_back(r, x);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& l, const auto& r) { return l > r; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(scored[i].second);
  return out;
}

std::string InvalidChoiceMessage(std::string_view value, const std::vector<std::string>& choices) {
  std::string msg = "Invalid choice, valid choices are:\n";
  for (size_t i = 0; i < choices.size(); i += 2) {
    msg += "\n" + PadRight(choices[i], 40);
    if (i + 1 < choices.size()) msg += " | " + PadRight(choices[i + 1], 40);
  }
  std::vector<std::string> possible = CloseMatches(value, choices, 3, 0.8);
  if (!possible.empty()) {
    msg += "\n\n\nInvalid choice: " + python::PyReprString(value) + ", maybe you meant:\n";
    for (const auto& word : possible) msg += "\n  * " + word;
  }
  return msg;
}

}  // namespace iotjobs::cli::args
