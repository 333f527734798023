#include "cli/paginator.h"

#include <boost/json.hpp>

#include "common/encoding.h"

namespace iotjobs::cli {
namespace json = boost::json;

namespace {

// botocore's TokenEncoder: base64 of the JSON of {input_token: value[, boto_truncate_amount]}.
std::string EncodeToken(const std::string& input_token, const std::optional<std::string>& value,
                        std::optional<int64_t> truncate) {
  // json.dumps key order: the dict's insertion order (the token first).
  std::string text = "{\"" + input_token + "\": " +
                     (value ? json::serialize(json::value(*value)) : std::string("null"));
  if (truncate) text += ", \"boto_truncate_amount\": " + std::to_string(*truncate);
  text += "}";
  return Base64Encode(text);
}

struct StartingPoint {
  std::optional<std::string> token;
  int64_t truncate = 0;
};

// botocore's fallback for tokens that are not its base64 JSON: "service-token___N" or the
// service's own token as it is (PageIterator._parse_starting_token_deprecated).
StartingPoint DeprecatedToken(const std::string& token) {
  StartingPoint out;
  size_t sep = token.rfind("___");
  if (sep != std::string::npos) {
    std::string index = token.substr(sep + 3);
    bool digits = !index.empty() && index.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      out.truncate = std::stoll(index);
      std::string part = token.substr(0, sep);
      if (part != "None") out.token = part;
      return out;
    }
  }
  if (token != "None") out.token = token;
  return out;
}

Result<StartingPoint> DecodeToken(const std::string& token, const std::string& input_token) {
  auto bad = [&]() -> Result<StartingPoint> { return DeprecatedToken(token); };
  auto text = Base64Decode(token);
  if (!text) return bad();
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  if (ec || !v.is_object()) return bad();
  StartingPoint out;
  const json::object& o = v.get_object();
  for (const auto& kv : o) {
    if (kv.key() == input_token) {
      if (kv.value().is_string()) out.token = std::string(kv.value().get_string());
    } else if (kv.key() == "boto_truncate_amount" && kv.value().is_int64()) {
      out.truncate = kv.value().get_int64();
    } else {
      return bad();
    }
  }
  if (!o.contains(input_token)) return bad();
  return out;
}

json::array* ResultList(json::value& page, const std::string& key) {
  if (!page.is_object()) return nullptr;
  json::value* v = page.get_object().if_contains(key);
  return v && v->is_array() ? &v->get_array() : nullptr;
}

}  // namespace

Result<PaginatedResult> Paginate(Invoker& invoker, const api::wire::Operation& op,
                                 json::object input, const PaginationConfig& config,
                                 const std::function<json::value(const json::value&)>& shape) {
  const api::wire::Paginator& p = *op.paginator;
  const std::string& result_key = p.result_keys.front();
  PaginatedResult result;
  StartingPoint start;
  if (config.starting_token) {
    IOTJOBS_ASSIGN_OR_RETURN(start, DecodeToken(*config.starting_token, p.input_token));
    if (start.token) input[p.input_token] = *start.token;
  }
  if (config.page_size) input[p.limit_key] = *config.page_size;
  std::optional<std::string> current = start.token;
  int64_t total = 0;
  bool first = true;
  std::optional<std::string> previous;
  for (;;) {
    result.last = invoker.Call(op, input);
    if (!result.last.output) return result;
    json::value raw = *result.last.output;
    std::optional<std::string> next;
    if (raw.is_object()) {
      if (const json::value* t = raw.get_object().if_contains(p.output_token); t && t->is_string()) {
        next = std::string(t->get_string());
      }
    }
    json::value page = shape(raw);
    json::array* items = ResultList(page, result_key);
    int64_t skipped = 0;
    if (first && start.truncate > 0 && items) {
      // Resume inside a page the previous run cut short.
      skipped = std::min<int64_t>(start.truncate, static_cast<int64_t>(items->size()));
      items->erase(items->begin(), items->begin() + skipped);
    }
    first = false;
    int64_t count = items ? static_cast<int64_t>(items->size()) : 0;
    if (config.max_items && total + count > *config.max_items) {
      int64_t keep = *config.max_items - total;
      items->resize(static_cast<size_t>(keep));
      result.next_token = EncodeToken(p.input_token, current, keep + skipped);
      result.pages.push_back(std::move(page));
      return result;
    }
    result.pages.push_back(std::move(page));
    total += count;
    if (!next) return result;
    if (config.max_items && total == *config.max_items) {
      result.next_token = EncodeToken(p.input_token, next, std::nullopt);
      return result;
    }
    if (previous && *previous == *next) {
      return InvalidRequest("The same next token was received twice: {'" + p.input_token +
                            "': '" + *next + "'}");
    }
    previous = next;
    current = next;
    input[p.input_token] = *next;
  }
}

json::value FullResult(const api::wire::Paginator& paginator, const PaginatedResult& result) {
  json::object full;
  for (const std::string& key : paginator.result_keys) {
    json::array all;
    bool seen = false;
    for (const auto& page : result.pages) {
      if (!page.is_object()) continue;
      const json::value* v = page.get_object().if_contains(key);
      if (!v || !v->is_array()) continue;
      seen = true;
      for (const auto& item : v->get_array()) all.push_back(item);
    }
    if (seen) full[key] = std::move(all);
  }
  if (result.next_token) full["NextToken"] = *result.next_token;
  return full;
}

}  // namespace iotjobs::cli
