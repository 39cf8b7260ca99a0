#include "lib/rules/key_index.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using dossier::rules::KeyIndex;

namespace {

std::vector<int> ids_of(const KeyIndex& index, const std::vector<std::string>& keys_of_id,
                        std::string_view key) {
  auto ids =
      index.find(dossier::rules::key_hash(key), [&](int id) { return keys_of_id[id] == key; });
  return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("key index: a key's ids in increasing order, each once", "[gazetteer]") {
  // The key each id has first (what find() checks); id 2 and 3 also have "b".
  std::vector<std::string> key_of = {"a", "b", "b", "b"};
  KeyIndex index;
  index.build({{"b", 3}, {"a", 0}, {"b", 1}, {"b", 2}, {"b", 1}});
  CHECK(index.size() == 2);
  CHECK(ids_of(index, key_of, "a") == std::vector<int>{0});
  CHECK(ids_of(index, key_of, "b") == std::vector<int>{1, 2, 3});
  CHECK(ids_of(index, key_of, "c").empty());
  CHECK(ids_of(index, key_of, "").empty());
}

TEST_CASE("key index: a key is found only when its first id has it", "[gazetteer]") {
  KeyIndex index;
  index.build({{"x", 0}});
  // The index holds hashes, not keys: the caller's answer decides.
  CHECK(index.find(dossier::rules::key_hash("x"), [](int) { return false; }).empty());
  CHECK(index.find(dossier::rules::key_hash("x"), [](int) { return true; }).size() == 1);
}

TEST_CASE("key index: built again, it holds only the new pairs", "[gazetteer]") {
  std::vector<std::string> key_of = {"a", "b"};
  KeyIndex index;
  index.build({{"a", 0}});
  index.build({{"b", 1}});
  CHECK(ids_of(index, key_of, "a").empty());
  CHECK(ids_of(index, key_of, "b") == std::vector<int>{1});
}
