#pragma once
// Runs produce(i) for i in [0, n) on `jobs` threads and hands each result to consume(i, result)
// on the calling thread, in order of i. At most `window` results are in flight, so memory does
// not grow with n (bloaty's shared atomic index; ripgrep's ordered printer).
// When `stop` becomes true, no new item starts; items already started are still consumed.

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dossier::pipeline {

template <typename T, typename Produce, typename Consume>
void ordered_parallel(std::size_t n, int jobs, std::size_t window, Produce produce,
                      Consume consume, const std::atomic<bool>* stop = nullptr) {
  jobs = std::max(1, jobs);
  window = std::max<std::size_t>(window, static_cast<std::size_t>(jobs));
  std::vector<std::optional<T>> slots(window);
  std::mutex mu;
  std::condition_variable ready, space;
  std::size_t claimed = 0, consumed = 0;
  bool failed = false;  // consume threw: workers stop, then the exception goes on (under mu)
  auto stopped = [&] { return failed || (stop && stop->load(std::memory_order_relaxed)); };

  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        space.wait(lock, [&] { return claimed >= n || stopped() || claimed - consumed < window; });
        if (claimed >= n || stopped()) return;
        i = claimed++;
      }
      T result = produce(i);
      {
        std::lock_guard lock(mu);
        slots[i % window] = std::move(result);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  while (true) {
    T item;
    {
      std::unique_lock lock(mu);
      ready.wait_for(lock, std::chrono::milliseconds(100), [&] {
        return consumed >= n || slots[consumed % window].has_value() ||
               (stopped() && consumed >= claimed);
      });
      if (consumed >= n || (stopped() && consumed >= claimed)) break;
      if (!slots[consumed % window]) continue;
      item = std::move(*slots[consumed % window]);
      slots[consumed % window].reset();
    }
    try {
      consume(consumed, std::move(item));
    } catch (...) {
      // Joinable threads must not be destroyed: stop and join them, then rethrow.
      {
        std::lock_guard lock(mu);
        failed = true;
      }
      space.notify_all();
      for (auto& t : threads) t.join();
      throw;
    }
    {
      std::lock_guard lock(mu);
      ++consumed;
    }
    space.notify_all();
  }
  space.notify_all();
  for (auto& t : threads) t.join();
}

}  // namespace dossier::pipeline
