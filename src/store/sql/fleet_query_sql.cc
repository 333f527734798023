#include "store/sql/fleet_query_sql.h"

#include <functional>
#include <string_view>

#include "store/row_readers.h"

namespace iotjobs::store {
namespace {

using jobs::QueryNode;

// Writes the SQL of one tree; every value goes in as a parameter, never into the text.
class Translator {
 public:
  Translator(bool sqlite, int first) : sqlite_(sqlite), next_(first) {}

  std::string Node(const QueryNode& n) {
    switch (n.kind) {
      case QueryNode::Kind::kAll:
        return "TRUE";
      case QueryNode::Kind::kAnd:
      case QueryNode::Kind::kOr: {
        std::string out = "(";
        for (size_t i = 0; i < n.children.size(); ++i) {
          if (i > 0) out += n.kind == QueryNode::Kind::kAnd ? " AND " : " OR ";
          out += Node(n.children[i]);
        }
        return out + ")";
      }
      case QueryNode::Kind::kNot:
        return "(NOT " + Node(n.children.front()) + ")";
      case QueryNode::Kind::kTerm:
      case QueryNode::Kind::kRange:
        return Field(n);
    }
    return "FALSE";
  }

  // When every match has a thingName that starts with a known text (the query is, or is
  // ANDed with, a thingName term whose pattern begins with it), the range of names that do:
  // an index range of things_by_lower_name (SQLite migration 0012, PostgreSQL 0008) instead
  // of a walk over every thing of the account. It repeats what the term says, so it changes
  // no result. "" when there is none.
  std::string NameRange(const QueryNode& root) {
    const QueryNode* term = nullptr;
    auto is_name_term = [](const QueryNode& n) {
      return n.kind == QueryNode::Kind::kTerm && n.field == "thingName";
    };
    if (is_name_term(root)) term = &root;
    if (root.kind == QueryNode::Kind::kAnd) {
      for (const auto& c : root.children) {
        if (is_name_term(c)) term = &c;
      }
    }
    if (!term) return "";
    const std::string prefix =
        term->literal ? term->pattern : term->pattern.substr(0, term->pattern.find_first_of("*?"));
    if (prefix.empty()) return "";
    // Every character a thing name may hold ([a-zA-Z0-9:_-]) sorts below DEL. The names come
    // from the index through IN: asked in one step, SQLite without statistics prefers walking
    // the primary key in name order (as for kThingsOfTypeSql). The list drives the search only
    // if no other bound on thing_name offers a walk (SearchThingsSql).
    const std::string name = Lower("n.thing_name");
    return "things.thing_name IN (SELECT n.thing_name FROM things n WHERE n.account_id = $1 AND " +
           name + " >= " + TextParam(prefix) + " AND " + name + " < " +
           TextParam(prefix + '\x7f') + ") AND ";
  }

  std::vector<std::string> TakeArgs() { return std::move(args_); }

 private:
  std::string Param(std::string value) {
    args_.push_back(std::move(value));
    return "$" + std::to_string(next_++);
  }
  std::string TextParam(std::string value) {
    std::string p = Param(std::move(value));
    return sqlite_ ? p : "CAST(" + p + " AS TEXT)";
  }

  // The test of one field: over its one value, or any of its values.
  std::string Field(const QueryNode& n) {
    const std::string& f = n.field;
    if (f == "thingName") return Single(n, "things.thing_name");
    if (f == "thingId") return Single(n, "things.thing_id");
    if (f == "thingTypeName") return Single(n, "things.thing_type_name");
    if (f == "thingGroupNames") return Groups(n);
    if (f.empty()) {
      return "(" + Single(n, "things.thing_name") + " OR " + Single(n, "things.thing_id") + " OR " +
             Single(n, "things.thing_type_name") + " OR " + Groups(n) + " OR " + AnyAttribute(n) +
             ")";
    }
    const std::string name = f.substr(std::string_view("attributes.").size());
    if (sqlite_)
      return Single(n, "json_extract(things.attributes, " + Param("$.\"" + name + "\"") + ")");
    return Single(n, "(CAST(things.attributes AS jsonb) ->> " + TextParam(name) + ")");
  }

  // A value that may be missing (NULL): the test is false then, so that NOT turns it true.
  std::string Single(const QueryNode& n, const std::string& value) {
    return "COALESCE(" + Test(n, value) + ", FALSE)";
  }

  std::string Groups(const QueryNode& n) {
    return "EXISTS (SELECT 1 FROM thing_group_members m WHERE m.account_id = things.account_id "
           "AND m.thing_name = things.thing_name AND " +
           Test(n, "m.thing_group_name") + ")";
  }

