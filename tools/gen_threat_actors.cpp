// Generates data/gazetteers/threat_actors.toml from the upstream threat-actor tables.
//
// Run (from the repository root, after building):
//   build/tools/gen_threat_actors ../shared/reference tools/threat_actor_overrides.toml
//       data/gazetteers/threat_actors.toml   (one line)
//
// Inputs (in the reference directory): attack_groups.json (MITRE ATT&CK groups: ids, names,
// aliases), microsoft_mapping.upstream.json (Microsoft's weather names, origin, other vendors'
// names), misp_microsoft_activity_group.upstream.json and misp_threat_actor.upstream.json (MISP
// galaxy clusters: synonyms, country). Only names, ids and countries are copied, no prose.
//
// One actor per real group: records are joined when they share a MITRE id, when a Microsoft
// name is a MITRE alias, when a MISP cluster's name is a MITRE or Microsoft name; never merely
// because they share a synonym (such aliases stay on every actor that has them, and the
// extractor reports them as ambiguous). tools/threat_actor_overrides.toml, kept by hand, decides
// where the sources disagree: forced merges, wrong aliases, generic aliases, sponsors, actors in
// no table.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "lib/text/normalise.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using dossier::text::name_key;

// Where a record came from; also the alias source priority (lower first).
enum class Source { kMicrosoft, kMitre, kMisp, kOverride };

const char* source_name(Source s) {
  switch (s) {
    case Source::kMicrosoft: return "microsoft";
    case Source::kMitre: return "mitre";
    case Source::kMisp: return "misp";
    case Source::kOverride: return "gazetteer";
  }
  return "";
}

// One row of one upstream table.
struct Record {
  Source source;
  std::string name;
  std::string mitre_id;      // MITRE records, and MISP clusters that name one
  std::string country;       // ISO-2, when the table says
  std::vector<std::string> aliases;
};

// Records joined into one actor (union-find with a guard against joining two MITRE groups or
// two Microsoft names, which would mean a shared synonym chained unrelated actors).
class Components {
 public:
  explicit Components(const std::vector<Record>& recs) : recs_(recs), parent_(recs.size()) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  int find(int i) { return parent_[i] == i ? i : parent_[i] = find(parent_[i]); }
  // Joins a and b unless that would put two MITRE ids or two Microsoft names in one actor.
  bool join(int a, int b, bool force = false) {
    a = find(a), b = find(b);
    if (a == b) return true;
    if (!force && (clash(a, b, Source::kMitre) || clash(a, b, Source::kMicrosoft))) return false;
    parent_[b] = a;
    return true;
  }

 private:
  bool clash(int a, int b, Source s) {
    std::string x, y;
    for (int i = 0; i < static_cast<int>(recs_.size()); ++i) {
      if (recs_[i].source != s) continue;
      int r = find(i);
      if (r == a) x = recs_[i].name;
      if (r == b) y = recs_[i].name;
    }
    return !x.empty() && !y.empty() && x != y;
  }
  const std::vector<Record>& recs_;
  std::vector<int> parent_;
};

json read_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return json::parse(in);
}

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return std::isspace(c); };
  while (!s.empty() && sp(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && sp(s[i])) ++i;
  return s.substr(i);
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');) {
    if (part = trim(part); !part.empty()) out.push_back(part);
  }
  return out;
}

// Microsoft's "Origin/Threat" first clause, as ISO-2 (empty for "Financially motivated" etc.).
std::string origin_country(const std::string& origin) {
  static const std::map<std::string, std::string> iso = {
      {"Russia", "RU"},   {"China", "CN"},       {"Iran", "IR"},      {"North Korea", "KP"},
      {"Lebanon", "LB"},  {"Vietnam", "VN"},     {"Türkiye", "TR"},   {"United Arab Emirates", "AE"},
      {"Singapore", "SG"}, {"Israel", "IL"},     {"Austria", "AT"},   {"India", "IN"},
      {"Pakistan", "PK"}, {"Belarus", "BY"},     {"Ukraine", "UA"},   {"United States", "US"},
      {"Korea", "KR"}};
  std::string first = split_commas(origin).empty() ? "" : split_commas(origin).front();
  auto it = iso.find(first);
  return it == iso.end() ? "" : it->second;
}

