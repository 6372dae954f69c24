// Semantic versions and constraints as Helm sees them: Masterminds/semver v3 (3.2.0, the
// oracle's), with its lenient and strict parsing, its ordering (prerelease precedence) and its
// constraint language (=, !=, >, <, >=, <=, ~, ~>, ^, x/X/* wildcards, "1.2 - 1.4" ranges,
// "," or space for AND, "||" for OR; a constraint without a prerelease never matches one).
// Error texts are Masterminds' own, which Helm prints as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace capstan::semver {

class Version {
 public:
  // semver.NewVersion: "v" prefix, missing minor/patch ("1", "v1.2") and build metadata
  // allowed. Throws capstan::Error (ErrorKind::Parse), e.g. "Invalid Semantic Version".
  static Version parse(std::string_view text);
  // semver.StrictNewVersion: exactly SemVer 2 ("1.2.3-rc.1+build"), as Chart.yaml versions
  // must be. Throws with Masterminds' texts ("Invalid characters in version", ...).
  static Version parse_strict(std::string_view text);

  // semver.New (original() is then str()).
  Version(std::uint64_t major, std::uint64_t minor, std::uint64_t patch,
          std::string prerelease = {}, std::string metadata = {});

  std::uint64_t major() const { return major_; }
  std::uint64_t minor() const { return minor_; }
  std::uint64_t patch() const { return patch_; }
  const std::string& prerelease() const { return pre_; }
  const std::string& metadata() const { return metadata_; }
  // The text it was parsed from; str() is the normalized "1.2.0-rc.1+build".
  const std::string& original() const { return original_; }
  std::string str() const;

  // Version.Compare: -1, 0 or 1; metadata is ignored, a prerelease sorts before its release.
  int compare(const Version& other) const;
  friend bool operator==(const Version& a, const Version& b) { return a.compare(b) == 0; }
  friend bool operator<(const Version& a, const Version& b) { return a.compare(b) < 0; }

 private:
  Version() = default;

  std::uint64_t major_ = 0;
  std::uint64_t minor_ = 0;
  std::uint64_t patch_ = 0;
  std::string pre_;
  std::string metadata_;
  std::string original_;
};

class Constraints {
 public:
  // semver.NewConstraint. Throws capstan::Error (ErrorKind::Parse) with Masterminds' texts
  // ("improper constraint: >=x.y", "constraint Parser Error").
  static Constraints parse(std::string_view text);

  // Constraints.Check: whether `v` satisfies any of the OR groups.
  bool check(const Version& v) const;
  // Constraints.Validate: on failure, why (Masterminds' messages, e.g. "1.2.3 is less than
  // 1.4"); an empty list when it holds.
  std::pair<bool, std::vector<std::string>> validate(const Version& v) const;
  // Constraints.String: ">=1.2.0 <2" style, OR groups joined by " || ".
  std::string str() const;

  struct Constraint {
    Version version;
    std::string original;  // the version text as written ("1.x")
    std::string op;  // as written: "", "=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"
    bool dirty = false;  // some part was a wildcard or missing
    bool minor_dirty = false;
    bool patch_dirty = false;
  };

 private:
  std::vector<std::vector<Constraint>> groups_;  // OR of ANDs
};

}  // namespace capstan::semver
