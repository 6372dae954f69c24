// Expanding chart archives into a directory, never outside it.
#include "repo/expand.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "chart/archive.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void sys_fail(const std::string& what) {
  throw Error(ErrorKind::Io, what + ": " + std::strerror(errno));
}

// Opens (creating) the directory `name` under `parent` without following a symbolic link.
int open_dir(int parent, const std::string& name, const std::string& shown) {
  if (::mkdirat(parent, name.c_str(), 0755) != 0 && errno != EEXIST)
    sys_fail("mkdir " + shown);
  const int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP || errno == ENOTDIR)
      throw Error(ErrorKind::Chart, "refusing to write through " + shown +
                                        ": it is a symbolic link or not a directory");
    sys_fail("open " + shown);
  }
  return fd;
}

void write_under(int root, const fs::path& shown_root, const std::string& rel,
                 const std::string& data) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i <= rel.size();) {
    const std::size_t slash = rel.find('/', i);
    parts.push_back(rel.substr(i, slash == std::string::npos ? std::string::npos : slash - i));
    if (slash == std::string::npos)
      break;
    i = slash + 1;
  }
  int dir = ::dup(root);
  fs::path shown = shown_root;
  for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
    shown /= parts[k];
    Fd parent(dir);
    dir = open_dir(parent.get(), parts[k], shown.string());
  }
  Fd parent(dir);
  shown /= parts.back();
  const int fd = ::openat(parent.get(), parts.back().c_str(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == ELOOP)
      throw Error(ErrorKind::Chart, "refusing to write through " + shown.string() +
                                        ": it is a symbolic link");
    sys_fail("open " + shown.string());
  }
  Fd out(fd);
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0)
      sys_fail("write " + shown.string());
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

fs::path expand_archive(const fs::path& dir, std::string_view tgz) {
  const std::vector<chart::File> files = chart::load_archive_files(tgz);
  std::string name;
  for (const auto& f : files) {
    if (f.name != "Chart.yaml")
      continue;
    chart::Metadata md;
    try {
      chart::decode_metadata(yaml::decode(f.data), md);
    } catch (const Error& e) {
      throw Error(ErrorKind::Chart, "cannot load Chart.yaml: " + std::string(e.what()));
    }
    name = md.name;
  }
  if (name.empty())
    throw Error(ErrorKind::Chart, "chart name not specified");
  if (name == "." || name == "..")
    throw Error(ErrorKind::Chart, "chart name " + strconv::quote(name) + " is not allowed");
  if (name.find('/') != std::string::npos) {
    throw Error(ErrorKind::Chart,
                "chart name " + strconv::quote(name) + " must not contain path separators");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  Fd root(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (root.get() < 0)
    sys_fail("open " + dir.string());
  Fd chart_dir(open_dir(root.get(), name, (dir / name).string()));
  for (const auto& f : files) write_under(chart_dir.get(), dir / name, f.name, f.data);
  return dir / name;
}

}  // namespace capstan::repo
