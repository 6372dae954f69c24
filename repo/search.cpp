// Searching the cached indexes (cmd/helm/search_repo.go, cmd/helm/search/search.go).
#include "repo/search.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <ostream>

#include "core/error.h"
#include "core/semver.h"
#include "repo/index.h"
#include "repo/repo_file.h"
#include "templating/sprig_regexp.h"

namespace capstan::repo {

namespace {

constexpr int kSearchMaxScore = 25;
constexpr char kSep = '\v';

struct Result {
  std::string name;  // repo/chart
  int score = 0;
  const ChartVersion* chart = nullptr;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// indstr: the line a chart is searched by.
std::string line_of(const std::string& repo, const ChartVersion& cv) {
  std::string keywords;
  for (std::size_t i = 0; i < cv.keywords.size(); ++i) {
    if (i > 0)
      keywords += ' ';
    keywords += cv.keywords[i];
  }
  return std::string(cv.name) + kSep + repo + "/" + std::string(cv.name) + kSep +
         std::string(cv.description) + kSep + keywords;
}

// calcScore: how many separators precede the match.
int score(std::size_t index, const std::string& line) {
  int i = 0;
  for (std::size_t pos = 0; pos < line.size(); ++pos) {
    if (line[pos] != kSep)
      continue;
    if (index <= pos)
      return i;
    ++i;
  }
  return i;
}

std::optional<semver::Version> version_of(std::string_view v) {
  try {
    return semver::Version::parse(v);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace

std::string search_repo(const SearchOptions& o, const Settings& s) {
  std::string version = o.version;
  if (version.empty())
    version = o.devel ? ">0.0.0-0" : ">0.0.0";
  RepoFile rf;
  try {
    rf = load_repo_file(s.repository_config);
  } catch (const Error&) {
  }
  if (rf.repositories.empty())
    throw Error(ErrorKind::NotFound, "no repositories configured");
  // AddRepo: the newest version of each chart, or all of them.
  std::vector<IndexFile> indexes;
  indexes.reserve(rf.repositories.size());
  struct Line {
    std::string text;
    Result result;
  };
  std::vector<Line> lines;
  // Helm sets the default constraint before building the index, so `len(o.version) > 0`
  // always holds there: every version is indexed, and the constraint then picks the newest
  // match per chart (a chart whose newest version is a prerelease still shows its stable one).
  const bool all = true;
  for (const auto& e : rf.repositories) {
    try {
      indexes.push_back(load_index_file(
          (s.repository_cache / cache_index_file(e.name)).string(), s.log));
    } catch (const Error& err) {
      if (s.warn != nullptr) {
        *s.warn << "WARNING: Repo \"" << e.name
                << "\" is corrupt or missing. Try 'helm repo update'.\n"
                << "WARNING: " << err.what() << "\n";
      }
      continue;
    }
    for (const auto& [name, versions] : indexes.back().entries) {
      if (versions.empty())
        continue;
      const std::string full = e.name + "/" + name;
      for (const auto& cv : versions) {
        lines.push_back({line_of(e.name, cv), Result{full, 0, &cv}});
        if (!all)
          break;
      }
    }
  }
  // Later repositories replace earlier ones of the same repo/chart[$$version] key (Go map).
  std::map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string key = lines[i].result.name;
    key += "$$" + std::string(lines[i].result.chart->version);
    by_key[key] = i;
  }
  std::vector<Result> results;
  if (o.terms.empty()) {
    for (const auto& [key, i] : by_key) results.push_back(lines[i].result);
  } else {
    std::string term;
    for (std::size_t i = 0; i < o.terms.size(); ++i) term += (i ? " " : "") + o.terms[i];
    std::unique_ptr<re2::RE2> re;
    if (o.regexp) {
      try {
        templating::goregexp::Regexp check(term);  // Go's syntax errors
      } catch (const templating::goregexp::SyntaxError& e) {
        throw Error(ErrorKind::BadRequest, e.what());
      }
      re = std::make_unique<re2::RE2>(term);
    }
    const std::string lterm = lower(term);
    for (const auto& [key, i] : by_key) {
      const std::string& text = lines[i].text;
      std::size_t at = std::string::npos;
      if (re) {
        re2::StringPiece match;
        if (re->Match(text, 0, text.size(), re2::RE2::UNANCHORED, &match, 1))
          at = static_cast<std::size_t>(match.data() - text.data());
      } else {
        at = lower(text).find(lterm);
      }
      if (at == std::string::npos)
        continue;
      const int sc = score(at, text);
      if (sc < kSearchMaxScore) {
        Result r = lines[i].result;
        r.score = sc;
        results.push_back(r);
      }
    }
  }
  // SortScore: by score, then name, then newest version first.
  std::stable_sort(results.begin(), results.end(), [](const Result& a, const Result& b) {
    if (a.score != b.score)
      return a.score < b.score;
    if (a.name != b.name)
      return a.name < b.name;
    auto va = version_of(a.chart->version), vb = version_of(b.chart->version);
    if (!va || !vb)
      return false;
    return va->compare(*vb) > 0;
  });
  // applyConstraint.
  semver::Constraints constraint = [&] {
    try {
      return semver::Constraints::parse(version);
    } catch (const Error& e) {
      throw Error(ErrorKind::BadRequest,
                  "an invalid version/constraint format: " + std::string(e.what()));
    }
  }();
  std::vector<Result> data;
  std::vector<std::string> found;
  for (const auto& r : results) {
    if (!o.versions && std::find(found.begin(), found.end(), r.name) != found.end())
      continue;
    auto v = version_of(r.chart->version);
    if (!v || !constraint.check(*v))
      continue;
    data.push_back(r);
    found.push_back(r.name);
  }
  if (data.empty() && o.fail_on_no_result)
    throw Error(ErrorKind::NotFound, "no results found");
  if (o.format == OutputFormat::Table) {
    if (data.empty())
      return "No results found\n";
    std::vector<Row> rows{{"NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION"}};
    for (const auto& r : data) {
      rows.push_back({r.name, std::string(r.chart->version), std::string(r.chart->app_version),
                      std::string(r.chart->description)});
    }
    return format_uitable(rows, o.max_col_width);
  }
  std::vector<Fields> items;
  for (const auto& r : data) {
    items.push_back({{"name", r.name},
                     {"version", std::string(r.chart->version)},
                     {"app_version", std::string(r.chart->app_version)},
                     {"description", std::string(r.chart->description)}});
  }
  return o.format == OutputFormat::Json ? encode_json_list(items) : encode_yaml_list(items);
}

}  // namespace capstan::repo
