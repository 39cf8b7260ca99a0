#pragma once
// Names, aliases and facts about entities (organisations, threat actors), loaded from
// data/gazetteers/*.toml:
//
//   kind = "organisations"
//   [[entity]]
//   name = "Information Commissioner's Office"
//   category = "regulator"
//   country = "GB"
//   aliases = ["ICO", { name = "Britain's data protection regulator", source = "description" }]
//
// Threat-actor entries add `sponsor`, `ids = { mitre = "G0016" }`, and aliases with sources.
// Matching is case-sensitive unless the entity (or alias) says `ignore_case = true`.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/diagnostic.hpp"
#include "lib/rules/key_index.hpp"
#include "lib/rules/rule.hpp"

namespace dossier::rules {

struct Alias {
  std::string text;
  std::string source;  // "gazetteer", "mitre", "misp", "microsoft", "description", ...
  bool ignore_case = false;
  // key_hash(text::name_key(text)), filled by Gazetteer::finish(). (Not the key itself: for
  // 100,000 entities their keys were 19 MB.)
  std::uint64_t key_hash = 0;
};

struct Entity {
  Kind kind = Kind::kOrganisations;
  std::string name;
  std::uint64_t key_hash = 0;  // key_hash(text::name_key(name)), filled by Gazetteer::finish()
  std::string category;
  std::string country;
  std::string sponsor;
  std::map<std::string, std::string> ids;
  std::vector<Alias> aliases;  // the canonical name first
};

// One gazetteer file: its kind (from `kind = "..."`) and entities.
struct GazetteerFile {
  std::optional<Kind> kind;
  std::vector<Entity> entities;
};

// Parses a gazetteer file (TOML text); problems go to `diags` with file:line:col.
GazetteerFile parse_gazetteer_file(std::string_view text, const std::string& path,
                                   Diagnostics& diags);

// Immutable after load; shared across threads.
class Gazetteer {
 public:
  // Adds entities. One whose name is already present replaces it, in finish() (a user's
  // gazetteer overrides the built-in entry).
  void add(std::vector<Entity> entities);
  // Replaces entities that share a name and builds the indexes; call once after the last add.
  void finish();

  const std::vector<Entity>& entities() const { return entities_; }
  // Entities (indices into entities(), increasing) that `surface` names, compared by
  // text::name_key; empty when none. More than one means the alias is ambiguous.
  std::span<const int> lookup(std::string_view surface) const;
  // The same for a surface's key already made (text::name_key).
  std::span<const int> lookup_key(std::string_view key) const;
  // Index of the entity with this canonical name (by name_key), or -1.
  int find(std::string_view name) const;

  Kind kind() const { return kind_; }
  void set_kind(Kind k) { kind_ = k; }

 private:
  Kind kind_ = Kind::kOrganisations;
  std::vector<Entity> entities_;
  KeyIndex by_alias_;  // alias keys (the name's too) -> entities
  KeyIndex by_name_;   // name keys -> the entity
};

}  // namespace dossier::rules
