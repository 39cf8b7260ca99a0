#include "lib/store/run_owner.hpp"

#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>
#include <vector>

namespace dossier::store {
namespace {

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string host_name() {
  std::array<char, 256> buf{};
  if (gethostname(buf.data(), buf.size() - 1) != 0) return {};
  return buf.data();
}

// This process's pid namespace ("pid:[4026531836]"), empty when /proc cannot say.
std::string pid_namespace() {
  std::array<char, 64> buf{};
  ssize_t n = readlink("/proc/self/ns/pid", buf.data(), buf.size() - 1);
  return n > 0 ? std::string(buf.data(), static_cast<std::size_t>(n)) : std::string();
}

// The words of `s`, split at spaces.
std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Process `pid`'s start time in clock ticks since boot (field 22 of /proc/PID/stat), empty when
// it has none or has ended (a zombie, not yet reaped, has ended).
std::string start_ticks(std::int64_t pid) {
  std::string stat = first_line("/proc/" + std::to_string(pid) + "/stat");
  // Field 2, the command, is in parentheses and may hold anything: count after its last ')'.
  std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return {};
  std::vector<std::string> fields = words(stat.substr(close + 1));  // from field 3, the state
  if (fields.size() < 20 || fields[0] == "Z" || fields[0] == "X") return {};
  return fields[19];
}

}  // namespace

std::optional<RunOwner> owner_of(std::int64_t pid) {
  if (pid <= 0) return std::nullopt;
  std::string ticks = start_ticks(pid);
  std::string boot = first_line("/proc/sys/kernel/random/boot_id");
  std::string ns = pid_namespace();
  if (ticks.empty() || boot.empty() || ns.empty()) return std::nullopt;
  return RunOwner{host_name(), pid, boot + " " + ns + " " + ticks};
}

RunOwner this_process() {
  const std::int64_t pid = getpid();
  if (auto me = owner_of(pid)) return *me;
  return RunOwner{host_name(), pid, {}};
}

OwnerState owner_state(const RunOwner& owner, const RunOwner& self) {
  if (owner.host.empty() || owner.host != self.host) return OwnerState::kUnknown;
  std::vector<std::string> theirs = words(owner.process), mine = words(self.process);
  if (theirs.size() != 3 || mine.size() != 3) return OwnerState::kUnknown;
  if (theirs[0] != mine[0]) return OwnerState::kGone;  // this host booted since
  if (theirs[1] != mine[1]) return OwnerState::kUnknown;  // another container's pids
  return start_ticks(owner.pid) == theirs[2] ? OwnerState::kRunning : OwnerState::kGone;
}

}  // namespace dossier::store
