#pragma once
// Consecutive items grouped into batches, the unit of work of ingest's and extract's workers
// (process_batch runs each scanner over a whole batch before the next).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier::pipeline {

struct Batch {
  std::size_t first = 0, last = 0;  // items [first, last)
  std::uint64_t weight = 0;         // their summed weight (bytes)
};

// A batch ends before the item that would make it hold more than `items` items or weigh more
// than `weight`; so an item heavier than `weight` makes a batch alone.
struct BatchLimits {
  std::size_t items = 64;
  std::uint64_t weight = 1u << 20;
};

// Batches of items [0, n) in order, each non-empty; weigh(i) is item i's weight.
template <typename Weigh>
std::vector<Batch> make_batches(std::size_t n, BatchLimits limits, Weigh weigh) {
  std::vector<Batch> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t w = weigh(i);
    if (out.empty() || out.back().last - out.back().first >= limits.items ||
        out.back().weight + w > limits.weight) {
      out.push_back({i, i, 0});
    }
    out.back().last = i + 1;
    out.back().weight += w;
  }
  return out;
}

}  // namespace dossier::pipeline
