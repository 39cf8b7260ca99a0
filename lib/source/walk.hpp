#pragma once
// Finds the input files under the paths a user gives. Folders are walked recursively, in
// sorted order, following symbolic links but never the same folder twice (a symlink loop is
// reported, not followed). Inside folders only .txt, .text, .md and extension-less files are
// taken by default; --include/--exclude globs (fnmatch, matched against the path relative to the
// folder and against the file name) change that. Paths named explicitly are always taken.
//
// The walk is taken a chunk at a time (Walker::next): what it holds is the names of the folders
// it is inside, not every file found, so a folder of millions of files costs no more memory than
// one chunk of them.

#include <sys/types.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

struct stat;

namespace dossier::source {

struct WalkOptions {
  std::vector<std::string> include;  // when non-empty, replaces the default extensions
  std::vector<std::string> exclude;
};

// What the walk meets: an input file, or a path that cannot be one ("path: reason").
struct WalkEntry {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string failure;  // why it is not an input ("not a regular file (a FIFO)"); empty if it is

  bool ok() const { return failure.empty(); }
};

class Walker {
 public:
  Walker(std::vector<std::string> paths, WalkOptions options);
  ~Walker();
  Walker(const Walker&) = delete;
  Walker& operator=(const Walker&) = delete;

  // Appends to `out` what the walk meets next, in walk order, up to `max_entries` of it. False
  // when the walk was already over (nothing appended).
  bool next(std::size_t max_entries, std::vector<WalkEntry>& out);
  // Entries (files and failures) met so far.
  std::size_t found() const { return found_; }
  bool done() const { return stack_.empty() && next_path_ == paths_.size(); }

 private:
  // A folder being walked: its sorted entries and the next one to visit.
  struct Folder {
    std::string path, rel;
    std::pair<dev_t, ino_t> key;
    std::vector<std::string> names;
    std::size_t next = 0;
    int fd = -1;  // the folder, open, for its entries' fstatat; -1 when it could not be kept
  };
  // `folder_fd`: the open folder `name` is in, or -1 (stat `path`).
  void visit(int folder_fd, const std::string& path, const std::string& rel,
             const std::string& name, std::vector<WalkEntry>& out);
  void enter(const std::string& path, const std::string& rel, const struct stat& st,
             std::vector<WalkEntry>& out);
  void file(const std::string& path, const struct stat& st, std::vector<WalkEntry>& out);

  std::vector<std::string> paths_;
  WalkOptions options_;
  std::size_t next_path_ = 0;
  std::vector<Folder> stack_;
  std::set<std::pair<dev_t, ino_t>> active_;  // folders on the stack, for loop detection
  std::size_t found_ = 0;
};

// The whole walk at once.
std::vector<WalkEntry> walk(const std::vector<std::string>& paths, const WalkOptions& options);

// True when the file name would be taken by default (.txt, .text, .md, or no extension).
bool default_text_name(const std::string& name);

}  // namespace dossier::source
