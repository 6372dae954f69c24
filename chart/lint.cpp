// helm lint's driver (cmd/helm/lint.go, pkg/action/lint.go, pkg/lint/lint.go): which paths are
// linted, archives expanded to a temporary directory first, and the report.
#include "chart/lint.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "chart/archive.h"
#include "chart/go_format.h"
#include "chart/metadata.h"
#include "chart/os_error.h"
#include "core/error.h"
#include "core/yaml.h"

namespace capstan::chart {

namespace lint {

std::string Message::str() const {
  static const char* const kNames[] = {"UNKNOWN", "INFO", "WARNING", "ERROR"};
  return "[" + std::string(kNames[static_cast<int>(severity)]) + "] " + path + ": " + err;
}

bool Linter::run(Severity severity, std::string_view path, const std::optional<std::string>& err) {
  if (err)
    messages.push_back(Message{severity, std::string(path), *err});
  return !err.has_value();
}

KubeVersion default_lint_kube_version() {
  // pkg/lint/rules k8sVersionMajor/Minor, set by Helm's Makefile from client-go v0.36.
  return KubeVersion{"v1.36.0", "1", "36"};
}

Linter all(const std::string& chart_dir, const Context& ctx) {
  Linter linter;
  std::error_code ec;
  linter.chart_dir = std::filesystem::absolute(chart_dir, ec).lexically_normal().string();
  while (linter.chart_dir.size() > 1 && linter.chart_dir.back() == '/') linter.chart_dir.pop_back();
  chartfile(linter);
  values(linter, ctx);
  templates(linter, ctx);
  dependencies(linter, ctx);
  return linter;
}

}  // namespace lint

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A temporary directory removed with its contents (os.MkdirTemp("", "helm-lint")).
class TempDir {
 public:
  TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/helm-lint";
    tmpl += "XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw Error(ErrorKind::Internal, "unable to create temp dir to extract tarball");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// chartutil.Expand: the archive's files written under DIR/<chart name>/.
std::string expand(const std::string& dir, const std::string& archive_path) {
  const std::vector<File> files = load_archive_files(read_os_file(archive_path));
  std::string name;
  for (const File& f : files) {
    if (f.name != "Chart.yaml")
      continue;
    Metadata md;
    try {
      yaml::DecodeOptions o;
      o.numbers = yaml::Numbers::Typed;
      decode_metadata(yaml::decode(f.data, o), md);
    } catch (const Error& e) {
      throw Error(e.kind(), "cannot load Chart.yaml: " + std::string(e.what()));
    }
    name = md.name;
  }
  if (name.empty())
    throw Error(ErrorKind::Chart, "chart name not specified");
  // SecureJoin keeps every path inside DIR; the loader already refused "..", so only the chart
  // name itself could escape.
  if (name.find('/') != std::string::npos || name == "." || name == "..")
    throw Error(ErrorKind::Chart, "chart name not specified");
  const fs::path root = fs::path(dir) / name;
  for (const File& f : files) {
    const fs::path out = root / f.name;
    fs::create_directories(out.parent_path());
    std::FILE* fp = std::fopen(out.c_str(), "wb");
    if (fp == nullptr)
      throw os_error("open", out.string(), errno);
    std::fwrite(f.data.data(), 1, f.data.size(), fp);
    std::fclose(fp);
  }
  return root.string();
}

struct ChartRun {
  std::vector<lint::Message> messages;
  std::vector<std::string> errors;  // result.Errors
};

// action.Lint.Run for one path.
ChartRun lint_path(const std::string& path, const lint::Context& ctx, bool strict) {
  ChartRun run;
  const lint::Severity lowest = strict ? lint::Severity::Warning : lint::Severity::Error;
  std::optional<TempDir> tmp;
  std::string chart_path = path;
  try {
    if (ends_with(path, ".tgz") || ends_with(path, ".tar.gz")) {
      tmp.emplace();
      try {
        chart_path = expand(tmp->path(), path);
      } catch (const Error& e) {
        throw Error(e.kind(), "unable to extract tarball: " + std::string(e.what()));
      }
    }
    const std::string chart_yaml = go_path_clean(chart_path + "/Chart.yaml");
    struct stat st {};
    if (::stat(chart_yaml.c_str(), &st) != 0) {
      throw Error(ErrorKind::Chart, "unable to check Chart.yaml file in chart: " +
                                        std::string(os_error("stat", chart_yaml, errno).what()));
    }
  } catch (const Error& e) {
    run.errors.push_back(e.what());
    return run;
  }
  lint::Linter linter = lint::all(chart_path, ctx);
  run.messages = linter.messages;
  for (const lint::Message& m : linter.messages) {
    if (m.severity >= lowest)
      run.errors.push_back(m.err);
  }
  return run;
}

// --with-subcharts: filepath.Walk over PATH/charts, adding each directory holding a Chart.yaml
// and each .tgz/.tar.gz, in the walk's lexical order.
void add_subchart_paths(const std::string& p, std::vector<std::string>& paths) {
  const std::string root = go_path_clean(p + "/charts");
  std::function<void(const std::string&)> walk = [&](const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      const std::string child = dir + "/" + n;
      if (n == "Chart.yaml") {
        paths.push_back(dir);
      } else if (ends_with(child, ".tgz") || ends_with(child, ".tar.gz")) {
        paths.push_back(child);
      }
      struct stat st {};
      if (::lstat(child.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        walk(child);
    }
  };
  struct stat st {};
  if (::lstat(root.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    walk(root);
}

}  // namespace

LintOutcome lint_command(const LintOptions& o) {
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  lint::Context ctx;
  if (!o.kube_version.empty()) {
    try {
      ctx.kube_version = parse_kube_version(o.kube_version);
    } catch (const Error& e) {
      throw Error(ErrorKind::BadRequest,
                  "invalid kube version '" + o.kube_version + "': " + e.what());
    }
  }
  if (o.with_subcharts) {
    const std::vector<std::string> given = paths;
    for (const std::string& p : given) add_subchart_paths(p, paths);
  }
  ctx.namespace_ = o.namespace_;
  ctx.skip_schema_validation = o.skip_schema_validation;
  ctx.log = o.log;
  ctx.values = merge_user_values(o.values, o.read_file);
  LintOutcome out;
  int failed = 0;
  int warned = 0;
  for (const std::string& path : paths) {
    const ChartRun run = lint_path(path, ctx, o.strict);
    const bool warnings_or_errors =
        !run.errors.empty() ||
        std::any_of(run.messages.begin(), run.messages.end(),
                    [](const lint::Message& m) { return m.severity > lint::Severity::Info; });
    if (warnings_or_errors)
      ++warned;
    if (o.quiet && !warnings_or_errors)
      continue;
    out.output += "==> Linting " + path + "\n";
    // A chart that failed to lint at all has only errors, no messages.
    if (run.messages.empty()) {
      for (const std::string& e : run.errors) out.output += "Error " + e + "\n";
    }
    for (const lint::Message& m : run.messages) {
      if (!o.quiet || m.severity > lint::Severity::Info)
        out.output += m.str() + "\n";
    }
    if (!run.errors.empty())
      ++failed;
    out.output += "\n";
  }
  out.summary = std::to_string(paths.size()) + " chart(s) linted, " + std::to_string(failed) +
                " chart(s) failed";
  out.failed = failed > 0;
  if (!out.failed && (!o.quiet || warned > 0))
    out.output += out.summary + "\n";
  return out;
}

}  // namespace capstan::chart
