#pragma once
// SIGINT/SIGTERM ask the run to stop: no new document starts, what is done is committed, the
// run is recorded as interrupted. A second signal ends the process at once.
// SIGXFSZ (file size limit) is ignored so that the write fails with an error we can report.

#include <atomic>

namespace dossier::pipeline {

void install_interrupt_handlers();
// True once SIGINT or SIGTERM arrived.
const std::atomic<bool>& interrupted();

}  // namespace dossier::pipeline
