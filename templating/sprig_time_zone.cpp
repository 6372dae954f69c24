// Go's time zones (zoneinfo.go, zoneinfo_read.go, zoneinfo_unix.go): TZif files from the system
// tzdata, zone lookup by binary search over transitions, the POSIX TZ rule of the TZif footer
// for times past the last transition (tzset), LoadLocation's name rules and Local's $TZ rules.
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include "templating/sprig_time.h"

namespace capstan::templating::gotime {

using namespace detail;

namespace {

constexpr std::int64_t kAlpha = INT64_MIN;
constexpr std::int64_t kOmega = INT64_MAX;

// --- tzset: the POSIX TZ string ---

struct Rule {
  enum Kind { Julian, DOY, MonthWeekDay } kind = Julian;
  int day = 0, week = 0, mon = 0;
  int time = 0;
};

bool tzset_name(std::string_view& s, std::string& name) {
  if (s.empty())
    return false;
  if (s[0] != '<') {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char r = s[i];
      if ((r >= '0' && r <= '9') || r == ',' || r == '-' || r == '+') {
        if (i < 3)
          return false;
        name = std::string(s.substr(0, i));
        s.remove_prefix(i);
        return true;
      }
    }
    if (s.size() < 3)
      return false;
    name = std::string(s);
    s = {};
    return true;
  }
  const std::size_t close = s.find('>');
  if (close == std::string_view::npos)
    return false;
  name = std::string(s.substr(1, close - 1));
  s.remove_prefix(close + 1);
  return true;
}

bool tzset_num(std::string_view& s, int min, int max, int& num) {
  if (s.empty())
    return false;
  num = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char r = s[i];
    if (r < '0' || r > '9') {
      if (i == 0 || num < min)
        return false;
      s.remove_prefix(i);
      return true;
    }
    num = num * 10 + (r - '0');
    if (num > max)
      return false;
  }
  if (num < min)
    return false;
  s = {};
  return true;
}

bool tzset_offset(std::string_view& s, int& offset) {
  if (s.empty())
    return false;
  bool neg = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-') {
    s.remove_prefix(1);
    neg = true;
  }
  int hours = 0;
  if (!tzset_num(s, 0, 24 * 7, hours))
    return false;
  int off = hours * 3600;
  if (!s.empty() && s[0] == ':') {
    s.remove_prefix(1);
    int mins = 0;
    if (!tzset_num(s, 0, 59, mins))
      return false;
    off += mins * 60;
    if (!s.empty() && s[0] == ':') {
      s.remove_prefix(1);
      int secs = 0;
      if (!tzset_num(s, 0, 59, secs))
        return false;
      off += secs;
    }
  }
  offset = neg ? -off : off;
  return true;
}

bool tzset_rule(std::string_view& s, Rule& r) {
  if (s.empty())
    return false;
  if (s[0] == 'J') {
    s.remove_prefix(1);
    if (!tzset_num(s, 1, 365, r.day))
      return false;
    r.kind = Rule::Julian;
  } else if (s[0] == 'M') {
    s.remove_prefix(1);
    if (!tzset_num(s, 1, 12, r.mon) || s.empty() || s[0] != '.')
      return false;
    s.remove_prefix(1);
    if (!tzset_num(s, 1, 5, r.week) || s.empty() || s[0] != '.')
      return false;
    s.remove_prefix(1);
    if (!tzset_num(s, 0, 6, r.day))
      return false;
    r.kind = Rule::MonthWeekDay;
  } else {
    if (!tzset_num(s, 0, 365, r.day))
      return false;
    r.kind = Rule::DOY;
  }
  if (s.empty() || s[0] != '/') {
    r.time = 2 * 3600;
    return true;
  }
  s.remove_prefix(1);
  return tzset_offset(s, r.time);
}

