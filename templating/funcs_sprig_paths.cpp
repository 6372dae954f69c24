// Sprig's path functions: Go's path package (base, dir, clean, ext, isAbs) and path/filepath
// (osBase, osDir, osClean, osExt, osIsAbs), which on Linux follow the same rules.
#include "templating/function.h"

namespace capstan::templating {

namespace {

// path.Clean: the shortest equivalent path by purely lexical processing.
std::string clean(const std::string& path) {
  if (path.empty())
    return ".";
  const bool rooted = path[0] == '/';
  const std::size_t n = path.size();
  std::string out;
  std::size_t r = 0, dotdot = 0;
  if (rooted) {
    out += '/';
    r = dotdot = 1;
  }
  while (r < n) {
    if (path[r] == '/') {
      ++r;
    } else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) {
      ++r;
    } else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/')) {
      r += 2;
      if (out.size() > dotdot) {
        out.pop_back();
        while (out.size() > dotdot && out.back() != '/') out.pop_back();
        if (out.size() > dotdot && out.back() == '/')
          out.pop_back();
      } else if (!rooted) {
        if (!out.empty())
          out += '/';
        out += "..";
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty()))
        out += '/';
      for (; r < n && path[r] != '/'; ++r) out += path[r];
    }
  }
  if (out.empty())
    return ".";
  return out;
}

std::string base(std::string path) {
  if (path.empty())
    return ".";
  while (!path.empty() && path.back() == '/') path.pop_back();
  const std::size_t slash = path.rfind('/');
  if (slash != std::string::npos)
    path = path.substr(slash + 1);
  if (path.empty())
    return "/";
  return path;
}

std::string dir(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return clean(slash == std::string::npos ? std::string() : path.substr(0, slash + 1));
}

std::string ext(const std::string& path) {
  for (std::size_t i = path.size(); i > 0 && path[i - 1] != '/'; --i) {
    if (path[i - 1] == '.')
      return path.substr(i - 1);
  }
  return "";
}

}  // namespace

void register_sprig_paths(FuncMap& f) {
  for (const std::string prefix : {"", "os"}) {
    auto name = [&](std::string_view n) {
      if (prefix.empty())
        return std::string(n);
      std::string s = prefix + std::string(n);
      s[2] = static_cast<char>(s[2] - 'a' + 'A');
      return s;
    };
    f.add(name("base"), "func(string) string",
          [](CallContext&, Args& a) { return Value(base(a[0].as_string())); });
    f.add(name("dir"), "func(string) string",
          [](CallContext&, Args& a) { return Value(dir(a[0].as_string())); });
    f.add(name("clean"), "func(string) string",
          [](CallContext&, Args& a) { return Value(clean(a[0].as_string())); });
    f.add(name("ext"), "func(string) string",
          [](CallContext&, Args& a) { return Value(ext(a[0].as_string())); });
    f.add(name("isAbs"), "func(string) bool", [](CallContext&, Args& a) {
      return Value(!a[0].as_string().empty() && a[0].as_string()[0] == '/');
    });
  }
}

}  // namespace capstan::templating
