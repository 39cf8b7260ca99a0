// read_file: what the walk found may be gone, replaced or special by the time it is read.

#include "lib/source/read_file.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "tests/support/run_binary.hpp"

using dossier::source::read_file;
using dossier::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("a file deleted between the walk and the read is named as gone", "[source][read_file]") {
  TempDir t;
  auto p = t.write("gone.txt", "soon deleted");
  fs::remove(p);
  auto r = read_file(p.string(), 1000);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "No such file or directory (gone before it was read)");
}

TEST_CASE("a file replaced by a FIFO after the walk is refused without blocking",
          "[source][read_file]") {
  TempDir t;
  auto p = t.path() / "was-a-file.txt";
  REQUIRE(mkfifo(p.c_str(), 0644) == 0);
  auto started = std::chrono::steady_clock::now();
  auto r = read_file(p.string(), 1000);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK_FALSE(r.ok);
  CHECK(r.error == "not a regular file");
}

TEST_CASE("a folder given to read_file is refused as a folder", "[source][read_file]") {
  TempDir t;
  fs::create_directory(t.path() / "x.txt");
  auto r = read_file((t.path() / "x.txt").string(), 1000);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "is a directory");
}

TEST_CASE("a file over the limit is refused before it is read", "[source][read_file]") {
  TempDir t;
  auto p = t.write("big.txt", std::string(1001, 'x'));
  auto r = read_file(p.string(), 1000);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "too large (1001 bytes > --max-bytes 1000)");
  CHECK(r.data.empty());
}

TEST_CASE("a file at the limit is read whole with its mtime", "[source][read_file]") {
  TempDir t;
  auto p = t.write("ok.txt", std::string(1000, 'x'));
  auto r = read_file(p.string(), 1000);
  REQUIRE(r.ok);
  CHECK(r.data == std::string(1000, 'x'));
  CHECK(r.mtime_ns > 0);
}

TEST_CASE("a file read whole keeps no spare capacity: its text is held until it is written",
          "[source][read_file]") {
  TempDir t;
  auto p = t.write("held.txt", std::string(9000, 'x'));
  auto r = read_file(p.string(), 100000);
  REQUIRE(r.ok);
  CHECK(r.data.size() == 9000);
  CHECK(r.data.capacity() < 9000 + 4096);
}

TEST_CASE("a file with more bytes than fstat says (procfs) is read to its end",
          "[source][read_file]") {
  // /proc files are regular files of size 0 whose reads return text.
  auto r = read_file("/proc/self/status", 1 << 20);
  REQUIRE(r.ok);
  CHECK(r.data.find("Name:") == 0);
  CHECK(r.data.find("VmRSS") != std::string::npos);
}