int tzrule_time(std::int64_t year, const Rule& r, int off) {
  int s = 0;
  switch (r.kind) {
    case Rule::Julian:
      s = (r.day - 1) * 86400;
      if (is_leap(year) && r.day >= 60)
        s += 86400;
      break;
    case Rule::DOY:
      s = r.day * 86400;
      break;
    case Rule::MonthWeekDay: {
      const int m1 = (r.mon + 9) % 12 + 1;
      std::int64_t yy0 = year;
      if (r.mon <= 2)
        --yy0;
      const std::int64_t yy1 = yy0 / 100;
      const std::int64_t yy2 = yy0 % 100;
      auto dow = static_cast<int>(((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7);
      if (dow < 0)
        dow += 7;
      int d = r.day - dow;
      if (d < 0)
        d += 7;
      for (int i = 1; i < r.week; ++i) {
        if (d + 7 >= days_in(r.mon, year))
          break;
        d += 7;
      }
      d += kDaysBefore[r.mon - 1];
      if (is_leap(year) && r.mon > 2)
        ++d;
      s = d * 86400;
      break;
    }
  }
  return s + r.time - off;
}

bool tzset(std::string_view s, std::int64_t last_tx_sec, std::int64_t sec, ZoneAt& out) {
  std::string std_name, dst_name;
  int std_offset = 0, dst_offset = 0;
  if (!tzset_name(s, std_name) || !tzset_offset(s, std_offset))
    return false;
  std_offset = -std_offset;
  if (s.empty() || s[0] == ',') {
    out = ZoneAt{std_name, std_offset, last_tx_sec, kOmega, false};
    return true;
  }
  if (!tzset_name(s, dst_name))
    return false;
  if (s.empty() || s[0] == ',') {
    dst_offset = std_offset + 3600;
  } else {
    if (!tzset_offset(s, dst_offset))
      return false;
    dst_offset = -dst_offset;
  }
  std::string rules = s.empty() ? std::string(",M3.2.0,M11.1.0") : std::string(s);
  std::string_view r = rules;
  if (r[0] != ',' && r[0] != ';')
    return false;
  r.remove_prefix(1);
  Rule start_rule, end_rule;
  if (!tzset_rule(r, start_rule) || r.empty() || r[0] != ',')
    return false;
  r.remove_prefix(1);
  if (!tzset_rule(r, end_rule) || !r.empty())
    return false;

  std::int64_t year = 0;
  int month = 0, day = 0, yday = 0;
  abs_date(absolute(sec), false, year, month, day, yday);
  const std::int64_t ysec = static_cast<std::int64_t>(yday) * 86400 + sec % 86400;
  const std::uint64_t d = days_since_epoch(year);
  std::int64_t abs = static_cast<std::int64_t>(d * 86400);
  abs = wrap_add(abs, kAbsoluteToInternal + kInternalToUnix);
  std::int64_t start_sec = tzrule_time(year, start_rule, std_offset);
  std::int64_t end_sec = tzrule_time(year, end_rule, dst_offset);
  bool dst_is_dst = true, std_is_dst = false;
  if (end_sec < start_sec) {
    std::swap(start_sec, end_sec);
    std::swap(std_name, dst_name);
    std::swap(std_offset, dst_offset);
    std::swap(std_is_dst, dst_is_dst);
  }
  if (ysec < start_sec) {
    out = ZoneAt{std_name, std_offset, abs, start_sec + abs, std_is_dst};
  } else if (ysec >= end_sec) {
    out = ZoneAt{std_name, std_offset, end_sec + abs, abs + 365 * 86400, std_is_dst};
  } else {
    out = ZoneAt{dst_name, dst_offset, start_sec + abs, end_sec + abs, dst_is_dst};
  }
  return true;
}

// --- TZif ---

struct Reader {
  std::string_view data;
  bool error = false;
  std::string_view read(std::size_t n) {
    if (data.size() < n) {
      data = {};
      error = true;
      return {};
    }
    std::string_view p = data.substr(0, n);
    data.remove_prefix(n);
    return p;
  }
  bool big4(std::uint32_t& v) {
    std::string_view p = read(4);
    if (p.size() < 4)
      return false;
    v = 0;
    for (char c : p) v = (v << 8) | static_cast<unsigned char>(c);
    return true;
  }
  bool big8(std::uint64_t& v) {
    std::string_view p = read(8);
    if (p.size() < 8)
      return false;
    v = 0;
    for (char c : p) v = (v << 8) | static_cast<unsigned char>(c);
    return true;
  }
};

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad())
    return std::nullopt;
  return out.str();
}