  std::string AnyAttribute(const QueryNode& n) {
    if (sqlite_) {
      return "EXISTS (SELECT 1 FROM json_each(things.attributes) a WHERE " + Test(n, "a.value") +
             ")";
    }
    return "EXISTS (SELECT 1 FROM jsonb_each_text(CAST(things.attributes AS jsonb)) a WHERE " +
           Test(n, "a.value") + ")";
  }

  std::string Lower(const std::string& value) {
    return sqlite_ ? "lower(" + value + ")" : "(lower(" + value + ") COLLATE \"C\")";
  }

  std::string Test(const QueryNode& n, const std::string& value) {
    if (n.kind == QueryNode::Kind::kRange) return Range(n, value);
    if (n.literal) return Lower(value) + " = " + TextParam(n.pattern);
    return Lower(value) + " LIKE " + TextParam(LikePattern(n.pattern)) + " ESCAPE '\\'";
  }

  static std::string LikePattern(const std::string& pattern) {
    std::string out;
    for (char c : pattern) {
      if (c == '*') {
        out += '%';
      } else if (c == '?') {
        out += '_';
      } else {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
      }
    }
    return out;
  }

  std::string IsNumber(const std::string& value) {
    if (!sqlite_) return "(" + value + " ~ '^-?[0-9]+(\\.[0-9]+)?$')";
    const std::string s = "(CASE WHEN substr(" + value + ", 1, 1) = '-' THEN substr(" + value +
                          ", 2) ELSE " + value + " END)";
    return "(" + s + " GLOB '[0-9]*' AND " + s + " NOT GLOB '*[^0-9.]*' AND " + s +
           " NOT GLOB '*.*.*' AND " + s + " NOT GLOB '*.')";
  }

  std::string Range(const QueryNode& n, const std::string& value) {
    const bool numeric_bounds = (!n.lower || jobs::FleetQueryNumber(*n.lower)) &&
                                (!n.upper || jobs::FleetQueryNumber(*n.upper));
    const char* real = sqlite_ ? "REAL" : "DOUBLE PRECISION";
    auto compare = [&](bool numeric) {
      std::string left = numeric ? "CAST(" + value + " AS " + real + ")" : Lower(value);
      auto bound = [&](const std::string& b) {
        return numeric ? "CAST(" + Param(b) + " AS " + real + ")" : TextParam(b);
      };
      std::vector<std::string> parts;
      if (n.lower) parts.push_back(left + (n.lower_inclusive ? " >= " : " > ") + bound(*n.lower));
      if (n.upper) parts.push_back(left + (n.upper_inclusive ? " <= " : " < ") + bound(*n.upper));
      if (parts.empty()) return "(" + value + " IS NOT NULL)";
      std::string out = "(" + parts[0];
      for (size_t i = 1; i < parts.size(); ++i) out += " AND " + parts[i];
      return out + ")";
    };
    if (!numeric_bounds || (!n.lower && !n.upper)) return compare(false);
    return "(CASE WHEN " + IsNumber(value) + " THEN " + compare(true) + " ELSE " + compare(false) +
           " END)";
  }

  bool sqlite_;
  int next_;
  std::vector<std::string> args_;
};

}  // namespace

SqlCondition FleetQueryCondition(const jobs::QueryNode& root, bool sqlite, int first,
                                 bool name_range) {
  Translator t(sqlite, first);
  SqlCondition out;
  if (name_range) out.sql = t.NameRange(root);
  out.name_range = !out.sql.empty();
  out.sql += t.Node(root);
  out.args = t.TakeArgs();
  return out;
}

SqlCondition SearchThingsSql(const jobs::QueryNode& root, bool sqlite, int limit) {
  SqlCondition where = FleetQueryCondition(root, sqlite, 3);
  // SQLite, without statistics, takes the page's lower bound for a range of the primary key
  // and walks it to the end, testing each thing against the name range's list (10^6 things:
  // ~0.3 s for one name), instead of seeking the names on the list, in name order already.
  // `+` keeps the bound out of the choice of index, so the list drives the search; it is
  // still tested on every name. PostgreSQL weighs both with its statistics.
  const char* after = sqlite && where.name_range ? "+thing_name > $2" : "thing_name > $2";
  where.sql = "SELECT " IOTJOBS_THING_COLUMNS " FROM things WHERE account_id = $1 AND " +
              std::string(after) + " AND " + where.sql + " ORDER BY thing_name LIMIT " +
              std::to_string(limit);
  return where;
}

}  // namespace iotjobs::store
