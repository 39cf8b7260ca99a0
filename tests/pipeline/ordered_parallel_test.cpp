#include "lib/pipeline/ordered_parallel.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using dossier::pipeline::InFlight;
using dossier::pipeline::ordered_parallel;

namespace {
// Every item weighs nothing: only the count of items in flight is bounded.
std::uint64_t weightless(std::size_t) { return 0; }
}  // namespace

TEST_CASE("results are consumed in input order whatever order they finish in", "[pipeline]") {
  std::vector<std::size_t> seen;
  ordered_parallel<std::size_t>(
      50, 4, InFlight{8, 0}, weightless,
      [](std::size_t i) {
        // Later items finish first.
        std::this_thread::sleep_for(std::chrono::microseconds((50 - i) * 20));
        return i * 10;
      },
      [&](std::size_t i, std::size_t&& v) {
        CHECK(v == i * 10);
        seen.push_back(i);
      });
  REQUIRE(seen.size() == 50);
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

TEST_CASE("no more than the window is in flight", "[pipeline]") {
  std::atomic<int> in_flight{0}, most{0};
  ordered_parallel<int>(
      200, 4, InFlight{6, 0}, weightless,
      [&](std::size_t) {
        int now = ++in_flight;
        int m = most.load();
        while (now > m && !most.compare_exchange_weak(m, now)) {
        }
        return 0;
      },
      [&](std::size_t, int&&) { --in_flight; });
  CHECK(most.load() <= 6);
}

TEST_CASE("a stop request ends the run after what was started", "[pipeline]") {
  std::atomic<bool> stop{false};
  std::size_t consumed = 0;
  ordered_parallel<int>(
      1000, 2, InFlight{4, 0}, weightless, [](std::size_t) { return 1; },
      [&](std::size_t i, int&&) {
        ++consumed;
        if (i == 10) stop = true;
      },
      &stop);
  CHECK(consumed >= 11);
  CHECK(consumed < 1000);
}

// Records the most items ever started and not yet consumed.
struct InFlightCounter {
  std::atomic<int> now{0}, most{0};
  void start() {
    int n = ++now;
    int m = most.load();
    while (n > m && !most.compare_exchange_weak(m, n)) {
    }
  }
};

TEST_CASE("no more than the weight budget is in flight", "[pipeline]") {
  InFlightCounter c;
  ordered_parallel<int>(
      200, 2, InFlight{100, 30}, [](std::size_t) { return std::uint64_t{10}; },
      [&](std::size_t) {
        c.start();
        return 0;
      },
      [&](std::size_t, int&&) { --c.now; });
  CHECK(c.most.load() <= 3);
}

TEST_CASE("items heavier than the whole budget still run, one per thread", "[pipeline]") {
  InFlightCounter c;
  std::size_t consumed = 0;
  ordered_parallel<int>(
      50, 2, InFlight{100, 10}, [](std::size_t) { return std::uint64_t{1000}; },
      [&](std::size_t) {
        c.start();
        return 0;
      },
      [&](std::size_t, int&&) {
        --c.now;
        ++consumed;
      });
  CHECK(consumed == 50);
  CHECK(c.most.load() <= 2);
}

// Wake-ups come in batches (of results for the consumer, of room for the workers). Whatever the
// window, budget and thread count, someone must still be woken: a wait that nobody ends hangs
// this test (without a stop flag the consumer waits with no timeout).
TEST_CASE("batched wake-ups never leave every thread waiting", "[pipeline]") {
  for (int jobs : {1, 2, 3, 5}) {
    for (std::size_t items : {1, 2, 3, 8, 17, 64}) {
      for (std::uint64_t budget : {0, 1, 25, 100}) {
        CAPTURE(jobs, items, budget);
        std::vector<std::size_t> seen;
        ordered_parallel<std::size_t>(
            300, jobs, InFlight{items, budget},
            [](std::size_t i) { return std::uint64_t{i % 7 == 0 ? 30u : 5u}; },
            [](std::size_t i) {
              if (i % 13 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
              return i;
            },
            [&](std::size_t i, std::size_t&& v) {
              CHECK(v == i);
              if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
              seen.push_back(i);
            });
        CHECK(seen.size() == 300);
      }
    }
  }
}
