// The reference for the benchmark: reads every file under a folder and counts the matches of one
// capture-free RE2 alternation of all gazetteer aliases (max_mem 256 MB, one RE2 per thread),
// the floor dossier's own plumbing is compared against.
//
//   raw_scan DIR [--gazetteers DIR] [--jobs N]
// Prints: files, bytes, seconds, matches.

#include <fcntl.h>
#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench/gazetteer_names.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: raw_scan DIR [--gazetteers DIR] [--jobs N]\n");
    return 2;
  }
  std::string dir = argv[1], gazetteers = "data/gazetteers";
  int jobs = 2;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--gazetteers") gazetteers = argv[i + 1];
    else if (a == "--jobs") jobs = std::stoi(argv[i + 1]);
  }
  auto started = std::chrono::steady_clock::now();
  std::string alt;
  std::size_t names = 0;
  for (const auto& [kind, list] : dossier::bench::gazetteer_names(gazetteers)) {
    for (const auto& a : list) {
      if (!alt.empty()) alt += '|';
      std::string q = RE2::QuoteMeta(a.text);
      alt += a.ignore_case ? "(?i:" + q + ")" : q;
      ++names;
    }
  }
  RE2::Options o;
  o.set_never_capture(true);
  o.set_max_mem(256ll << 20);
  o.set_log_errors(false);
  const std::string pattern = "\\b(?:" + alt + ")\\b";

  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());

  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> bytes{0}, matches{0};
  auto worker = [&] {
    RE2 re(pattern, o);  // one per thread (PERF-NOTES: scales better than a shared one)
    std::string buf;
    std::uint64_t my_bytes = 0, my_matches = 0;
    for (std::size_t i; (i = next++) < files.size();) {
      int fd = ::open(files[i].c_str(), O_RDONLY);
      if (fd < 0) continue;
      buf.clear();
      char chunk[1 << 16];
      for (ssize_t k; (k = ::read(fd, chunk, sizeof chunk)) > 0;) buf.append(chunk, k);
      ::close(fd);
      my_bytes += buf.size();
      re2::StringPiece in(buf), m;
      std::size_t pos = 0;
      while (pos < buf.size() && re.Match(in, pos, buf.size(), RE2::UNANCHORED, &m, 1)) {
        ++my_matches;
        pos = (m.data() - buf.data()) + std::max<std::size_t>(m.size(), 1);
      }
    }
    bytes += my_bytes;
    matches += my_matches;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("files %zu bytes %llu seconds %.3f matches %llu names %zu\n", files.size(),
              static_cast<unsigned long long>(bytes.load()), secs,
              static_cast<unsigned long long>(matches.load()), names);
  return 0;
}
