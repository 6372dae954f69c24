// --output-dir files (see output_dir.h).
#include "chart/output_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "chart/os_error.h"

namespace capstan::chart {

namespace {

// os.MkdirAll(path, 0755): each missing component in turn; an existing non-directory fails
// as Go fails ("mkdir P: not a directory").
void mkdir_all(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) == 0) {
    if (!path.empty() && !S_ISDIR(st.st_mode))
      throw os_error("mkdir", path, ENOTDIR);
    return;
  }
  const std::size_t slash = path.find_last_of('/');
  if (slash != std::string::npos && slash > 0)
    mkdir_all(path.substr(0, slash));
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
    throw os_error("mkdir", path, errno);
}

// path.Dir for the separator-joined name (Go cleans it; a trailing file name goes).
std::string parent_dir(const std::string& file) {
  const std::size_t slash = file.find_last_of('/');
  if (slash == std::string::npos)
    return ".";
  return slash == 0 ? "/" : file.substr(0, slash);
}

}  // namespace

void OutputDir::write(const std::string& dir, std::string_view name, std::string_view data,
                      bool append, std::string& out) {
  const std::string file = dir + "/" + std::string(name);
  mkdir_all(parent_dir(file));
  const int flags = append ? (O_WRONLY | O_APPEND) : (O_WRONLY | O_CREAT | O_TRUNC);
  const int fd = ::open(file.c_str(), flags | O_CLOEXEC, append ? 0600 : 0666);
  if (fd < 0)
    throw os_error("open", file, errno);
  std::string text = "---\n# Source: ";
  text += name;
  text += "\n";
  text += data;
  text += "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      const int saved = errno;
      ::close(fd);
      throw os_error("write", file, saved);
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out += "wrote " + file + "\n";
}

}  // namespace capstan::chart
