// walk: sorted, recursive, loops and special files named instead of followed or read.

#include "lib/source/walk.hpp"

#include <sys/resource.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/run_binary.hpp"

using namespace dossier::source;
using dossier::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// The input files' paths, relative to `root`.
std::vector<std::string> paths_of(const std::vector<WalkEntry>& r, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& f : r)
    if (f.ok()) out.push_back(fs::path(f.path).lexically_relative(root).string());
  return out;
}

std::vector<WalkEntry> failures_of(const std::vector<WalkEntry>& r) {
  std::vector<WalkEntry> out;
  for (const auto& f : r)
    if (!f.ok()) out.push_back(f);
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
  std::vector<WalkEntry> r = walk({t.path().string()}, {});
  CHECK(paths_of(r, t.path()) == std::vector<std::string>{"a.md", "b.txt", "x.txt/inner.txt"});
  CHECK(failures_of(r).empty());
}

TEST_CASE("walk names a symlink loop once and a FIFO as not a regular file", "[source][walk]") {
  TempDir t;
  t.write("a.txt", "a");
  fs::create_directory_symlink(".", t.path() / "loop");
  REQUIRE(mkfifo((t.path() / "fifo.txt").c_str(), 0644) == 0);
  std::vector<WalkEntry> r = walk({t.path().string()}, {});
  CHECK(paths_of(r, t.path()) == std::vector<std::string>{"a.txt"});
  std::vector<WalkEntry> failures = failures_of(r);
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].path == (t.path() / "fifo.txt").string());
  CHECK(failures[0].failure == "not a regular file (a FIFO)");
  CHECK(failures[1].path == (t.path() / "loop").string());
  CHECK(failures[1].failure == "symbolic link loop (folder already being walked)");
}

TEST_CASE("walk names a path that does not exist", "[source][walk]") {
  std::vector<WalkEntry> r = walk({"/nonexistent/dossier/path"}, {});
  REQUIRE(r.size() == 1);
  CHECK(!r[0].ok());
  CHECK(r[0].failure == "No such file or directory");
}

TEST_CASE("the walk taken a chunk at a time meets what it meets at once, in the same order",
          "[source][walk]") {
  TempDir t;
  for (const char* name : {"a/1.txt", "a/2.txt", "a/b/3.txt", "a/b/c/4.txt", "a/b/c/5.txt",
                           "d/6.txt", "e.txt", "f/.hidden/7.txt", "f/8.md", "g/h/i/9.txt"})
    t.write(name, "x");
  REQUIRE(mkfifo((t.path() / "a/b/fifo.txt").c_str(), 0644) == 0);
  fs::create_directory_symlink("..", t.path() / "d" / "up");
  std::vector<std::string> roots = {t.path().string(), "/nonexistent/dossier/path",
                                    (t.path() / "e.txt").string()};
  std::vector<WalkEntry> whole = walk(roots, {});
  REQUIRE(paths_of(whole, t.path()).size() == 10);  // e.txt twice: in the folder and named
  REQUIRE(failures_of(whole).size() == 3);
  for (std::size_t chunk : {1, 2, 3, 7}) {
    Walker w(roots, {});
    std::vector<WalkEntry> all, one;
    while (w.next(chunk, one)) {
      CHECK(one.size() <= chunk);
      all.insert(all.end(), one.begin(), one.end());
      one.clear();
    }
    CHECK(w.done());
    CHECK(w.found() == whole.size());
    REQUIRE(all.size() == whole.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      CHECK(all[i].path == whole[i].path);
      CHECK(all[i].failure == whole[i].failure);
    }
  }
}

namespace {

std::size_t open_descriptors() {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator("/proc/self/fd"),
                                                fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a walk left half way closes the folders it held open", "[source][walk]") {
  TempDir t;
  for (const char* name : {"a/b/c/d/1.txt", "a/b/c/d/2.txt", "a/b/c/d/3.txt"}) t.write(name, "x");
  const std::size_t before = open_descriptors();
  {
    Walker w({t.path().string()}, {});
    std::vector<WalkEntry> one;
    REQUIRE(w.next(1, one));  // inside a/b/c/d, five folders deep
    CHECK(open_descriptors() > before);
  }
  CHECK(open_descriptors() == before);
  std::vector<WalkEntry> all = walk({t.path().string()}, {});
  CHECK(all.size() == 3);
  CHECK(open_descriptors() == before);
}

TEST_CASE("a tree deeper than the descriptors left is walked by full paths", "[source][walk]") {
  // Each folder on the walk's path is held open to stat its entries; past the process's limit
  // the walk goes on without. ctest runs each test case in a process of its own.
  TempDir t;
  std::string deep;
  for (int i = 0; i < 12; ++i) {
    deep += "d/";
    t.write(deep + "f.txt", "x");
  }
  struct rlimit old {};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &old) == 0);
  struct rlimit low = old;
  low.rlim_cur = open_descriptors() + 4;  // opendir needs one more at each level
  REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
  std::vector<WalkEntry> all = walk({t.path().string()}, {});
  setrlimit(RLIMIT_NOFILE, &old);
  CHECK(paths_of(all, t.path()).size() == 12);
  CHECK(failures_of(all).empty());
}
