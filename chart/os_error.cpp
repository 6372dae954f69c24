// Go-worded file system errors (see os_error.h).
#include "chart/os_error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace capstan::chart {

Error os_error(std::string_view op, std::string_view path, int errno_value) {
  // Go's syscall error table is glibc's strerror text with a lower-case first letter.
  std::string reason = std::strerror(errno_value);
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') {
    reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  }
  ErrorKind kind = errno_value == ENOENT ? ErrorKind::NotFound : ErrorKind::Io;
  return Error(kind, std::string(op) + " " + std::string(path) + ": " + reason);
}

std::string read_os_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw os_error("open", path, errno);
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      int saved = errno;
      ::close(fd);
      throw os_error("read", path, saved);
    }
    if (n == 0)
      break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace capstan::chart
