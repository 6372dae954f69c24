// File system errors worded as Go's *os.PathError prints them ("open x.yaml: no such file or
// directory"), since Helm passes them through unchanged, and reading files that way.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace capstan::chart {

// "OP PATH: REASON" with Go's (lower-case) text for errno.
Error os_error(std::string_view op, std::string_view path, int errno_value);

// os.ReadFile: the whole file. Throws os_error("open"/"read", path, errno).
std::string read_os_file(const std::string& path);

}  // namespace capstan::chart
