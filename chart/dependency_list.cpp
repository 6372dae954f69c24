// helm dependency list (see dependency_list.h).
#include "chart/dependency_list.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "chart/go_format.h"
#include "chart/loader.h"
#include "chart/path_match.h"
#include "chart/table.h"
#include "core/error.h"
#include "core/semver.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

namespace fs = std::filesystem;

// filepath.Glob(dir + "/" + pattern) for a pattern in the last element only: the directory's
// names (hidden ones too) in sorted order. nullopt for a malformed pattern (ErrBadPattern).
std::optional<std::vector<std::string>> glob(const std::string& dir, const std::string& pattern) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<std::string> out;
  // Go checks the pattern even when the directory cannot be read.
  if (path_match(pattern, "") == MatchResult::BadPattern)
    return std::nullopt;
  for (const std::string& n : names) {
    const MatchResult m = path_match(pattern, n);
    if (m == MatchResult::BadPattern)
      return std::nullopt;
    if (m == MatchResult::Match)
      out.push_back(dir + "/" + n);
  }
  return out;
}

std::string join(const std::string& dir, const std::string& name) {
  return go_path_clean(dir + "/" + name);
}

// The version check both halves of dependencyStatus make when the versions differ.
std::string version_status(const std::string& constraint, const std::string& version) {
  std::optional<semver::Constraints> c;
  try {
    c = semver::Constraints::parse(constraint);
    if (!c->check(semver::Version::parse(version)))
      return "wrong version";
  } catch (const Error&) {
    return "invalid version";
  }
  return "";
}

// statArchiveForStatus: "" when the archive does not exist.
std::string archive_status(const std::string& archive, const Dependency& dep) {
  struct stat st {};
  if (::stat(archive.c_str(), &st) != 0)
    return "";
  std::shared_ptr<Chart> c;
  try {
    c = load(archive);
  } catch (const Error&) {
    return "corrupt";
  }
  if (c->name() != dep.name)
    return "misnamed";
  if (c->metadata.version != dep.version) {
    if (std::string s = version_status(dep.version, c->metadata.version); !s.empty())
      return s;
  }
  return "ok";
}

bool is_strict_semver(const std::string& s) {
  try {
    semver::Version::parse_strict(s);
    return true;
  } catch (const Error&) {
    return false;
  }
}

std::string dependency_status(const std::string& chart_path, const Dependency& dep,
                              const Chart& parent) {
  const std::optional<std::vector<std::string>> archives =
      glob(join(chart_path, "charts"), dep.name + "-*.tgz");
  if (!archives)
    return "bad pattern";
  if (archives->size() > 1) {
    std::vector<std::string> found;
    for (const std::string& a : *archives) {
      std::string base = fs::path(a).filename().string();
      base = base.substr(0, base.size() - 4);  // ".tgz"
      const std::string prefix = dep.name + "-";
      if (base.compare(0, prefix.size(), prefix) == 0)
        base = base.substr(prefix.size());
      if (is_strict_semver(base))
        found.push_back(a);
    }
    if (found.size() == 1) {
      if (std::string r = archive_status(found[0], dep); !r.empty())
        return r;
    } else if (found.size() > 1) {
      return "too many matches";
    }
  } else if (archives->size() == 1) {
    if (std::string r = archive_status((*archives)[0], dep); !r.empty())
      return r;
  }
  const Chart* dep_chart = nullptr;
  for (const auto& sub : parent.dependencies()) {
    if (sub->name() == dep.name)
      dep_chart = sub.get();
  }
  if (dep_chart == nullptr)
    return "missing";
  if (dep_chart->metadata.version != dep.version) {
    if (std::string s = version_status(dep.version, dep_chart->metadata.version); !s.empty())
      return s;
  }
  return "unpacked";
}

// printMissing: charts under charts/ that no dependency names.
std::string missing_warnings(const std::string& chart_path, const Metadata& md) {
  std::string out;
  const std::optional<std::vector<std::string>> entries = glob(join(chart_path, "charts"), "*");
  for (const std::string& f : entries.value_or(std::vector<std::string>{})) {
    struct stat st {};
    if (::stat(f.c_str(), &st) != 0) {
      out += "Warning: stat " + f + ": no such file or directory\n";
      continue;
    }
    if (!S_ISDIR(st.st_mode) && fs::path(f).extension() != ".tgz")
      continue;
    std::shared_ptr<Chart> c;
    try {
      c = load(f);
    } catch (const Error&) {
      out += "WARNING: " + strconv::quote(f) + " is not a chart.\n";
      continue;
    }
    const bool found = std::any_of(md.dependencies.begin(), md.dependencies.end(),
                                   [&](const auto& d) { return d && d->name == c->name(); });
    if (!found)
      out += "WARNING: " + strconv::quote(f) + " is not in Chart.yaml.\n";
  }
  return out;
}

}  // namespace

std::string dependency_list(const DependencyListOptions& options) {
  const std::string chart_path = go_path_clean(options.chart_path);
  LoadOptions load_options;
  load_options.log = options.log;
  std::shared_ptr<Chart> c = load(chart_path, load_options);
  if (!c->metadata.has_dependencies)
    return "WARNING: no dependencies at " + join(chart_path, "charts") + "\n";
  std::vector<TableRow> rows{{"NAME", "VERSION", "REPOSITORY", "STATUS"}};
  for (const auto& dep : c->metadata.dependencies) {
    rows.push_back(
        {dep->name, dep->version, dep->repository, dependency_status(chart_path, *dep, *c)});
  }
  return format_uitable(rows, options.max_col_width) + "\n\n" +
         missing_warnings(chart_path, c->metadata);
}

}  // namespace capstan::chart
