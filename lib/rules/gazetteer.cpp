#include "lib/rules/gazetteer.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <numeric>

#include "lib/rules/toml_util.hpp"
#include "lib/text/normalise.hpp"

namespace dossier::rules {
namespace {

SourcePos pos_of(const toml::node& n, const std::string& path) {
  return {path, static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

}  // namespace

GazetteerFile parse_gazetteer_file(std::string_view text, const std::string& path,
                                   Diagnostics& diags) {
  GazetteerFile out;
  auto error = [&](const toml::node& n, std::string msg) {
    SourcePos p = pos_of(n, path);
    diags.push_back({p, std::move(msg), line_of_text(text, p.line)});
  };
  std::optional<toml::table> parsed = parse_toml(text, path, diags);
  if (!parsed) return out;
  toml::table& root = *parsed;
  if (auto k = root["kind"].value<std::string>()) {
    out.kind = kind_from_string(*k);
    if (!out.kind || (*out.kind != Kind::kOrganisations && *out.kind != Kind::kThreatActors)) {
      error(*root.get("kind"), fmt::format("a gazetteer's kind is organisations or threat_actors, not '{}'", *k));
      out.kind.reset();
    }
  } else {
    diags.push_back({{path, 1, 1}, "a gazetteer must say kind = \"organisations\" or \"threat_actors\"",
                     line_of_text(text, 1)});
  }
  const toml::array* arr = root["entity"].as_array();
  if (!arr) return out;
  out.entities.reserve(arr->size());
  for (auto&& node : *arr) {
    const toml::table* t = node.as_table();
    if (!t) {
      error(node, "each entity is a table ([[entity]])");
      continue;
    }
    Entity e;
    e.kind = out.kind.value_or(Kind::kOrganisations);
    bool ignore_case = (*t)["ignore_case"].value_or(false);
    e.name = (*t)["name"].value_or(std::string());
    if (e.name.empty()) {
      error(node, "entity has no 'name'");
      continue;
    }
    e.category = (*t)["category"].value_or(std::string());
    e.country = (*t)["country"].value_or(std::string());
    e.sponsor = (*t)["sponsor"].value_or(std::string());
    if (auto* ids = (*t)["ids"].as_table()) {
      for (auto&& [k, v] : *ids) e.ids[std::string(k.str())] = v.value_or(std::string());
    }
    e.aliases.push_back(
        {e.name, (*t)["source"].value_or(std::string("gazetteer")), ignore_case, {}});
    if (auto* aliases = (*t)["aliases"].as_array()) {
      for (auto&& a : *aliases) {
        if (auto s = a.value<std::string>()) {
          e.aliases.push_back({*s, "gazetteer", ignore_case, {}});
        } else if (auto* at = a.as_table()) {
          Alias al{(*at)["name"].value_or(std::string()),
                   (*at)["source"].value_or(std::string("gazetteer")),
                   (*at)["ignore_case"].value_or(ignore_case), {}};
          if (al.text.empty()) error(a, "alias has no 'name'");
          else e.aliases.push_back(std::move(al));
        } else {
          error(a, "an alias is a string or { name = \"...\", source = \"...\" }");
        }
      }
    }
    out.entities.push_back(std::move(e));
  }
  return out;
}

void Gazetteer::add(std::vector<Entity> entities) {
  // Room for them at once, but growing geometrically: an exact reserve per file made 1,000
  // files of 100 entities take 59 s to load instead of 3 s.
  if (std::size_t needed = entities_.size() + entities.size(); needed > entities_.capacity())
    entities_.reserve(std::max(needed, 2 * entities_.capacity()));
  for (Entity& e : entities) entities_.push_back(std::move(e));
}

void Gazetteer::finish() {
  std::vector<std::string> keys;  // of the names, while the indexes are built
  keys.reserve(entities_.size());
  for (const Entity& e : entities_) keys.push_back(text::name_key(e.name));
  // Entities that share a name: the first's place, the last's content (a user's gazetteer,
  // loaded after the built-in ones, overrides their entry).
  std::vector<int> order(entities_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return keys[a] < keys[b]; });
  std::vector<bool> replaced(entities_.size(), false);
  for (std::size_t a = 0, b = 0; a < order.size(); a = b) {
    for (b = a + 1; b < order.size() && keys[order[b]] == keys[order[a]];) ++b;
    if (b - a == 1) continue;
    entities_[order[a]] = std::move(entities_[order[b - 1]]);
    for (std::size_t k = a + 1; k < b; ++k) replaced[order[k]] = true;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (replaced[i]) continue;
    if (kept != i) {
      entities_[kept] = std::move(entities_[i]);
      keys[kept] = std::move(keys[i]);
    }
    ++kept;
  }
  entities_.erase(entities_.begin() + static_cast<std::ptrdiff_t>(kept), entities_.end());
  keys.resize(kept);

  std::vector<KeyIndex::Pair> names;
  for (int i = 0; i < static_cast<int>(entities_.size()); ++i) {
    entities_[i].key_hash = key_hash(keys[i]);
    names.push_back({keys[i], i});
  }
  by_name_.build(std::move(names));
  // The aliases' keys, made in a vector that does not grow (the pairs view them).
  std::size_t alias_count = 0;
  for (const Entity& e : entities_) alias_count += e.aliases.size();
  keys.clear();
  keys.reserve(alias_count);
  std::vector<KeyIndex::Pair> aliases;
  aliases.reserve(alias_count);
  for (int i = 0; i < static_cast<int>(entities_.size()); ++i) {
    for (Alias& a : entities_[i].aliases) {
      a.key_hash = key_hash(keys.emplace_back(text::name_key(a.text)));
      aliases.push_back({keys.back(), i});
    }
  }
  by_alias_.build(std::move(aliases));
}

namespace {

// Whether `text` (whose key's hash is `text_hash`) has the key `key` (whose hash is `hash`): the
// hashes first, the key made only when they are equal.
bool has_key(std::string_view text, std::uint64_t text_hash, std::string_view key,
             std::uint64_t hash) {
  if (text_hash != hash) return false;
  thread_local std::string made;  // one per thread, reused
  text::name_key_into(text, made);
  return made == key;
}

}  // namespace

std::span<const int> Gazetteer::lookup(std::string_view surface) const {
  thread_local std::string key;  // one per thread, reused: a lookup per match allocates nothing
  text::name_key_into(surface, key);
  return lookup_key(key);
}

std::span<const int> Gazetteer::lookup_key(std::string_view key) const {
  std::uint64_t hash = key_hash(key);
  return by_alias_.find(hash, [&](int id) {
    for (const Alias& a : entities_[id].aliases)
      if (has_key(a.text, a.key_hash, key, hash)) return true;
    return false;
  });
}

int Gazetteer::find(std::string_view name) const {
  std::string key = text::name_key(name);
  std::uint64_t hash = key_hash(key);
  std::span<const int> ids = by_name_.find(
      hash, [&](int id) { return has_key(entities_[id].name, entities_[id].key_hash, key, hash); });
  return ids.empty() ? -1 : ids.front();
}

}  // namespace dossier::rules
