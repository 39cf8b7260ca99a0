#pragma once
// Which process a run belongs to, so that a later run can tell a run whose process is gone
// (killed with -9, crashed, its machine went down) from one still going beside it: the first
// stays "running" in `runs` for ever otherwise.
//
// A process is its host, its pid, and what tells that pid from a later one with the same
// number: the boot it runs in, its pid namespace (a container sees other pids), and its start
// time in clock ticks since boot (/proc/PID/stat). Only a run of this host, boot and pid
// namespace can be judged; any other is unknown.

#include <cstdint>
#include <optional>
#include <string>

namespace dossier::store {

struct RunOwner {
  std::string host;
  std::int64_t pid = 0;
  std::string process;  // "<boot id> <pid namespace> <start ticks>"
};

// The owner that process `pid` of this machine would be; nullopt when it is not running (or
// /proc cannot say).
std::optional<RunOwner> owner_of(std::int64_t pid);
// This process as a run's owner (host and pid at least, when /proc cannot say more).
RunOwner this_process();

enum class OwnerState { kRunning, kGone, kUnknown };
// Whether `owner` still runs, judged from `self` (this_process()): gone when it is of this host
// and either another boot or, in this boot and pid namespace, no process with its pid and start
// time; unknown when it is of another host or pid namespace, or says too little.
OwnerState owner_state(const RunOwner& owner, const RunOwner& self);

}  // namespace dossier::store
