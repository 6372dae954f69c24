// RFC 3339 times as Go's time package reads and writes them.
#include "repo/rfc3339.h"

#include <cctype>
#include <ctime>

namespace capstan::repo {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size())
    return false;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])))
      return false;
  }
  return true;
}

int number(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

std::string format_rfc3339_nano(std::chrono::system_clock::time_point t) {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch());
  std::int64_t secs = ns.count() / 1000000000;
  std::int64_t frac = ns.count() % 1000000000;
  if (frac < 0) {
    frac += 1000000000;
    --secs;
  }
  const std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::string out = buf;
  if (frac != 0) {
    char f[16];
    std::snprintf(f, sizeof f, ".%09lld", static_cast<long long>(frac));
    std::string fs = f;
    while (fs.back() == '0') fs.pop_back();
    out += fs;
  }
  return out + "Z";
}

std::string system_now() { return format_rfc3339_nano(std::chrono::system_clock::now()); }

Now fixed_now(std::string rfc3339) {
  return [t = std::move(rfc3339)] { return t; };
}

std::optional<std::string> normalize_rfc3339(std::string_view s) {
  // 2006-01-02T15:04:05[.frac](Z|±07:00)
  if (!digits(s, 0, 4) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2) || s[10] != 'T' || !digits(s, 11, 2) || s[13] != ':' ||
      !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2)) {
    return std::nullopt;
  }
  const int month = number(s, 5, 2), day = number(s, 8, 2), hour = number(s, 11, 2),
            minute = number(s, 14, 2), second = number(s, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return std::nullopt;
  std::size_t pos = 19;
  std::string frac;
  if (pos < s.size() && s[pos] == '.') {
    std::size_t end = pos + 1;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
    if (end == pos + 1)
      return std::nullopt;
    frac = std::string(s.substr(pos + 1, end - pos - 1));
    pos = end;
  }
  if (frac.size() > 9)
    frac.resize(9);  // Go keeps nanoseconds
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string zone;
  if (pos < s.size() && s[pos] == 'Z' && pos + 1 == s.size()) {
    zone = "Z";
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && digits(s, pos + 1, 2) &&
             s[pos + 3] == ':' && digits(s, pos + 4, 2)) {
    if (number(s, pos + 1, 2) > 23 || number(s, pos + 4, 2) > 59)
      return std::nullopt;
    zone = s.substr(pos, 6) == "+00:00" || s.substr(pos, 6) == "-00:00" ? "Z"
                                                                         : std::string(s.substr(pos));
  } else {
    return std::nullopt;
  }
  std::string out(s.substr(0, 19));
  if (!frac.empty())
    out += "." + frac;
  return out + zone;
}

}  // namespace capstan::repo
