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

  // A list of names that holds every match, read from an index, when the query is, or is
  // ANDed with, a term that has one: "things.thing_name IN (list) AND ", and the list alone
  // in `list`; "" when there is none. The list repeats what its term says (the whole query
  // is still tested on each thing), so it changes no result, only which things are read:
  // - a thingName term whose pattern begins with a text: the names in that range of
  //   things_by_lower_name (SQLite migration 0012, PostgreSQL 0008);
  // - else an attributes.NAME term (its value, or the range of values beginning with its
  //   pattern's text), or a text range, from the key of thing_attributes (SQLite migration
  //   0015, PostgreSQL 0011). A range with numeric bounds has none: its numbers are no range
  //   of the text.
  // Each list reads only the names after the page's last ($2).
  std::string Candidates(const QueryNode& root, std::string& list) {
    std::vector<const QueryNode*> terms;
    if (root.kind == QueryNode::Kind::kAnd) {
      for (const auto& c : root.children) terms.push_back(&c);
    } else {
      terms.push_back(&root);
    }
    auto field_is = [](const QueryNode* n, bool name) {
      if (n->kind != QueryNode::Kind::kTerm && n->kind != QueryNode::Kind::kRange) return false;
      return name ? n->field == "thingName" : n->field.rfind("attributes.", 0) == 0;
    };
    // The last thingName term, as before; then the first attribute term that is one value,
    // a prefix, then a text range, the likely order of how few things each selects.
    const QueryNode* name_term = nullptr;
    for (const QueryNode* t : terms) {
      if (field_is(t, true) && t->kind == QueryNode::Kind::kTerm) name_term = t;
    }
    if (name_term) {
      list = NameList(*name_term);
    } else {
      for (int pass = 0; pass < 3 && list.empty(); ++pass) {
        for (const QueryNode* t : terms) {
          if (!field_is(t, false)) continue;
          const bool exact = t->kind == QueryNode::Kind::kTerm &&
                             (t->literal || t->pattern.find_first_of("*?") == std::string::npos);
          const bool wanted = pass == 0   ? exact
                              : pass == 1 ? t->kind == QueryNode::Kind::kTerm && !exact
                                          : t->kind == QueryNode::Kind::kRange;
          if (wanted) list = AttributeList(*t);
          if (!list.empty()) break;
        }
      }
    }
    return list.empty() ? "" : "things.thing_name IN (" + list + ") AND ";
  }

  std::vector<std::string> TakeArgs() { return std::move(args_); }
  size_t ArgCount() const { return args_.size(); }

 private:
  // The names of the account's things whose lower-case name begins with the term's text.
  std::string NameList(const QueryNode& term) {
    const std::string prefix =
        term.literal ? term.pattern : term.pattern.substr(0, term.pattern.find_first_of("*?"));
    if (prefix.empty()) return "";
    // Every character a thing name may hold ([a-zA-Z0-9:_-]) sorts below DEL. The names come
    // from the index through IN: asked in one step, SQLite without statistics prefers walking
    // the primary key in name order (as for kThingsOfTypeSql). The list drives the search only
    // if no other bound on thing_name offers a walk (SearchThingsSql); SQLite's `+` keeps the
    // page's bound out of the choice of index here as well.
    const std::string name = Lower("n.thing_name");
    const std::string from = TextParam(prefix);
    const std::string to = TextParam(prefix + '\x7f');
    return "SELECT n.thing_name FROM things n WHERE n.account_id = $1 AND " + name + " >= " + from +
           " AND " + name + " < " + to + " AND " + (sqlite_ ? "+" : "") + "n.thing_name > $2";
  }

  // The things whose attribute holds a value the term may match: an index range of
  // (account, name, lower-case value). lower_value is lower(value) as Field reads it, in
  // the collation Lower compares in, so the range is the same comparison made on the index.
  std::string AttributeList(const QueryNode& n) {
    // Parameters are taken only for a list that is made (PostgreSQL refuses one unused).
    if (n.kind == QueryNode::Kind::kRange) {
      const bool numeric_bounds = (!n.lower || jobs::FleetQueryNumber(*n.lower)) &&
                                  (!n.upper || jobs::FleetQueryNumber(*n.upper));
      if (numeric_bounds && (n.lower || n.upper)) return "";
    }
    const bool exact = n.kind == QueryNode::Kind::kTerm &&
                       (n.literal || n.pattern.find_first_of("*?") == std::string::npos);
    // A pattern's text before its first wildcard; the bound above it is that text with its
    // last character the next one up, which must stay one byte of valid UTF-8 for PostgreSQL.
    std::string prefix = n.pattern.substr(0, n.pattern.find_first_of("*?"));
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) >= 0x7f) {
      prefix.pop_back();
    }
    if (n.kind == QueryNode::Kind::kTerm && !exact && prefix.empty()) return "";

    const std::string name = n.field.substr(std::string_view("attributes.").size());
    const std::string head =
        "SELECT a.thing_name FROM thing_attributes a WHERE a.account_id = $1 AND a.name = " +
        TextParam(name) + " AND ";
    const std::string tail = " AND a.thing_name > $2";
    if (n.kind == QueryNode::Kind::kRange) {
      // The text comparisons of Range, made on the column.
      std::string bounds = "TRUE";
      if (n.lower) {
        const std::string p = TextParam(*n.lower);
        bounds = std::string("a.lower_value") + (n.lower_inclusive ? " >= " : " > ") + p;
      }
      if (n.upper) {
        const std::string p = TextParam(*n.upper);
        bounds += std::string(" AND a.lower_value") + (n.upper_inclusive ? " <= " : " < ") + p;
      }
      return head + bounds + tail;
    }
    if (exact) return head + "a.lower_value = " + TextParam(n.pattern) + tail;
    std::string above = prefix;
    above.back() = static_cast<char>(above.back() + 1);
    const std::string from = TextParam(prefix);
    const std::string to = TextParam(above);
    const std::string like = TextParam(LikePattern(n.pattern));
    return head + "a.lower_value >= " + from + " AND a.lower_value < " + to +
           " AND a.lower_value LIKE " + like + " ESCAPE '\\'" + tail;
  }

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

