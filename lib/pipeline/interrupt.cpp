#include "lib/pipeline/interrupt.hpp"

#include <csignal>

namespace dossier::pipeline {
namespace {

std::atomic<bool> g_interrupted{false};

void on_signal(int sig) {
  if (g_interrupted.exchange(true)) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

}  // namespace

void install_interrupt_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  // Past `ulimit -f` a write fails with EFBIG (and a clear message) instead of killing us.
  std::signal(SIGXFSZ, SIG_IGN);
}

const std::atomic<bool>& interrupted() { return g_interrupted; }

}  // namespace dossier::pipeline
