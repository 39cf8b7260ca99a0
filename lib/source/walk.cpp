#include "lib/source/walk.hpp"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

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

struct Walker {
  const WalkOptions& options;
  WalkResult result;
  std::set<std::pair<dev_t, ino_t>> active;  // folders on the current path, for loop detection

  void fail(const std::string& path, const std::string& reason) {
    result.failures.push_back({path, reason});
  }

  void file(const std::string& path, const struct stat& st) {
    result.files.push_back({path, static_cast<std::uint64_t>(st.st_size), mtime_of(st)});
  }

  void folder(const std::string& path, const std::string& rel_prefix, const struct stat& st) {
    auto key = std::make_pair(st.st_dev, st.st_ino);
    if (active.count(key)) {
      fail(path, "symbolic link loop (folder already being walked)");
      return;
    }
    DIR* dir = opendir(path.c_str());
    if (!dir) {
      fail(path, std::strerror(errno));
      return;
    }
    active.insert(key);
    std::vector<std::string> names;
    while (dirent* e = readdir(dir)) {
      std::string n = e->d_name;
      if (n == "." || n == "..") continue;
      names.push_back(std::move(n));
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      if (n.front() == '.') continue;  // hidden files and folders (.git, .DS_Store)
      std::string child = path == "." ? n : path.back() == '/' ? path + n : path + "/" + n;
      std::string rel = rel_prefix.empty() ? n : rel_prefix + "/" + n;
      struct stat cst;
      if (stat(child.c_str(), &cst) != 0) {
        struct stat lst;
        if (errno == ELOOP || (lstat(child.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))) {
          fail(child, errno == ELOOP ? "symbolic link loop" : "broken symbolic link");
        } else {
          fail(child, std::strerror(errno));
        }
        continue;
      }
      if (S_ISDIR(cst.st_mode)) {
        if (!any_match(options.exclude, rel, n)) folder(child, rel, cst);
        continue;
      }
      bool wanted = options.include.empty() ? default_text_name(n)
                                            : any_match(options.include, rel, n);
      if (!wanted || any_match(options.exclude, rel, n)) continue;
      if (!S_ISREG(cst.st_mode)) {
        fail(child, describe_type(cst.st_mode));
        continue;
      }
      file(child, cst);
    }
    active.erase(key);
  }
};

}  // namespace

bool default_text_name(const std::string& name) {
  auto dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  std::string ext = name.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".txt" || ext == ".text" || ext == ".md";
}

WalkResult walk(const std::vector<std::string>& paths, const WalkOptions& options) {
  Walker w{options, {}, {}};
  for (const std::string& p : paths) {
    struct stat st;
    if (stat(p.c_str(), &st) != 0) {
      w.fail(p, errno == ELOOP ? "symbolic link loop" : std::strerror(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      w.folder(p, "", st);
    } else if (S_ISREG(st.st_mode)) {
      w.file(p, st);
    } else {
      w.fail(p, describe_type(st.st_mode));
    }
  }
  return std::move(w.result);
}

}  // namespace dossier::source
