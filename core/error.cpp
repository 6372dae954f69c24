// Error locations printed the way compilers and Go tools print them.
#include "core/error.h"

namespace capstan {

std::string Location::str() const {
  std::string out = file;
  if (line > 0) {
    if (!out.empty()) {
      out += ':' + std::to_string(line);
      if (column > 0) {
        out += ':' + std::to_string(column);
      }
    } else {
      out = "line " + std::to_string(line);
    }
  }
  return out;
}

Error located_error(ErrorKind kind, const Location& where, const std::string& message) {
  if (!where.known()) {
    return Error(kind, message, where);
  }
  return Error(kind, where.str() + ": " + message, where);
}

}  // namespace capstan