SqlCondition FleetQueryCondition(const jobs::QueryNode& root, bool sqlite, int first) {
  Translator t(sqlite, first);
  SqlCondition out;
  out.sql = t.Node(root);
  out.args = t.TakeArgs();
  return out;
}

SqlCondition SearchThingsSql(const jobs::QueryNode& root, bool sqlite, int limit, bool use_index) {
  Translator t(sqlite, 3);
  SqlCondition where;
  std::string list;
  if (use_index) where.sql = t.Candidates(root, list);
  if (!list.empty()) {
    where.probe =
        "SELECT count(*) FROM (" + list + " LIMIT " + std::to_string(kCandidateProbeLimit) + ") p";
    where.probe_args = t.ArgCount();
  }
  where.sql += t.Node(root);
  where.args = t.TakeArgs();
  // SQLite, without statistics, takes the page's lower bound for a range of the primary key
  // and walks it to the end, testing each thing against the list (10^6 things: ~0.3 s for
  // one name), instead of seeking the names on the list, in name order already. `+` keeps
  // the bound out of the choice of index, so the list drives the search; it is still tested
  // on every name. PostgreSQL weighs both with its statistics.
  const char* after = sqlite && !list.empty() ? "+thing_name > $2" : "thing_name > $2";
  where.sql = "SELECT " IOTJOBS_THING_COLUMNS " FROM things WHERE account_id = $1 AND " +
              std::string(after) + " AND " + where.sql + " ORDER BY thing_name LIMIT " +
              std::to_string(limit);
  return where;
}

}  // namespace iotjobs::store
