#include "lib/source/read_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>

namespace dossier::source {

ReadResult read_file(const std::string& path, std::uint64_t max_bytes) {
  ReadResult r;
  // O_NONBLOCK: a FIFO named here must not hang the run; regular files ignore it.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    r.error = errno == ENOENT ? "No such file or directory (gone before it was read)"
                              : std::strerror(errno);
    return r;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    r.error = std::strerror(errno);
    ::close(fd);
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    ::close(fd);
    return r;
  }
  r.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    r.error = fmt::format("too large ({} bytes > --max-bytes {})", st.st_size, max_bytes);
    ::close(fd);
    return r;
  }
  try {
    r.data.resize(static_cast<std::size_t>(st.st_size));
  } catch (const std::exception&) {  // bad_alloc, length_error: this file, not the run
    r.error = fmt::format("out of memory reading {} bytes", st.st_size);
    ::close(fd);
    return r;
  }
  // Read into the buffer fstat sized; once it is full, into a small probe: most files end
  // there (the probe reads nothing), and what a file that grew while read has more is appended.
  // Growing the buffer to look for the end instead left every text 64 KB of spare capacity.
  char probe[4096];
  std::size_t got = 0;
  while (true) {
    const bool full = got == r.data.size();
    ssize_t n = full ? ::read(fd, probe, sizeof probe)
                     : ::read(fd, r.data.data() + got, r.data.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      r.error = std::strerror(errno);
      ::close(fd);
      return r;
    }
    if (n == 0) break;
    if (full) r.data.append(probe, static_cast<std::size_t>(n));
    got += static_cast<std::size_t>(n);
    if (got > max_bytes) {
      r.error = fmt::format("too large (grew past --max-bytes {} while read)", max_bytes);
      ::close(fd);
      return r;
    }
  }
  r.data.resize(got);
  ::close(fd);
  r.ok = true;
  return r;
}

}  // namespace dossier::source
