#include "lib/rules/key_index.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

namespace dossier::rules {

std::uint64_t key_hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

void KeyIndex::build(std::vector<Pair> pairs) {
  struct Hashed {
    std::uint64_t hash;
    std::string_view key;
    int id;
  };
  std::vector<Hashed> hashed;
  hashed.reserve(pairs.size());
  for (const Pair& p : pairs) hashed.push_back({key_hash(p.key), p.key, p.id});
  pairs = {};
  // By hash, then key (keys with one hash are entries of their own), then id.
  std::sort(hashed.begin(), hashed.end(), [](const Hashed& a, const Hashed& b) {
    return std::tie(a.hash, a.key, a.id) < std::tie(b.hash, b.key, b.id);
  });
  entries_.clear();
  ids_.clear();
  for (std::size_t i = 0; i < hashed.size(); ++i) {
    const Hashed& h = hashed[i];
    bool same_key = i > 0 && hashed[i - 1].hash == h.hash && hashed[i - 1].key == h.key;
    if (!same_key) entries_.push_back({h.hash, static_cast<std::uint32_t>(ids_.size()), 0});
    if (same_key && hashed[i - 1].id == h.id) continue;
    ids_.push_back(h.id);
    ++entries_.back().count;
  }
  entries_.shrink_to_fit();
  ids_.shrink_to_fit();
}

const KeyIndex::Entry* KeyIndex::first_with(std::uint64_t h) const {
  return std::lower_bound(entries_.data(), entries_.data() + entries_.size(), h,
                          [](const Entry& e, std::uint64_t v) { return e.hash < v; });
}

}  // namespace dossier::rules
