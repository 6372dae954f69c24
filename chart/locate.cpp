// LocateChart for local paths (see locate.h).
#include "chart/locate.h"

#include <sys/stat.h>

#include "chart/go_format.h"
#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart {

std::string locate_local_chart(std::string_view name) {
  const std::string path(go_trim_space(name));
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0)
    return path;
  if (!path.empty() && (path[0] == '/' || path[0] == '.'))
    throw Error(ErrorKind::NotFound, "path " + strconv::quote(path) + " not found");
  const std::size_t slash = path.find('/');
  if (slash == std::string::npos) {
    throw Error(ErrorKind::NotFound,
                "non-absolute URLs should be in form of repo_name/path_to_chart, got: " + path);
  }
  throw Error(ErrorKind::NotFound, "repo " + path.substr(0, slash) + " not found");
}

}  // namespace capstan::chart