bool is_mitre_id(const std::string& s) {
  return s.size() == 5 && s[0] == 'G' &&
         std::all_of(s.begin() + 1, s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "Winnti" for "Winnti Group", "Sandworm" for "Sandworm Team": the press drops the suffix.
// Empty when the name has no such suffix.
std::string short_name(const std::string& n) {
  for (const std::string suffix : {" Group", " Team"}) {
    if (n.size() > suffix.size() + 3 && n.ends_with(suffix))
      return n.substr(0, n.size() - suffix.size());
  }
  return "";
}

std::vector<Record> read_mitre(const fs::path& dir) {
  std::vector<Record> out;
  const json doc = read_json(dir / "attack_groups.json");
  for (const json& r : doc["records"]) {
    if (r.value("revoked", false) || r.value("deprecated", false)) continue;
    Record rec{Source::kMitre, r["name"], r["attack_id"], "", {}};
    for (const json& a : r["aliases"]) rec.aliases.push_back(a);
    if (std::string s = short_name(rec.name); !s.empty()) rec.aliases.push_back(s);
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<Record> read_microsoft(const fs::path& dir) {
  std::vector<Record> out;
  for (const json& r : read_json(dir / "microsoft_mapping.upstream.json")) {
    Record rec{Source::kMicrosoft, trim(r["Threat actor name"]), "",
               origin_country(r.value("Origin/Threat", "")), split_commas(r.value("Other names", ""))};
    out.push_back(std::move(rec));
  }
  return out;
}

// A MISP galaxy's clusters; `source` tags them.
std::vector<Record> read_misp(const fs::path& file) {
  std::vector<Record> out;
  const json doc = read_json(file);
  for (const json& v : doc["values"]) {
    Record rec{Source::kMisp, trim(v["value"]), "", "", {}};
    const json meta = v.value("meta", json::object());
    rec.country = meta.value("country", "");
    for (const json& s : meta.value("synonyms", json::array())) {
      std::string a = trim(s);
      if (is_mitre_id(a)) rec.mitre_id = a;
      else rec.aliases.push_back(a);
    }
    out.push_back(std::move(rec));
  }
  return out;
}

// The hand-kept decisions (tools/threat_actor_overrides.toml).
struct Overrides {
  std::vector<std::vector<std::string>> merges;              // names that are one actor
  std::set<std::string> skip_aliases;                         // by name_key, everywhere
  std::map<std::string, std::set<std::string>> drop_aliases;  // actor key -> alias keys
  std::map<std::string, std::string> sponsors;                // actor key -> sponsor
  std::map<std::string, std::string> countries;               // actor key -> country
  std::vector<Record> extra;                                  // actors in no table
};

Overrides read_overrides(const fs::path& p) {
  Overrides o;
  toml::table t = toml::parse_file(p.string());
  auto strings = [](const toml::node* n) {
    std::vector<std::string> out;
    if (auto* a = n ? n->as_array() : nullptr)
      for (auto&& x : *a) out.push_back(x.value_or(std::string()));
    return out;
  };
  if (auto* a = t["merge"].as_array())
    for (auto&& m : *a) o.merges.push_back(strings(m.as_table()->get("names")));
  for (const std::string& s : strings(t.get("skip_aliases"))) o.skip_aliases.insert(name_key(s));
  if (auto* a = t["drop"].as_array())
    for (auto&& d : *a) {
      const toml::table& dt = *d.as_table();
      for (const std::string& s : strings(dt.get("aliases")))
        o.drop_aliases[name_key(dt["actor"].value_or(std::string()))].insert(name_key(s));
    }
  if (auto* s = t["sponsor"].as_table())
    for (auto&& [k, v] : *s) o.sponsors[name_key(k.str())] = v.value_or(std::string());
  if (auto* s = t["country"].as_table())
    for (auto&& [k, v] : *s) o.countries[name_key(k.str())] = v.value_or(std::string());
  if (auto* a = t["actor"].as_array())
    for (auto&& x : *a) {
      const toml::table& xt = *x.as_table();
      o.extra.push_back({Source::kOverride, xt["name"].value_or(std::string()), "",
                         xt["country"].value_or(std::string()), strings(xt.get("aliases"))});
    }
  return o;
}

struct OutAlias {
  std::string text;
  Source source;
  bool ignore_case;
};

struct OutEntity {
  std::string name;
  std::string country;
  std::string sponsor;
  std::string mitre;
  std::vector<OutAlias> aliases;
};

bool has_digit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}
bool is_one_word(const std::string& s) {
  return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}
bool all_lower(const std::string& s) {
  return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isupper(c); });
}

// Whether an alias is kept, and how it is matched: single common-looking words only with their
// exact capitals; multi-word and alphanumeric names (APT29, "the Dukes") in any case.
std::optional<OutAlias> make_alias(const std::string& text, Source src, const Overrides& o) {
  std::string key = name_key(text);
  if (key.empty() || o.skip_aliases.count(key)) return std::nullopt;
  if (text.size() < 4 && !has_digit(text)) return std::nullopt;  // "UPS", "LEAD" kept (4)
  if (is_one_word(text) && !has_digit(text) && all_lower(text)) return std::nullopt;
  bool ignore_case = has_digit(text) || !is_one_word(text);
  return OutAlias{text, src, ignore_case};
}

// A TOML basic string, escaped by toml++.
std::string quoted(const std::string& s) {
  std::ostringstream ss;
  ss << toml::value<std::string>(s);
  return ss.str();
}

std::string render(const std::vector<OutEntity>& entities, const std::string& header) {
  std::string out = header + "kind = \"threat_actors\"\n";
  for (const OutEntity& e : entities) {
    out += "\n[[entity]]\nname = " + quoted(e.name) + "\n";
    if (!e.country.empty()) out += "country = " + quoted(e.country) + "\n";
    if (!e.sponsor.empty()) out += "sponsor = " + quoted(e.sponsor) + "\n";
    if (!e.mitre.empty()) out += "ids = { mitre = " + quoted(e.mitre) + " }\n";
    const OutAlias& self = e.aliases.front();
    out += fmt::format("source = \"{}\"\n", source_name(self.source));
    if (self.ignore_case) out += "ignore_case = true\n";
    if (e.aliases.size() > 1) {
      out += "aliases = [\n";
      for (std::size_t i = 1; i < e.aliases.size(); ++i) {
        const OutAlias& a = e.aliases[i];
        // The entity's ignore_case is its aliases' default: say so where an alias differs.
        std::string ic = a.ignore_case == self.ignore_case ? ""
                         : a.ignore_case                   ? ", ignore_case = true"
                                                           : ", ignore_case = false";
        out += fmt::format("  {{ name = {}, source = \"{}\"{} }},\n", quoted(a.text),
                           source_name(a.source), ic);
      }
      out += "]\n";
    }
  }
  return out;
}

// Microsoft's weather name ("Midnight Blizzard"), else MITRE's, else MISP's, else a Microsoft
// placeholder ("Storm-0302", "DEV-0537"), else a hand-kept name. `members` are sorted by source.
std::string canonical_name(const std::vector<Record>& recs, const std::vector<int>& members) {
  auto placeholder = [](const Record& r) {
    return r.name.rfind("Storm-", 0) == 0 || r.name.rfind("DEV-", 0) == 0 ||
           (r.source == Source::kMicrosoft && is_one_word(r.name));
  };
  for (int i : members)
    if (!placeholder(recs[i])) return recs[i].name;
  return recs[members.front()].name;
}

// Every record of every table, then the joins; returns the actors, sorted by name.
std::vector<OutEntity> build(const fs::path& ref, const Overrides& o) {
  std::vector<Record> recs;
  auto append = [&](std::vector<Record> part) {
    recs.insert(recs.end(), part.begin(), part.end());
  };
  append(read_microsoft(ref));
  append(read_mitre(ref));
  append(read_misp(ref / "misp_microsoft_activity_group.upstream.json"));
  append(read_misp(ref / "misp_threat_actor.upstream.json"));
  append(o.extra);
  Components comp(recs);
  // Primary names and MITRE ids -> records.
  std::map<std::string, std::vector<int>> by_name, by_mitre_id, mitre_alias;
  for (int i = 0; i < static_cast<int>(recs.size()); ++i) {
    by_name[name_key(recs[i].name)].push_back(i);
    if (!recs[i].mitre_id.empty() && recs[i].source == Source::kMitre)
      by_mitre_id[recs[i].mitre_id].push_back(i);
    if (recs[i].source == Source::kMitre)
      for (const std::string& a : recs[i].aliases) mitre_alias[name_key(a)].push_back(i);
  }
  for (int i = 0; i < static_cast<int>(recs.size()); ++i) {
    const Record& r = recs[i];
    // Same primary name (Microsoft's and MISP's "Midnight Blizzard"; MITRE's and MISP's "APT28").
    for (int j : by_name[name_key(r.name)]) comp.join(j, i);
    if (r.source == Source::kMitre) continue;
    if (!r.mitre_id.empty())
      for (int j : by_mitre_id[r.mitre_id]) comp.join(j, i);
    // A name that is an alias of exactly one MITRE group (MITRE lists Microsoft's names).
    auto it = mitre_alias.find(name_key(r.name));
    if (it != mitre_alias.end() && it->second.size() == 1) comp.join(it->second.front(), i);
  }
  // Microsoft's other names that only one Microsoft actor lists name that actor's MITRE group or
  // MISP cluster ("Purple Typhoon": APT10, menuPass). Names Microsoft gives several actors don't.
  std::map<std::string, std::vector<int>> ms_other;
  for (int i = 0; i < static_cast<int>(recs.size()); ++i)
    if (recs[i].source == Source::kMicrosoft)
      for (const std::string& a : recs[i].aliases) ms_other[name_key(a)].push_back(i);
  for (const auto& [key, listers] : ms_other) {
    if (listers.size() != 1) continue;
    auto it = by_name.find(key);
    if (it == by_name.end()) continue;
    for (int j : it->second)
      if (recs[j].source != Source::kMicrosoft) comp.join(listers.front(), j);
  }
  // A MISP cluster that alone lists a Microsoft actor's name is that actor (MISP "Callisto"
  // lists "Star Blizzard").
  std::map<std::string, std::vector<int>> misp_synonym;
  for (int i = 0; i < static_cast<int>(recs.size()); ++i)
    if (recs[i].source == Source::kMisp)
      for (const std::string& a : recs[i].aliases) misp_synonym[name_key(a)].push_back(i);
  for (int i = 0; i < static_cast<int>(recs.size()); ++i) {
    if (recs[i].source != Source::kMicrosoft) continue;
    auto it = misp_synonym.find(name_key(recs[i].name));
    if (it != misp_synonym.end() && it->second.size() == 1) comp.join(i, it->second.front());
  }
  for (const auto& names : o.merges) {
    for (std::size_t k = 1; k < names.size(); ++k) {
      auto a = by_name.find(name_key(names[0])), b = by_name.find(name_key(names[k]));
      if (a == by_name.end() || b == by_name.end())
        throw std::runtime_error("overrides: merge names no record: " + names[k]);
      for (int j : b->second) comp.join(a->second.front(), j, true);
    }
  }

  std::map<int, std::vector<int>> groups;
  for (int i = 0; i < static_cast<int>(recs.size()); ++i) groups[comp.find(i)].push_back(i);
  // A Microsoft or MITRE actor's own name names that actor, even where another actor lists it
  // among its aliases ("Sapphire Sleet" on Diamond Sleet, "TA505" on Spandex Tempest).
  std::map<std::string, int> owner;
  for (int i = 0; i < static_cast<int>(recs.size()); ++i)
    if (recs[i].source == Source::kMicrosoft || recs[i].source == Source::kMitre)
      for (const std::string& n : {recs[i].name, short_name(recs[i].name)})
        if (!n.empty()) owner.emplace(name_key(n), comp.find(i));
  std::vector<OutEntity> out;
  for (auto& [root, members] : groups) {
    // Members by source priority, table order within a source.
    std::stable_sort(members.begin(), members.end(),
                     [&](int a, int b) { return recs[a].source < recs[b].source; });
    OutEntity e;
    std::vector<std::pair<std::string, Source>> names;
    e.name = canonical_name(recs, members);
    for (int i : members) {
      const Record& r = recs[i];
      if (r.source == Source::kMitre && e.mitre.empty()) e.mitre = r.mitre_id;
      if (e.country.empty()) e.country = r.country;
      names.push_back({r.name, r.source});
    }
    for (int i : members)
      for (const std::string& a : recs[i].aliases) names.push_back({a, recs[i].source});
    std::stable_sort(names.begin(), names.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    std::string key = name_key(e.name);
    const auto& drops = o.drop_aliases.count(key) ? o.drop_aliases.at(key) : std::set<std::string>{};
    // The canonical name first, matched in any case when distinctive (as make_alias decides).
    Source name_source = std::find_if(names.begin(), names.end(), [&](const auto& n) {
                           return n.first == e.name;
                         })->second;
    e.aliases.push_back({e.name, name_source, has_digit(e.name) || !is_one_word(e.name)});
    // Seen: "i:<key>" for aliases matched in any case, "s:<text>" for exact ones; "Nobelium"
    // and "NOBELIUM" are two exact aliases, "APT29" and "apt29" one.
    std::set<std::string> seen = {(e.aliases.front().ignore_case ? "i:" + key : "s:" + e.name)};
    for (auto& [text, src] : names) {
      std::string k = name_key(text);
      if (drops.count(k) || seen.count("i:" + k)) continue;
      if (auto ow = owner.find(k); ow != owner.end() && ow->second != root) continue;
      std::optional<OutAlias> a = make_alias(text, src, o);
      if (!a || !seen.insert(a->ignore_case ? "i:" + k : "s:" + text).second) continue;
      e.aliases.push_back(*a);
    }
    // Sponsors and countries are keyed by canonical name or MITRE id.
    for (const std::string& k : {key, name_key(e.mitre)}) {
      if (auto s = o.sponsors.find(k); s != o.sponsors.end()) e.sponsor = s->second;
      if (auto c = o.countries.find(k); c != o.countries.end()) e.country = c->second;
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const OutEntity& a, const OutEntity& b) {
    return std::make_pair(name_key(a.name), a.name) < std::make_pair(name_key(b.name), b.name);
  });
  return out;
}

const char* kHeader =
    "# GENERATED by tools/gen_threat_actors.cpp: do not edit; change the generator or\n"
    "# tools/threat_actor_overrides.toml and run, from the repository root:\n"
    "#   build/tools/gen_threat_actors ../shared/reference tools/threat_actor_overrides.toml \\\n"
    "#       data/gazetteers/threat_actors.toml\n"
    "# From: attack_groups.json (MITRE ATT&CK), microsoft_mapping.upstream.json (Microsoft),\n"
    "# misp_microsoft_activity_group.upstream.json and misp_threat_actor.upstream.json (MISP\n"
    "# galaxy). Names, ids and countries only; attributions and licences in NOTICE.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: gen_threat_actors REFERENCE_DIR OVERRIDES.toml OUT.toml\n";
    return 2;
  }
  try {
    std::vector<OutEntity> entities = build(argv[1], read_overrides(argv[2]));
    std::ofstream out(argv[3], std::ios::binary);
    out << render(entities, kHeader);
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[3]);
    std::size_t aliases = 0;
    for (const auto& e : entities) aliases += e.aliases.size();
    std::cerr << fmt::format("{}: {} actors, {} names\n", argv[3], entities.size(), aliases);
  } catch (const std::exception& e) {
    std::cerr << "gen_threat_actors: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
