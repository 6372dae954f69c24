// chart.Lock re-serialization (see lock.h).
#include "chart/lock.h"

#include "chart/chart.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size())
    return false;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9')
      return false;
  }
  return true;
}

int num(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

int days_in(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string reformat_rfc3339(std::string_view s) {
  // Go's parseStrictRFC3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|±hh:mm), fields in range.
  if (!digits(s, 0, 4) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2) || s[13] != ':' ||
      !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2))
    return "";
  const int year = num(s, 0, 4);
  const int month = num(s, 5, 2);
  const int day = num(s, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > days_in(year, month) || num(s, 11, 2) > 23 ||
      num(s, 14, 2) > 59 || num(s, 17, 2) > 59)
    return "";
  std::size_t i = 19;
  std::string frac;
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    std::size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i + 1 || j - i - 1 > 9)
      return "";
    frac = std::string(s.substr(i + 1, j - i - 1));
    i = j;
  }
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string zone;
  if (i + 1 == s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    zone = "Z";
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) &&
             s[i + 3] == ':' && digits(s, i + 4, 2)) {
    if (num(s, i + 1, 2) > 23 || num(s, i + 4, 2) > 59)
      return "";
    const bool utc = num(s, i + 1, 2) == 0 && num(s, i + 4, 2) == 0;
    zone = utc ? "Z" : std::string(s.substr(i));
  } else {
    return "";
  }
  std::string out(s.substr(0, 19));
  out[10] = 'T';
  if (!frac.empty())
    out += "." + frac;
  return out + zone;
}

Value lock_json(const Value& doc) {
  std::string generated = "0001-01-01T00:00:00Z";  // time.Time's zero value
  std::string digest;
  Value dependencies;  // null: a nil slice
  if (doc.is_map()) {
    for (const auto& [k, v] : doc.map().entries) {
      std::string key = k;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (key == "generated" && v.is_string()) {
        generated = reformat_rfc3339(v.as_string());
        if (generated.empty()) {
          throw Error(ErrorKind::Chart, "cannot load Chart.lock: parsing time " +
                                            strconv::quote(v.as_string()) +
                                            " as \"2006-01-02T15:04:05Z07:00\": invalid time");
        }
      } else if (key == "digest" && v.is_string()) {
        digest = v.as_string();
      } else if (key == "dependencies" && v.is_list()) {
        // The entries are chart.Dependency structs, as in Chart.yaml.
        Metadata md;
        decode_metadata(Value::map_of({{"dependencies", v}}), md);
        Value encoded = metadata_json(md);
        const Value* list = encoded.find("dependencies");
        dependencies = list != nullptr ? *list : Value::empty_list();
      }
    }
  }
  return Value::map_of(
      {{"generated", Value(generated)}, {"digest", Value(digest)}, {"dependencies", dependencies}});
}

}  // namespace capstan::chart
