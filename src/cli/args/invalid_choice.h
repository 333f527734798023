#pragma once

#include <string>
#include <string_view>
#include <vector>

// The AWS CLI's message for a value outside an argument's choices (argparser.py
// CLIArgParser._check_value): the choices two to a line, padded to 40 columns, and difflib's
// close matches of the value when there are some. Used for --generate-cli-skeleton, --output,
// --color, the service word and the operation word.
namespace iotjobs::cli::args {

// The message after "argument --x: " for `value`:
//   "Invalid choice, valid choices are:\n\ninput<35 spaces> | output<34 spaces>\nyaml-input..."
//   followed by "\n\n\nInvalid choice: 'inpt', maybe you meant:\n\n  * input" when close.
std::string InvalidChoiceMessage(std::string_view value, const std::vector<std::string>& choices);

// difflib.get_close_matches(word, possibilities, n, cutoff), best first.
std::vector<std::string> CloseMatches(std::string_view word,
                                      const std::vector<std::string>& possibilities, size_t n = 3,
                                      double cutoff = 0.6);

}  // namespace iotjobs::cli::args
