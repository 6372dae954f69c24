// Settings rooted at a home directory.
#include "repo/settings.h"

namespace capstan::repo {

Settings Settings::under(const std::filesystem::path& home) {
  Settings s;
  s.repository_config = home / "repositories.yaml";
  s.repository_cache = home / "repository";
  s.git_cache = home / "git";
  return s;
}

}  // namespace capstan::repo
