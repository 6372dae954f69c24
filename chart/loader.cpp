// Chart loading, after Helm's pkg/chart/loader (directory.go, load.go) and internal/sympath as
// the oracle models them: files are visited in lexical order, symbolic links are resolved
// (inside the chart only, see loader.h), irregular files and files over 5 MiB are refused.
#include "chart/loader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <map>

#include "chart/archive.h"
#include "chart/helmignore.h"
#include "chart/metadata.h"
#include "chart/os_error.h"
#include "chart/value_options.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::chart {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string trim_bom(std::string data) {
  if (data.compare(0, kBom.size(), kBom) == 0)
    data.erase(0, kBom.size());
  return data;
}

// filepath.EvalSymlinks: the path with every link resolved, or the errno.
std::string real_path(const std::string& path, int& err) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) {
    err = errno;
    return {};
  }
  err = 0;
  return buf;
}

bool is_within(const std::string& root, const std::string& path) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          path[root.size()] == '/');
}

class DirWalker {
 public:
  DirWalker(std::string top, std::string real_top, const IgnoreRules& rules,
            const LoadOptions& options)
      : top_(std::move(top)), real_top_(std::move(real_top)), rules_(rules), options_(options) {}

  std::vector<File> walk() {
    std::vector<File> files;
    active_.push_back(real_top_);
    walk_dir(top_, "", files);
    return files;
  }

 private:
  void walk_dir(const std::string& abs, const std::string& rel, std::vector<File>& files) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(abs, ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (ec)
      throw os_error("open", abs, ec.value());
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      const std::string p = abs + "/" + n;
      const std::string r = rel.empty() ? n : rel + "/" + n;
      struct stat st {};
      if (::lstat(p.c_str(), &st) != 0)
        throw os_error("lstat", p, errno);
      std::string real = p;
      const bool link = S_ISLNK(st.st_mode);
      if (link) {
        int err = 0;
        real = real_path(p, err);
        if (err != 0) {
          throw Error(ErrorKind::Chart,
                      "error evaluating symlink " + p + ": " + os_error("lstat", p, err).what());
        }
        if (!is_within(real_top_, real) && !options_.follow_external_symlinks) {
          throw Error(ErrorKind::Chart, "chart file " + r + " is a symbolic link to " + real +
                                            ", outside the chart directory " + top_);
        }
        log_to(options_.log, "walk.go:75",
               "found symbolic link in path: " + p + " resolves to " + real +
                   ". Contents of linked file included and used");
        if (::lstat(real.c_str(), &st) != 0)
          throw os_error("lstat", real, errno);
      }
      const bool is_dir = S_ISDIR(st.st_mode);
      if (rules_.ignored(r, is_dir))
        continue;
      if (is_dir) {
        // realpath() already resolved a link; a plain directory extends its parent's path.
        const std::string canonical = link ? real : active_.back() + "/" + n;
        if (std::find(active_.begin(), active_.end(), canonical) != active_.end()) {
          throw Error(ErrorKind::Chart, "chart directory " + r + " is a symbolic link loop");
        }
        active_.push_back(canonical);
        walk_dir(p, r, files);
        active_.pop_back();
        continue;
      }
      if (!S_ISREG(st.st_mode)) {
        throw Error(ErrorKind::Chart,
                    "cannot load irregular file " + p + " as it has file mode type bits set");
      }
      if (static_cast<std::size_t>(st.st_size) > kMaxFileSize) {
        throw Error(ErrorKind::Limit,
                    "chart file " + strconv::quote(fs::path(real).filename().string()) +
                        " is larger than the maximum file size " + std::to_string(kMaxFileSize));
      }
      std::string data;
      try {
        data = read_os_file(p);
      } catch (const Error& e) {
        throw Error(e.kind(), "error reading " + r + ": " + e.what());
      }
      // Deliberate difference: Helm bounds each file of a directory but not their sum; the
      // archive limit applies to the whole directory here too.
      total_ += data.size();
      if (total_ > options_.max_chart_size) {
        throw Error(ErrorKind::Limit, "chart directory " + top_ +
                                          " is larger than the maximum chart size " +
                                          std::to_string(options_.max_chart_size));
      }
      files.push_back({r, trim_bom(std::move(data))});
    }
  }

  std::string top_;
  std::string real_top_;
  const IgnoreRules& rules_;
  const LoadOptions& options_;
  std::vector<std::string> active_;  // real paths of the directories being walked (loops)
  std::size_t total_ = 0;             // bytes read so far
};

Error wrap(const std::string& context, const std::exception& e) {
  const auto* err = dynamic_cast<const Error*>(&e);
  return Error(err != nullptr ? err->kind() : ErrorKind::Chart, context + ": " + e.what());
}

// yaml.Unmarshal into interface{}: only checks that the text is YAML (Chart.lock and
// requirements.lock are not used for rendering).
void check_yaml(const File& f) {
  try {
    yaml::decode(f.data);
  } catch (const std::exception& e) {
    throw wrap("cannot load " + f.name, e);
  }
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view extension(std::string_view name) {
  std::size_t slash = name.rfind('/');
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return {};
  return name.substr(dot);
}

}  // namespace

