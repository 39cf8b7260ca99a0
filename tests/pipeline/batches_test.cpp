// make_batches: consecutive items, in order, none lost, none batched past a limit; a heavy item
// alone.

#include "lib/pipeline/batches.hpp"

#include <catch2/catch.hpp>

#include <vector>

using dossier::pipeline::Batch;
using dossier::pipeline::BatchLimits;
using dossier::pipeline::make_batches;

namespace {

std::vector<Batch> batches_of(const std::vector<std::uint64_t>& weights, BatchLimits limits) {
  return make_batches(weights.size(), limits, [&](std::size_t i) { return weights[i]; });
}

}  // namespace

TEST_CASE("no items make no batches", "[pipeline][batches]") {
  CHECK(batches_of({}, BatchLimits{}).empty());
}

TEST_CASE("a batch ends at the item limit", "[pipeline][batches]") {
  auto b = batches_of(std::vector<std::uint64_t>(7, 1), BatchLimits{3, 100});
  REQUIRE(b.size() == 3);
  CHECK((b[0].first == 0 && b[0].last == 3 && b[0].weight == 3));
  CHECK((b[1].first == 3 && b[1].last == 6));
  CHECK((b[2].first == 6 && b[2].last == 7 && b[2].weight == 1));
}

TEST_CASE("a batch ends before the item that would make it too heavy", "[pipeline][batches]") {
  auto b = batches_of({4, 4, 3, 5}, BatchLimits{10, 10});
  REQUIRE(b.size() == 2);
  CHECK((b[0].first == 0 && b[0].last == 2 && b[0].weight == 8));
  CHECK((b[1].first == 2 && b[1].last == 4 && b[1].weight == 8));
}

TEST_CASE("an item heavier than the limit makes a batch alone", "[pipeline][batches]") {
  auto b = batches_of({1, 50, 1, 1}, BatchLimits{10, 10});
  REQUIRE(b.size() == 3);
  CHECK((b[0].first == 0 && b[0].last == 1));
  CHECK((b[1].first == 1 && b[1].last == 2 && b[1].weight == 50));
  CHECK((b[2].first == 2 && b[2].last == 4 && b[2].weight == 2));
}
