#include "tests/support/run_binary.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier::testing {
namespace fs = std::filesystem;

namespace {

// In the child: points fd `target` at `path` (opened with `flags`), or at /dev/null.
void redirect(int target, const fs::path& path, int flags) {
  int fd = open(path.empty() ? "/dev/null" : path.c_str(), flags, 0666);
  if (fd < 0) _exit(126);
  dup2(fd, target);
  close(fd);
}

pid_t start(const Launch& launch, const fs::path& in, const fs::path& out, const fs::path& err) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  redirect(0, in, O_RDONLY);
  redirect(1, out, O_WRONLY | O_CREAT | O_TRUNC);
  redirect(2, err, O_WRONLY | O_CREAT | O_TRUNC);
  if (!launch.cwd.empty() && chdir(launch.cwd.c_str()) != 0) _exit(126);
  if (launch.uid >= 0 && geteuid() == 0 &&
      (setgroups(0, nullptr) != 0 || setgid(launch.uid) != 0 || setuid(launch.uid) != 0))
    _exit(125);
  std::vector<std::string> all = launch.prefix;
  all.push_back(DOSSIER_BINARY);
  all.insert(all.end(), launch.args.begin(), launch.args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

RunResult run_dossier(const Launch& launch) {
  TempDir io;
  // Readable and writable by the user the child may switch to.
  fs::permissions(io.path(), fs::perms::all);
  fs::path in = io.write("stdin", launch.stdin_text), out = io.path() / "stdout",
           err = io.path() / "stderr";
  RunResult r;
  r.exit_code = wait_exit(start(launch, in, out, err));
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

RunResult run_dossier(const std::vector<std::string>& args, const std::string& stdin_text,
                      const fs::path& cwd) {
  Launch launch(args, cwd);
  launch.stdin_text = stdin_text;
  return run_dossier(launch);
}

pid_t spawn_dossier(const Launch& launch, const fs::path& err) {
  return start(launch, {}, {}, err);
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "dossier-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& bytes) const {
  fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path source_dir() { return DOSSIER_SOURCE_DIR; }

}  // namespace dossier::testing