// loadLocation(name, sources): the first readable, well-formed file.
std::optional<LocationPtr> load_from(const std::string& name,
                                     const std::vector<std::string>& sources) {
  for (const std::string& source : sources) {
    const std::optional<std::string> data = read_file(source.empty() ? name : source + "/" + name);
    if (!data)
      continue;
    if (auto loc = location_from_tzdata(name, *data))
      return loc;
  }
  return std::nullopt;
}

const std::vector<std::string>& platform_sources() {
  static const std::vector<std::string> sources = {"/usr/share/zoneinfo", "/usr/share/lib/zoneinfo",
                                                   "/usr/lib/locale/TZ"};
  return sources;
}

LocationPtr init_local() {
  const char* tz_env = std::getenv("TZ");
  auto named = [](LocationPtr loc, std::string name) {
    auto l = std::make_shared<Location>(*loc);
    l->name = std::move(name);
    return LocationPtr(std::move(l));
  };
  if (tz_env == nullptr) {
    if (auto z = load_from("localtime", {"/etc"}))
      return named(*z, "Local");
  } else if (*tz_env != '\0') {
    std::string tz = tz_env;
    if (tz[0] == ':')
      tz.erase(0, 1);
    if (!tz.empty() && tz[0] == '/') {
      if (auto z = load_from(tz, {""}))
        return named(*z, tz == "/etc/localtime" ? "Local" : tz);
    } else if (!tz.empty() && tz != "UTC") {
      if (auto z = load_from(tz, platform_sources()))
        return *z;
    }
  }
  auto l = std::make_shared<Location>();
  l->name = "UTC";
  return l;
}

}  // namespace

ZoneAt Location::lookup(std::int64_t sec) const {
  if (zones.empty())
    return ZoneAt{"UTC", 0, kAlpha, kOmega, false};
  if (tx.empty() || sec < tx[0].when) {
    const Zone& z = zones[first_zone()];
    return ZoneAt{z.name, z.offset, kAlpha, tx.empty() ? kOmega : tx[0].when, z.is_dst};
  }
  std::int64_t end = kOmega;
  std::size_t lo = 0, hi = tx.size();
  while (hi - lo > 1) {
    const std::size_t m = lo + (hi - lo) / 2;
    const std::int64_t lim = tx[m].when;
    if (sec < lim) {
      end = lim;
      hi = m;
    } else {
      lo = m;
    }
  }
  const Zone& z = zones[tx[lo].index];
  ZoneAt out{z.name, z.offset, tx[lo].when, end, z.is_dst};
  if (lo == tx.size() - 1 && !extend.empty()) {
    ZoneAt e;
    if (tzset(extend, out.start, sec, e))
      return e;
  }
  return out;
}

std::size_t Location::first_zone() const {
  bool used = false;
  for (const ZoneTrans& t : tx) used = used || t.index == 0;
  if (!used)
    return 0;
  if (!tx.empty() && zones[tx[0].index].is_dst) {
    for (int zi = static_cast<int>(tx[0].index) - 1; zi >= 0; --zi) {
      if (!zones[static_cast<std::size_t>(zi)].is_dst)
        return static_cast<std::size_t>(zi);
    }
  }
  for (std::size_t zi = 0; zi < zones.size(); ++zi) {
    if (!zones[zi].is_dst)
      return zi;
  }
  return 0;
}

std::optional<int> Location::lookup_name(std::string_view zone_name, std::int64_t unix) const {
  for (const Zone& z : zones) {
    if (z.name == zone_name) {
      const ZoneAt at = lookup(unix - z.offset);
      if (at.name == z.name)
        return at.offset;
    }
  }
  for (const Zone& z : zones) {
    if (z.name == zone_name)
      return z.offset;
  }
  return std::nullopt;
}

LocationPtr utc() {
  static const LocationPtr loc = [] {
    auto l = std::make_shared<Location>();
    l->name = "UTC";
    return LocationPtr(std::move(l));
  }();
  return loc;
}

LocationPtr local() {
  static const LocationPtr loc = init_local();
  return loc;
}

LocationPtr fixed_zone(std::string name, int offset) {
  auto l = std::make_shared<Location>();
  l->zones.push_back(Zone{name, offset, false});
  l->tx.push_back(ZoneTrans{kAlpha, 0});
  l->name = std::move(name);
  return l;
}

