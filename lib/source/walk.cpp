#include "lib/source/walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dossier::source {
namespace {

std::int64_t mtime_of(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

bool any_match(const std::vector<std::string>& globs, const std::string& rel,
               const std::string& name) {
  for (const std::string& g : globs) {
    if (fnmatch(g.c_str(), rel.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0)
      return true;
  }
  return false;
}

std::string describe_type(mode_t m) {
  if (S_ISFIFO(m)) return "not a regular file (a FIFO)";
  if (S_ISSOCK(m)) return "not a regular file (a socket)";
  if (S_ISCHR(m) || S_ISBLK(m)) return "not a regular file (a device)";
  return "not a regular file";
}

}  // namespace

Walker::Walker(std::vector<std::string> paths, WalkOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {}

Walker::~Walker() {
  for (const Folder& f : stack_)
    if (f.fd >= 0) close(f.fd);
}

bool Walker::next(std::size_t max_entries, std::vector<WalkEntry>& out) {
  const std::size_t before = out.size();
  while (out.size() - before < max_entries) {
    if (!stack_.empty()) {
      Folder& f = stack_.back();
      if (f.next == f.names.size()) {
        if (f.fd >= 0) close(f.fd);
        active_.erase(f.key);
        stack_.pop_back();
        continue;
      }
      const std::string& n = f.names[f.next++];
      std::string child = f.path == "." ? n : f.path.back() == '/' ? f.path + n : f.path + "/" + n;
      std::string rel = f.rel.empty() ? n : f.rel + "/" + n;
      visit(f.fd, child, rel, n, out);  // may push a folder: `f` and `n` are not used after
      continue;
    }
    if (next_path_ == paths_.size()) break;
    const std::string& p = paths_[next_path_++];
    struct stat st;
    if (stat(p.c_str(), &st) != 0) {
      out.push_back({p, 0, 0, errno == ELOOP ? "symbolic link loop" : std::strerror(errno)});
    } else if (S_ISDIR(st.st_mode)) {
      enter(p, "", st, out);
    } else if (S_ISREG(st.st_mode)) {
      file(p, st, out);
    } else {
      out.push_back({p, 0, 0, describe_type(st.st_mode)});
    }
  }
  found_ += out.size() - before;
  return out.size() > before;
}

void Walker::visit(int folder_fd, const std::string& path, const std::string& rel,
                   const std::string& name, std::vector<WalkEntry>& out) {
  // Relative to the open folder when there is one: the kernel then resolves one name, not every
  // folder of the path (resolving them was a fifth of re-ingesting 117,043 unchanged files).
  auto stat_at = [&](struct stat* st, int flags) {
    return folder_fd >= 0 ? fstatat(folder_fd, name.c_str(), st, flags)
                          : (flags ? lstat(path.c_str(), st) : stat(path.c_str(), st));
  };
  struct stat st;
  if (stat_at(&st, 0) != 0) {
    struct stat lst;
    if (errno == ELOOP || (stat_at(&lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode))) {
      out.push_back({path, 0, 0, errno == ELOOP ? "symbolic link loop" : "broken symbolic link"});
    } else {
      out.push_back({path, 0, 0, std::strerror(errno)});
    }
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    if (!any_match(options_.exclude, rel, name)) enter(path, rel, st, out);
    return;
  }
  bool wanted = options_.include.empty() ? default_text_name(name)
                                         : any_match(options_.include, rel, name);
  if (!wanted || any_match(options_.exclude, rel, name)) return;
  if (!S_ISREG(st.st_mode)) {
    out.push_back({path, 0, 0, describe_type(st.st_mode)});
    return;
  }
  file(path, st, out);
}

void Walker::enter(const std::string& path, const std::string& rel, const struct stat& st,
                   std::vector<WalkEntry>& out) {
  auto key = std::make_pair(st.st_dev, st.st_ino);
  if (active_.count(key)) {
    out.push_back({path, 0, 0, "symbolic link loop (folder already being walked)"});
    return;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* dir = fd >= 0 ? fdopendir(fd) : nullptr;  // takes fd
  if (!dir) {
    const int err = errno;
    if (fd >= 0) close(fd);
    out.push_back({path, 0, 0, std::strerror(err)});
    return;
  }
  Folder f{path, rel, key, {}, 0, -1};
  while (dirent* e = readdir(dir)) {
    // Hidden files and folders (.git, .DS_Store), and . and ..
    if (e->d_name[0] != '.') f.names.emplace_back(e->d_name);
  }
  // Kept open while its entries are visited; -1 (out of descriptors, a very deep tree): their
  // full paths are used instead.
  f.fd = fcntl(dirfd(dir), F_DUPFD_CLOEXEC, 0);
  closedir(dir);
  std::sort(f.names.begin(), f.names.end());
  active_.insert(key);
  stack_.push_back(std::move(f));
}

void Walker::file(const std::string& path, const struct stat& st, std::vector<WalkEntry>& out) {
  out.push_back({path, static_cast<std::uint64_t>(st.st_size), mtime_of(st), {}});
}

bool default_text_name(const std::string& name) {
  auto dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  std::string ext = name.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".txt" || ext == ".text" || ext == ".md";
}

std::vector<WalkEntry> walk(const std::vector<std::string>& paths, const WalkOptions& options) {
  Walker w(paths, options);
  std::vector<WalkEntry> out;
  while (w.next(static_cast<std::size_t>(-1), out)) {
  }
  return out;
}

}  // namespace dossier::source
