#pragma once
// Finds the input files under the paths a user gives. Folders are walked recursively, in
// sorted order, following symbolic links but never the same folder twice (a symlink loop is
// reported, not followed). Inside folders only .txt, .text, .md and extension-less files are
// taken by default; --include/--exclude globs (fnmatch, matched against the path relative to the
// folder and against the file name) change that. Paths named explicitly are always taken.

#include <cstdint>
#include <string>
#include <vector>

namespace dossier::source {

struct WalkOptions {
  std::vector<std::string> include;  // when non-empty, replaces the default extensions
  std::vector<std::string> exclude;
};

struct InputFile {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// A path that cannot be an input: "path: reason".
struct WalkFailure {
  std::string path;
  std::string reason;
};

struct WalkResult {
  std::vector<InputFile> files;
  std::vector<WalkFailure> failures;
};

WalkResult walk(const std::vector<std::string>& paths, const WalkOptions& options);

// True when the file name would be taken by default (.txt, .text, .md, or no extension).
bool default_text_name(const std::string& name);

}  // namespace dossier::source
