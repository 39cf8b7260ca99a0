#pragma once
// Keys (a gazetteer's name keys) to lists of ids, in two flat arrays: each key's 64-bit hash
// with where its ids are, sorted by hash, and the ids. The keys are not held; find() asks the
// caller whether an id has the key (`has_key`), so keys that share a hash stay apart. For a
// 100,000-entity gazetteer, std::unordered_map<std::string, std::vector<int>> of its 200,000
// aliases held ~30 MB in ~600,000 allocations; this holds 4 MB in two.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace dossier::rules {

// The hash KeyIndex files a key under (what Entity::key_hash and Alias::key_hash hold).
std::uint64_t key_hash(std::string_view key);

class KeyIndex {
 public:
  struct Pair {
    std::string_view key;  // need only live through build()
    int id = 0;
  };
  // Replaces the index with `pairs`; under each key its ids in increasing order, each once.
  void build(std::vector<Pair> pairs);

  // The ids under `key`, whose key_hash() is `hash` (the caller has it, to compare with what it
  // holds); empty when none. has_key(id) says whether `id` has `key`.
  template <class HasKey>
  std::span<const int> find(std::uint64_t hash, HasKey has_key) const {
    const Entry* end = entries_.data() + entries_.size();
    for (const Entry* e = first_with(hash); e != end && e->hash == hash; ++e)
      if (has_key(ids_[e->at])) return {ids_.data() + e->at, e->count};
    return {};
  }

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::uint32_t at = 0, count = 0;  // into ids_
  };
  const Entry* first_with(std::uint64_t h) const;

  std::vector<Entry> entries_;
  std::vector<int> ids_;
};

}  // namespace dossier::rules
