// Helm's log lines. Helm reports coalescing conflicts, ignored conditions, symlinks and the
// like through Go's log package with Lshortfile, so each line on stderr reads
// "coalesce.go:237: warning: ...". chart/ hands them to a Log callback with the location of
// the call in Helm v3.21.4's source (as the oracle reproduces them); the CLI prints them.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace capstan::chart {

using Log = std::function<void(std::string_view location, std::string_view message)>;

// The line Helm prints: "LOCATION: MESSAGE\n". An empty location is a line Helm writes to
// stderr directly ("WARNING: This chart is deprecated"), printed as it is.
inline std::string log_line(std::string_view location, std::string_view message) {
  std::string line =
      location.empty() ? std::string(message) : std::string(location) + ": " + std::string(message);
  if (line.empty() || line.back() != '\n')
    line += '\n';
  return line;
}

// Calls `log` when set.
inline void log_to(const Log& log, std::string_view location, std::string_view message) {
  if (log)
    log(location, message);
}

}  // namespace capstan::chart
