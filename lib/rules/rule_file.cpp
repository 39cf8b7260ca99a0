#include "lib/rules/rule_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <toml++/toml.h>

#include "lib/rules/toml_util.hpp"
#include "lib/text/ascii.hpp"

namespace dossier::rules {
namespace {

SourcePos pos_of(const toml::node& n, const std::string& path) {
  return {path, static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

struct Reader {
  std::string_view text;
  const std::string& path;
  Diagnostics& diags;

  void error(const toml::node& n, std::string message) {
    SourcePos p = pos_of(n, path);
    diags.push_back({p, std::move(message), line_of_text(text, p.line)});
  }

  // A scalar (string, integer, float, bool) as JSON, for an example's expected fields.
  static nlohmann::json to_json(const toml::node& n) {
    if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
    if (n.is_integer()) return *n.value<int64_t>();
    if (n.is_floating_point()) return *n.value<double>();
    if (n.is_boolean()) return *n.value<bool>();
    return nullptr;
  }

  Example example(const toml::node& n, const std::string& default_dct) {
    Example ex;
    ex.pos = pos_of(n, path);
    ex.dct = default_dct;
    if (auto s = n.value<std::string>(); s && n.is_string()) {
      ex.text = *s;
      return ex;
    }
    const toml::table* t = n.as_table();
    if (!t) {
      error(n, "an example is a string or a table { text = \"...\", ... }");
      return ex;
    }
    for (auto&& [k, v] : *t) {
      std::string key(k.str());
      if (key == "text" || key == "match" || key == "dct") {
        auto s = v.value<std::string>();
        if (!s || !v.is_string()) {
          error(v, fmt::format("'{}' must be a string", key));
          continue;
        }
        (key == "text" ? ex.text : key == "match" ? ex.match : ex.dct) = *s;
      } else if (key == "null") {
        // `null = ["mod", "date"]`: TOML has no null; these keys are expected to be null.
        if (auto* a = v.as_array()) {
          for (auto&& e : *a) {
            if (auto s = e.value<std::string>()) ex.expect[*s] = nullptr;
          }
        }
      } else {
        ex.expect[key] = to_json(v);
      }
    }
    if (ex.text.empty()) error(n, "example has no 'text'");
    return ex;
  }

  void examples(const toml::node* n, const std::string& dct, std::vector<Example>* out) {
    if (!n) return;
    const toml::array* a = n->as_array();
    if (!a) {
      error(*n, "examples must be an array");
      return;
    }
    for (auto&& e : *a) out->push_back(example(e, dct));
  }

  Rule rule(const toml::table& t, Kind kind, const std::string& stem, const std::string& dct) {
    Rule r;
    r.kind = kind;
    r.pos = pos_of(t, path);
    for (auto&& [k, v] : t) {
      std::string key(k.str());
      if (key == "id") {
        auto s = v.value<std::string>();
        if (!s || s->empty()) error(v, "'id' must be a non-empty string");
        else r.id = stem + "/" + *s;
      } else if (key == "pattern") {
        auto s = v.value<std::string>();
        if (!s || !v.is_string()) {
          error(v, "'pattern' must be a string");
          continue;
        }
        r.pattern = *s;
        r.pattern_pos = pos_of(v, path);
        r.pattern_line = line_of_text(text, r.pattern_pos.line);
      } else if (key == "examples") {
        examples(&v, dct, &r.examples);
      } else if (key == "counter_examples") {
        examples(&v, dct, &r.counter_examples);
      } else if (key == "block") {
        if (auto b = v.value<bool>()) r.block = *b;
        else error(v, "'block' must be true or false");
      } else if (key == "kind") {
        auto s = v.value<std::string>();
        auto kk = s ? kind_from_string(*s) : std::nullopt;
        if (!kk) error(v, "unknown kind (dates, organisations, threat_actors, regulator_actions)");
        else r.kind = *kk;
      } else if (v.is_string()) {
        r.attrs[key] = *v.value<std::string>();
      } else if (v.is_integer() || v.is_boolean() || v.is_floating_point()) {
        r.attrs[key] = Reader::to_json(v).dump();
      } else {
        error(v, fmt::format("unexpected key '{}' (rule attributes are strings)", key));
      }
    }
    if (r.id.empty() && r.pos.line) error(t, "rule has no 'id'");
    if (r.pattern.empty()) error(t, "rule has no 'pattern'");
    return r;
  }
};

bool is_macro_start(char c) { return text::is_upper(c); }
bool is_macro_char(char c) { return is_macro_start(c) || text::is_digit(c) || c == '_'; }

}  // namespace

namespace {

// expand_macros with the chain of macros being expanded, so a macro that reaches itself stops.
std::string expand_in(std::string_view p, const std::map<std::string, std::string>& defs,
                      std::vector<std::string>& chain, std::string* unknown) {
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      out += p[i];
      out += p[++i];
      // \p{Lu}, \P{Greek}: a Unicode class, not a macro.
      if ((p[i] == 'p' || p[i] == 'P') && i + 1 < p.size() && p[i + 1] == '{') {
        std::size_t close = p.find('}', i + 1);
        if (close != std::string_view::npos) {
          out.append(p.substr(i + 1, close - i));
          i = close;
        }
      }
      continue;
    }
    if (p[i] == '{' && i + 1 < p.size() && is_macro_start(p[i + 1])) {
      std::size_t j = i + 1;
      while (j < p.size() && is_macro_char(p[j])) ++j;
      if (j < p.size() && p[j] == '}') {
        std::string name(p.substr(i + 1, j - i - 1));
        auto it = defs.find(name);
        bool cycle = std::find(chain.begin(), chain.end(), name) != chain.end();
        if (it == defs.end() || cycle) {
          if (unknown && unknown->empty()) *unknown = name;
          out.append(p.substr(i, j - i + 1));
        } else {
          chain.push_back(name);
          out += "(?:" + expand_in(it->second, defs, chain, unknown) + ")";
          chain.pop_back();
        }
        i = j;
        continue;
      }
    }
    out += p[i];
  }
  return out;
}

// The {NAME}s a define's body uses, in order.
std::vector<std::string> macros_used(std::string_view p) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] != '{' || i + 1 >= p.size() || !is_macro_start(p[i + 1])) continue;
    std::size_t j = i + 1;
    while (j < p.size() && is_macro_char(p[j])) ++j;
    if (j < p.size() && p[j] == '}') names.emplace_back(p.substr(i + 1, j - i - 1));
  }
  return names;
}