std::optional<LocationPtr> load_location(std::string_view name) {
  if (name.empty() || name == "UTC")
    return utc();
  if (name == "Local")
    return local();
  if (name.find("..") != std::string_view::npos || name[0] == '/' || name[0] == '\\')
    return std::nullopt;
  if (const char* zoneinfo = std::getenv("ZONEINFO"); zoneinfo != nullptr && *zoneinfo != '\0') {
    if (auto loc = load_from(std::string(name), {zoneinfo}))
      return loc;
  }
  return load_from(std::string(name), platform_sources());
}

std::optional<LocationPtr> location_from_tzdata(std::string name, std::string_view data) {
  Reader d{data};
  if (d.read(4) != "TZif")
    return std::nullopt;
  const std::string_view p = d.read(16);
  if (p.size() != 16)
    return std::nullopt;
  int version = 0;
  switch (p[0]) {
    case 0:
      version = 1;
      break;
    case '2':
      version = 2;
      break;
    case '3':
      version = 3;
      break;
    default:
      return std::nullopt;
  }
  enum { NUTCLocal, NStdWall, NLeap, NTime, NZone, NChar };
  std::size_t n[6];
  auto read_counts = [&] {
    for (std::size_t& v : n) {
      std::uint32_t nn = 0;
      if (!d.big4(nn))
        return false;
      v = nn;
    }
    return true;
  };
  if (!read_counts())
    return std::nullopt;
  bool is64 = false;
  if (version > 1) {
    // Skip the 32-bit data and read the 64-bit header.
    d.read(n[NTime] * 4 + n[NTime] + n[NZone] * 6 + n[NChar] + n[NLeap] * 8 + n[NStdWall] +
           n[NUTCLocal] + 4 + 16);
    is64 = true;
    if (!read_counts())
      return std::nullopt;
  }
  const std::size_t size = is64 ? 8 : 4;
  Reader txtimes{d.read(n[NTime] * size)};
  const std::string_view txzones = d.read(n[NTime]);
  Reader zonedata{d.read(n[NZone] * 6)};
  const std::string_view abbrev = d.read(n[NChar]);
  d.read(n[NLeap] * (size + 4));
  d.read(n[NStdWall]);
  d.read(n[NUTCLocal]);
  if (d.error)
    return std::nullopt;

  auto loc = std::make_shared<Location>();
  const std::string_view rest = d.data;
  if (rest.size() > 2 && rest.front() == '\n' && rest.back() == '\n')
    loc->extend = std::string(rest.substr(1, rest.size() - 2));
  if (n[NZone] == 0)
    return std::nullopt;
  for (std::size_t i = 0; i < n[NZone]; ++i) {
    std::uint32_t off = 0;
    if (!zonedata.big4(off))
      return std::nullopt;
    const std::string_view flags = zonedata.read(2);
    if (flags.size() != 2)
      return std::nullopt;
    const auto b = static_cast<unsigned char>(flags[1]);
    if (b >= abbrev.size())
      return std::nullopt;
    const std::string_view a = abbrev.substr(b);
    loc->zones.push_back(Zone{std::string(a.substr(0, a.find('\0'))),
                              static_cast<std::int32_t>(off), flags[0] != 0});
  }
  for (std::size_t i = 0; i < n[NTime]; ++i) {
    std::int64_t when = 0;
    if (!is64) {
      std::uint32_t v = 0;
      if (!txtimes.big4(v))
        return std::nullopt;
      when = static_cast<std::int32_t>(v);
    } else {
      std::uint64_t v = 0;
      if (!txtimes.big8(v))
        return std::nullopt;
      when = static_cast<std::int64_t>(v);
    }
    const auto index = static_cast<unsigned char>(txzones[i]);
    if (index >= loc->zones.size())
      return std::nullopt;
    loc->tx.push_back(ZoneTrans{when, index});
  }
  if (loc->tx.empty())
    loc->tx.push_back(ZoneTrans{kAlpha, 0});
  loc->name = std::move(name);
  return LocationPtr(std::move(loc));
}

}  // namespace capstan::templating::gotime
