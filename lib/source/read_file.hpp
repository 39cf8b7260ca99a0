#pragma once
// Reads a whole file into memory (ninja's way: one read, then string views).

#include <cstdint>
#include <string>

namespace dossier::source {

struct ReadResult {
  bool ok = false;
  std::string data;
  std::string error;  // "No such file or directory", "too large (...)", ...
  std::int64_t mtime_ns = 0;
};

// Refuses files over `max_bytes` without reading them, and anything that is not a regular file.
ReadResult read_file(const std::string& path, std::uint64_t max_bytes);

}  // namespace dossier::source
