#pragma once
// Runs produce(i) for i in [0, n) on `jobs` threads and hands each result to consume(i, result)
// on the calling thread, in order of i. What is in flight (started, not yet consumed) is bounded
// by a count and by a weight (a file's size), so memory does not grow with n, and a long item
// does not idle the other threads while the short ones after it wait their turn (bloaty's shared
// atomic index; ripgrep's ordered printer).
// When `stop` becomes true, no new item starts; items already started are still consumed.
//
// Threads are woken only when one waits, and then in batches: a waiting consumer when a batch of
// results is ready (or nothing else is being worked on), waiting workers when a batch of room is
// free. A wake-up per item is a system call per file, which cost 5-8% of an extract on a
// paravirtualised machine.

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dossier::pipeline {

// Bounds on what is in flight. `jobs` items may always be in flight, whatever they weigh, so one
// item heavier than `weight` still runs.
struct InFlight {
  std::size_t items = 256;
  std::uint64_t weight = 16u << 20;
};

template <typename T, typename Weigh, typename Produce, typename Consume>
void ordered_parallel(std::size_t n, int jobs, InFlight limit, Weigh weigh, Produce produce,
                      Consume consume, const std::atomic<bool>* stop = nullptr) {
  jobs = std::max(1, jobs);
  const std::size_t window = std::max<std::size_t>(limit.items, static_cast<std::size_t>(jobs));
  // Items (of results or of room) a sleeping thread is woken for.
  const std::size_t batch = std::clamp<std::size_t>(window / 8, 1, 16);
  std::vector<std::optional<T>> slots(window);
  std::vector<std::uint64_t> weights(window, 0);
  std::mutex mu;
  std::condition_variable ready, space;
  std::size_t claimed = 0, finished = 0, consumed = 0;
  std::uint64_t weight_in_flight = 0;
  int workers_waiting = 0;
  bool consumer_waiting = false;
  bool ending = false;  // no worker may start another item (under mu)
  auto stopped = [&] { return ending || (stop && stop->load(std::memory_order_relaxed)); };
  auto can_claim = [&] {
    std::size_t in_flight = claimed - consumed;
    if (in_flight >= window) return false;
    return in_flight < static_cast<std::size_t>(jobs) ||
           weight_in_flight + weigh(claimed) <= limit.weight;
  };

  // The consumer, waiting for item `consumed`: worth waking once it is ready and either a batch
  // is ready or no more results would come without it (none being worked on, none to start).
  auto consumer_should_wake = [&] {
    return consumer_waiting && consumed < claimed && slots[consumed % window].has_value() &&
           (finished - consumed >= batch ||
            (finished == claimed && (claimed >= n || stopped() || !can_claim())));
  };
  // Workers waiting for room: worth waking once a batch of it is free (or fewer than `jobs`
  // items are in flight, which may always start).
  auto workers_should_wake = [&] {
    std::size_t in_flight = claimed - consumed;
    return workers_waiting > 0 &&
           (in_flight < static_cast<std::size_t>(jobs) ||
            (in_flight + batch <= window && weight_in_flight <= limit.weight - limit.weight / 4));
  };

  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        ++workers_waiting;
        space.wait(lock, [&] { return claimed >= n || stopped() || can_claim(); });
        --workers_waiting;
        if (claimed >= n || stopped()) return;
        i = claimed++;
        weights[i % window] = weigh(i);
        weight_in_flight += weights[i % window];
      }
      T result = produce(i);
      bool wake;
      {
        std::lock_guard lock(mu);
        slots[i % window] = std::move(result);
        ++finished;
        wake = consumer_should_wake();
      }
      if (wake) ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  auto finish = [&] {
    {
      std::lock_guard lock(mu);
      ending = true;
    }
    space.notify_all();
    for (auto& t : threads) t.join();
  };
  while (true) {
    T item;
    {
      std::unique_lock lock(mu);
      consumer_waiting = true;
      auto woken = [&] {
        return consumed >= n || slots[consumed % window].has_value() ||
               (stopped() && consumed >= claimed);
      };
      // The timeout lets a stop request (a signal handler's flag, which cannot notify) end a
      // wait for an item that is never produced. Without one, nothing but the workers wakes it.
      if (stop) {
        ready.wait_for(lock, std::chrono::milliseconds(100), woken);
      } else {
        ready.wait(lock, woken);
      }
      consumer_waiting = false;
      if (consumed >= n || (stopped() && consumed >= claimed)) break;
      if (!slots[consumed % window]) continue;
      item = std::move(*slots[consumed % window]);
      slots[consumed % window].reset();
    }
    try {
      consume(consumed, std::move(item));
    } catch (...) {
      // Joinable threads must not be destroyed: stop and join them, then rethrow.
      finish();
      throw;
    }
    bool wake;
    {
      std::lock_guard lock(mu);
      weight_in_flight -= weights[consumed % window];
      ++consumed;
      wake = workers_should_wake();
    }
    if (wake) space.notify_all();
  }
  finish();
}

}  // namespace dossier::pipeline