// True when the body of chain.front() reaches it again through `defs`; `chain` then holds the
// path ("A", "B", "A"). `name` is the define being walked.
bool find_cycle(const std::string& name, const std::map<std::string, std::string>& defs,
                std::vector<std::string>& chain) {
  auto it = defs.find(name);
  if (it == defs.end()) return false;
  for (const std::string& used : macros_used(it->second)) {
    if (used == chain.front()) {
      chain.push_back(used);
      return true;
    }
    if (std::find(chain.begin(), chain.end(), used) != chain.end()) continue;
    chain.push_back(used);
    if (find_cycle(used, defs, chain)) return true;
    chain.pop_back();
  }
  return false;
}

}  // namespace

std::string expand_macros(std::string_view p, const std::map<std::string, std::string>& defs,
                          std::string* unknown) {
  std::vector<std::string> chain;
  return expand_in(p, defs, chain, unknown);
}

RuleFile parse_rule_file(std::string_view text, const std::string& path, Diagnostics& diags) {
  RuleFile f;
  f.path = path;
  f.stem = std::filesystem::path(path).stem().string();
  std::optional<toml::table> parsed = parse_toml(text, path, diags);
  if (!parsed) return f;
  toml::table& root = *parsed;
  Reader rd{text, path, diags};
  std::optional<Kind> kind = kind_from_string(f.stem);
  if (auto k = root["kind"].value<std::string>()) {
    kind = kind_from_string(*k);
    if (!kind) rd.error(*root.get("kind"), fmt::format("unknown kind '{}'", *k));
  }
  std::string dct = root["example_dct"].value_or(std::string("2024-11-21"));
  if (auto* defs = root["define"].as_table()) {
    for (auto&& [k, v] : *defs) {
      auto s = v.value<std::string>();
      if (!s) {
        rd.error(v, "a define is a string");
        continue;
      }
      f.defines[std::string(k.str())] = *s;
      f.define_pos[std::string(k.str())] = pos_of(v, path);
    }
    // Defines may use each other ({OTHER}); one that reaches itself can never expand.
    std::vector<std::string> reported;
    for (const auto& [name, body] : f.defines) {
      std::vector<std::string> chain{name};
      if (std::find(reported.begin(), reported.end(), name) != reported.end() ||
          !find_cycle(name, f.defines, chain))
        continue;
      reported.insert(reported.end(), chain.begin(), chain.end());
      std::string shown;
      for (const std::string& c : chain) shown += (shown.empty() ? "" : " -> ") + c;
      const SourcePos& p = f.define_pos[name];
      diags.push_back({p, fmt::format("define {} refers back to itself: {}", name, shown),
                       line_of_text(text, p.line)});
    }
  }
  for (auto&& [k, v] : root) {
    std::string key(k.str());
    if (key != "kind" && key != "example_dct" && key != "define" && key != "rule" &&
        key != "about") {
      rd.error(v, fmt::format("unknown key '{}' (expected kind, example_dct, define, rule)", key));
    }
  }
  const toml::node* rules = root.get("rule");
  if (!rules) return f;
  const toml::array* arr = rules->as_array();
  if (!arr) {
    rd.error(*rules, "'rule' must be an array of tables ([[rule]])");
    return f;
  }
  if (!kind) {
    rd.error(*rules, "the file sets no kind (kind = \"dates\" | \"organisations\" | ...)");
    return f;
  }
  for (auto&& n : *arr) {
    if (auto* t = n.as_table()) f.rules.push_back(rd.rule(*t, *kind, f.stem, dct));
    else rd.error(n, "each rule is a table ([[rule]])");
  }
  return f;
}

}  // namespace dossier::rules
