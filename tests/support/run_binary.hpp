#pragma once
// Runs the built dossier binary for end-to-end tests: arguments, optional stdin, and what came
// back (exit code, stdout, stderr). Also a scratch directory that removes itself.

#include <filesystem>
#include <string>
#include <vector>

namespace dossier::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `dossier ARGS...` in `cwd` (default: current directory).
RunResult run_dossier(const std::vector<std::string>& args, const std::string& stdin_text = "",
                      const std::filesystem::path& cwd = {});

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
