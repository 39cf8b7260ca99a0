#pragma once
// Runs the built dossier binary for end-to-end tests: arguments, optional stdin, and what came
// back (exit code, stdout, stderr); or starts it in the background to signal it mid-run. Also a
// scratch directory that removes itself.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace dossier::testing {

struct RunResult {
  int exit_code = -1;  // 128 + signal number when a signal ended it
  std::string out;
  std::string err;
};

// How to start the binary: `prefix... dossier args...` in `cwd`.
struct Launch {
  explicit Launch(std::vector<std::string> args, std::filesystem::path cwd = {})
      : args(std::move(args)), cwd(std::move(cwd)) {}
  std::vector<std::string> args;
  std::filesystem::path cwd;          // empty: the current directory
  std::string stdin_text;
  std::vector<std::string> prefix;    // e.g. {"/bin/bash", "-c", "ulimit -f 300; exec \"$@\"", "bash"}
  int uid = -1;                       // >= 0: run as this user (and group) when we are root
};

// Runs `dossier ARGS...` in `cwd` (default: current directory) and waits for it.
RunResult run_dossier(const std::vector<std::string>& args, const std::string& stdin_text = "",
                      const std::filesystem::path& cwd = {});
RunResult run_dossier(const Launch& launch);

// Starts the binary without waiting; stdout goes to /dev/null, stderr to `err` (or /dev/null
// when empty). A child that cannot switch to `launch.uid` exits 125.
pid_t spawn_dossier(const Launch& launch, const std::filesystem::path& err = {});

// Waits for `pid`; its exit code, or 128 + the signal that ended it.
int wait_exit(pid_t pid);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to path()/name (creating folders) and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& p);
std::filesystem::path source_dir();  // the repository root

}  // namespace dossier::testing
