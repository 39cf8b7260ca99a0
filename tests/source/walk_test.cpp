// walk: sorted, recursive, loops and special files named instead of followed or read.

#include "lib/source/walk.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/run_binary.hpp"

using namespace dossier::source;
using dossier::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> paths_of(const WalkResult& r, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(fs::path(f.path).lexically_relative(root).string());
  return out;
}

}  // namespace

TEST_CASE("walk takes text files in sorted order and recurses into x.txt folders",
          "[source][walk]") {
  TempDir t;
  t.write("b.txt", "b");
  t.write("a.md", "a");
  t.write("x.txt/inner.txt", "i");
  t.write("image.png", "p");
  t.write(".hidden.txt", "h");
  WalkResult r = walk({t.path().string()}, {});
  CHECK(paths_of(r, t.path()) == std::vector<std::string>{"a.md", "b.txt", "x.txt/inner.txt"});
  CHECK(r.failures.empty());
}

TEST_CASE("walk names a symlink loop once and a FIFO as not a regular file", "[source][walk]") {
  TempDir t;
  t.write("a.txt", "a");
  fs::create_directory_symlink(".", t.path() / "loop");
  REQUIRE(mkfifo((t.path() / "fifo.txt").c_str(), 0644) == 0);
  WalkResult r = walk({t.path().string()}, {});
  CHECK(paths_of(r, t.path()) == std::vector<std::string>{"a.txt"});
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].path == (t.path() / "fifo.txt").string());
  CHECK(r.failures[0].reason == "not a regular file (a FIFO)");
  CHECK(r.failures[1].path == (t.path() / "loop").string());
  CHECK(r.failures[1].reason == "symbolic link loop (folder already being walked)");
}

TEST_CASE("walk names a path that does not exist", "[source][walk]") {
  WalkResult r = walk({"/nonexistent/dossier/path"}, {});
  CHECK(r.files.empty());
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].reason == "No such file or directory");
}