std::shared_ptr<Chart> load_files(const std::vector<File>& files, const LoadOptions& options) {
  auto c = std::make_shared<Chart>();
  for (const File& f : files) {
    if (f.name != "Chart.yaml")
      continue;
    c->has_metadata = true;
    try {
      yaml::DecodeOptions yaml_options;
      yaml_options.numbers = yaml::Numbers::Typed;
      decode_metadata(yaml::decode(f.data, yaml_options), c->metadata);
    } catch (const std::exception& e) {
      throw wrap("cannot load Chart.yaml", e);
    }
    if (c->metadata.api_version.empty())
      c->metadata.api_version = kApiVersionV1;
  }
  std::map<std::string, std::vector<File>> subcharts;
  for (const File& f : files) {
    if (f.name == "Chart.yaml")
      continue;
    if (f.name == "Chart.lock") {
      check_yaml(f);
      c->lock = yaml::decode(f.data);
    } else if (f.name == "values.yaml") {
      c->values_raw = f.data;
      try {
        c->values = read_values(f.data);
      } catch (const std::exception& e) {
        throw wrap("cannot load values.yaml", e);
      }
    } else if (f.name == "values.schema.json") {
      c->schema = f.data;
      c->has_schema = true;
    } else if (f.name == "requirements.yaml") {
      c->has_metadata = true;
      if (c->metadata.api_version != kApiVersionV1) {
        log_to(options.log, "load.go:120",
               "Warning: Dependencies are handled in Chart.yaml since apiVersion \"v2\". We "
               "recommend migrating dependencies to Chart.yaml.");
      }
      try {
        yaml::DecodeOptions yaml_options;
        yaml_options.numbers = yaml::Numbers::Typed;
        decode_metadata(yaml::decode(f.data, yaml_options), c->metadata);
      } catch (const std::exception& e) {
        throw wrap("cannot load requirements.yaml", e);
      }
      if (c->metadata.api_version == kApiVersionV1)
        c->files.push_back(f);
    } else if (f.name == "requirements.lock") {
      check_yaml(f);
      c->has_metadata = true;
      if (c->metadata.api_version != kApiVersionV1) {
        log_to(options.log, "load.go:138",
               "Warning: Dependency locking is handled in Chart.lock since apiVersion \"v2\". "
               "We recommend migrating to Chart.lock.");
      }
      if (c->metadata.api_version == kApiVersionV1)
        c->files.push_back(f);
    } else if (starts_with(f.name, "templates/")) {
      c->templates.push_back(f);
    } else if (starts_with(f.name, "charts/")) {
      if (extension(f.name) == ".prov") {
        c->files.push_back(f);
        continue;
      }
      std::string rest = f.name.substr(std::string_view("charts/").size());
      std::string sub = rest.substr(0, rest.find('/'));
      subcharts[sub].push_back({rest, f.data});
    } else {
      c->files.push_back(f);
    }
  }
  if (!c->has_metadata)
    throw Error(ErrorKind::Chart, "Chart.yaml file is missing");
  validate_metadata(c->metadata);
  // Helm visits charts/ in Go map order (random); sorted is one of its orders.
  for (auto& [n, sub_files] : subcharts) {
    if (!n.empty() && (n[0] == '_' || n[0] == '.'))
      continue;
    const bool archive = extension(n) == ".tgz";
    if (archive && sub_files[0].name != n) {
      throw Error(ErrorKind::Chart, "error unpacking subchart tar in " + c->name() + ": expected " +
                                        n + ", got " + sub_files[0].name);
    }
    std::shared_ptr<Chart> sc;
    try {
      if (archive) {
        sc = load_archive(sub_files[0].data, options);
      } else {
        std::vector<File> inner;
        for (File& f : sub_files) {
          std::size_t slash = f.name.find('/');
          if (slash == std::string::npos)
            continue;
          inner.push_back({f.name.substr(slash + 1), std::move(f.data)});
        }
        sc = load_files(inner, options);
      }
    } catch (const Error& e) {
      throw wrap("error unpacking subchart " + n + " in " + c->name(), e);
    }
    c->add_dependency(std::move(sc));
  }
  return c;
}

std::shared_ptr<Chart> load_dir(const fs::path& dir, const LoadOptions& options) {
  std::error_code ec;
  std::string top = fs::absolute(dir, ec).lexically_normal().string();
  while (top.size() > 1 && top.back() == '/') top.pop_back();
  int err = 0;
  std::string real_top = real_path(top, err);
  if (err != 0)
    throw os_error("stat", top, err);
  IgnoreRules rules;
  struct stat st {};
  const std::string ignore_file = top + "/.helmignore";
  if (::stat(ignore_file.c_str(), &st) == 0)
    rules = IgnoreRules::parse(read_os_file(ignore_file));
  rules.add_defaults();
  return load_files(DirWalker(top, real_top, rules, options).walk(), options);
}

std::shared_ptr<Chart> load(const fs::path& path, const LoadOptions& options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw os_error("stat", path.string(), errno);
  if (S_ISDIR(st.st_mode))
    return load_dir(path, options);
  return load_archive(read_os_file(path.string()), options);
}

}  // namespace capstan::chart
