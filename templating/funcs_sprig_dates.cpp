// Sprig's date functions (date.go): now, date, dateInZone, htmlDate, htmlDateInZone, dateModify,
// mustDateModify, ago, duration, durationRound, toDate, mustToDate, unixEpoch (and the
// date_in_zone, date_modify, must_date_modify aliases), and the Go types they hand to templates:
// time.Time, *time.Location, time.Month, time.Weekday, time.Duration with their methods.
// The clock is EngineOptions::now_unix_nanos; --deterministic fixes it at 2000-01-01T00:00:00Z.
#include <chrono>

#include "core/strconv.h"
#include "templating/engine.h"
#include "templating/function.h"
#include "templating/object.h"
#include "templating/sprig_objects.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

using gotime::Duration;
using gotime::Time;

namespace {

// --- named integers: time.Month, time.Weekday, time.Duration ---

std::shared_ptr<const GoTypeInfo> month_type() {
  static const std::shared_ptr<const GoTypeInfo> t = [] {
    static const char* const kNames[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    auto type = std::make_shared<GoTypeInfo>();
    type->name = "time.Month";
    type->kind = GoTypeInfo::Kind::Named;
    type->string = [](const GoObject& o) {
      const std::int64_t m = o.underlying().as_int();
      if (m >= 1 && m <= 12)
        return std::string(kNames[m - 1]);
      return "%!Month(" + std::to_string(static_cast<std::uint64_t>(m)) + ")";
    };
    type->add_method("String", "func() string", [](CallContext& c, Args&) {
      const GoObject& o = *as_go_object(c.receiver());
      return Value(o.type().string(o));
    });
    return std::shared_ptr<const GoTypeInfo>(type);
  }();
  return t;
}

std::shared_ptr<const GoTypeInfo> weekday_type() {
  static const std::shared_ptr<const GoTypeInfo> t = [] {
    static const char* const kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
    auto type = std::make_shared<GoTypeInfo>();
    type->name = "time.Weekday";
    type->kind = GoTypeInfo::Kind::Named;
    type->string = [](const GoObject& o) {
      const std::int64_t d = o.underlying().as_int();
      if (d >= 0 && d <= 6)
        return std::string(kNames[d]);
      return "%!Weekday(" + std::to_string(static_cast<std::uint64_t>(d)) + ")";
    };
    type->add_method("String", "func() string", [](CallContext& c, Args&) {
      const GoObject& o = *as_go_object(c.receiver());
      return Value(o.type().string(o));
    });
    return std::shared_ptr<const GoTypeInfo>(type);
  }();
  return t;
}

Value duration_value(Duration d);

// A time.Duration argument. The executor converts number constants only to built-in types,
// so Duration parameters are declared interface {} and take a Duration or an untyped integer
// constant (an int) here; other values fail as Go's argument check would.
Duration duration_of(const Value& v) {
  if (const GoObject* o = as_go_object(v); o != nullptr && o->type_name() == "time.Duration") {
    return o->underlying().as_int();
  }
  if (v.is_int() && v.num_type() == NumType::Int)
    return v.as_int();
  throw FuncError("wrong type for value; expected time.Duration; got " +
                  (v.is_null() ? std::string("<nil>") : type_name(v)));
}

Duration receiver_duration(CallContext& c) {
  return duration_of(c.receiver());
}

// Duration.Round.
Duration round_duration(Duration d, Duration m) {
  if (m <= 0)
    return d;
  Duration r = d % m;
  auto less_than_half = [](Duration x, Duration y) {
    return static_cast<std::uint64_t>(x) + static_cast<std::uint64_t>(x) <
           static_cast<std::uint64_t>(y);
  };
  if (d < 0) {
    r = -r;
    if (less_than_half(r, m))
      return d + r;
    Duration d1 = 0;
    if (!__builtin_add_overflow(d - m, r, &d1) && d1 < d)
      return d1;
    return INT64_MIN;
  }
  if (less_than_half(r, m))
    return d - r;
  Duration d1 = 0;
  if (!__builtin_add_overflow(d, m - r, &d1) && d1 > d)
    return d1;
  return INT64_MAX;
}

std::shared_ptr<const GoTypeInfo> duration_type() {
  static const std::shared_ptr<const GoTypeInfo> t = [] {
    auto type = std::make_shared<GoTypeInfo>();
    type->name = "time.Duration";
    type->kind = GoTypeInfo::Kind::Named;
    type->string = [](const GoObject& o) {
      return gotime::duration_string(o.underlying().as_int());
    };
    type->add_method("String", "func() string", [](CallContext& c, Args&) {
      return Value(gotime::duration_string(receiver_duration(c)));
    });
    type->add_method("Hours", "func() float64", [](CallContext& c, Args&) {
      const Duration d = receiver_duration(c);
      return Value::floating(static_cast<double>(d / gotime::kHour) +
                             static_cast<double>(d % gotime::kHour) / 3.6e12);
    });
    type->add_method("Minutes", "func() float64", [](CallContext& c, Args&) {
      const Duration d = receiver_duration(c);
      return Value::floating(static_cast<double>(d / gotime::kMinute) +
                             static_cast<double>(d % gotime::kMinute) / 6e10);
    });
    type->add_method("Seconds", "func() float64", [](CallContext& c, Args&) {
      const Duration d = receiver_duration(c);
      return Value::floating(static_cast<double>(d / gotime::kSecond) +
                             static_cast<double>(d % gotime::kSecond) / 1e9);
    });
    type->add_method("Milliseconds", "func() int64", [](CallContext& c, Args&) {
      return Value::integer(receiver_duration(c) / 1000000);
    });
    type->add_method("Microseconds", "func() int64", [](CallContext& c, Args&) {
      return Value::integer(receiver_duration(c) / 1000);
    });
    type->add_method("Nanoseconds", "func() int64",
                     [](CallContext& c, Args&) { return Value::integer(receiver_duration(c)); });
    type->add_method("Round", "func(interface {}) time.Duration", [](CallContext& c, Args& a) {
      return duration_value(round_duration(receiver_duration(c), duration_of(a[0])));
    });
    type->add_method("Truncate", "func(interface {}) time.Duration", [](CallContext& c, Args& a) {
      const Duration d = receiver_duration(c), m = duration_of(a[0]);
      return duration_value(m <= 0 ? d : d - d % m);
    });
    type->add_method("Abs", "func() time.Duration", [](CallContext& c, Args&) {
      const Duration d = receiver_duration(c);
      return duration_value(d >= 0 ? d : d == INT64_MIN ? INT64_MAX : -d);
    });
    return std::shared_ptr<const GoTypeInfo>(type);
  }();
  return t;
}

Value duration_value(Duration d) {
  return GoObject::make_named(duration_type(), Value::integer(d, NumType::Int64));
}

// --- *time.Location ---

std::shared_ptr<const GoTypeInfo> location_type() {
  static const std::shared_ptr<const GoTypeInfo> t = [] {
    auto type = std::make_shared<GoTypeInfo>();
    type->name = "*time.Location";
    type->kind = GoTypeInfo::Kind::PointerToStruct;
    type->string = [](const GoObject& o) {
      return std::any_cast<const gotime::LocationPtr&>(o.payload())->name;
    };
    type->add_method("String", "func() string", [](CallContext& c, Args&) {
      return Value(
          std::any_cast<const gotime::LocationPtr&>(as_go_object(c.receiver())->payload())->name);
    });
    return std::shared_ptr<const GoTypeInfo>(type);
  }();
  return t;
}

Value location_value(gotime::LocationPtr loc) {
  return GoObject::make_struct(location_type(), {}, std::move(loc));
}

// --- time.Time ---

const Time& receiver_time(CallContext& c) {
  return *sprig::as_time(c.receiver());
}

const Time& time_arg(const Value& v) {
  return *sprig::as_time(v);
}

Value int_value(std::int64_t v) {
  return Value::integer(v, NumType::Int);
}

std::string marshal_time(const Time& t) {
  return t.format("2006-01-02T15:04:05.999999999Z07:00");
}

void add_time_methods(GoTypeInfo& t) {
  t.add_method("String", "func() string",
               [](CallContext& c, Args&) { return Value(receiver_time(c).str()); });
  t.add_method("Format", "func(string) string", [](CallContext& c, Args& a) {
    return Value(receiver_time(c).format(a[0].as_string()));
  });
  t.add_method("Unix", "func() int64",
               [](CallContext& c, Args&) { return Value::integer(receiver_time(c).unix_sec()); });
  t.add_method("UnixMilli", "func() int64", [](CallContext& c, Args&) {
    const Time& x = receiver_time(c);
    return Value::integer(
        static_cast<std::int64_t>(static_cast<std::uint64_t>(x.unix_sec()) * 1000) +
        x.nanosecond() / 1000000);
  });
  t.add_method("UnixMicro", "func() int64", [](CallContext& c, Args&) {
    const Time& x = receiver_time(c);
    return Value::integer(
        static_cast<std::int64_t>(static_cast<std::uint64_t>(x.unix_sec()) * 1000000) +
        x.nanosecond() / 1000);
  });
  t.add_method("UnixNano", "func() int64", [](CallContext& c, Args&) {
    const Time& x = receiver_time(c);
    return Value::integer(
        static_cast<std::int64_t>(static_cast<std::uint64_t>(x.unix_sec()) * 1000000000) +
        x.nanosecond());
  });
  t.add_method("Year", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).civil().year); });
  t.add_method("Month", "func() time.Month", [](CallContext& c, Args&) {
    return GoObject::make_named(month_type(), int_value(receiver_time(c).civil().month));
  });
  t.add_method("Day", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).civil().day); });
  t.add_method("Hour", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).civil().hour); });
  t.add_method("Minute", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).civil().minute); });
  t.add_method("Second", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).civil().second); });
  t.add_method("Nanosecond", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).nanosecond()); });
  t.add_method("YearDay", "func() int",
               [](CallContext& c, Args&) { return int_value(receiver_time(c).civil().yday); });
  t.add_method("Weekday", "func() time.Weekday", [](CallContext& c, Args&) {
    return GoObject::make_named(weekday_type(), int_value(receiver_time(c).civil().weekday));
  });
  t.add_method("IsZero", "func() bool",
               [](CallContext& c, Args&) { return Value(receiver_time(c).is_zero()); });
  t.add_method("IsDST", "func() bool",
               [](CallContext& c, Args&) { return Value(receiver_time(c).zone().is_dst); });
  t.add_method("UTC", "func() time.Time", [](CallContext& c, Args&) {
    return sprig::time_value(receiver_time(c).in(gotime::utc()));
  });
  t.add_method("Local", "func() time.Time", [](CallContext& c, Args&) {
    return sprig::time_value(receiver_time(c).in(gotime::local()));
  });
  t.add_method("In", "func(*time.Location) time.Time", [](CallContext& c, Args& a) {
    if (a[0].is_null())
      throw FuncError("time: missing Location in call to Time.In");
    return sprig::time_value(receiver_time(c).in(
        std::any_cast<const gotime::LocationPtr&>(as_go_object(a[0])->payload())));
  });
  t.add_method("Location", "func() *time.Location",
               [](CallContext& c, Args&) { return location_value(receiver_time(c).location()); });
  t.add_method("Add", "func(interface {}) time.Time", [](CallContext& c, Args& a) {
    return sprig::time_value(receiver_time(c).add(duration_of(a[0])));
  });
  t.add_method("Sub", "func(time.Time) time.Duration", [](CallContext& c, Args& a) {
    return duration_value(receiver_time(c).sub(time_arg(a[0])));
  });
  t.add_method("AddDate", "func(int, int, int) time.Time", [](CallContext& c, Args& a) {
    return sprig::time_value(
        receiver_time(c).add_date(a[0].as_int(), a[1].as_int(), a[2].as_int()));
  });
  t.add_method("Truncate", "func(interface {}) time.Time", [](CallContext& c, Args& a) {
    return sprig::time_value(receiver_time(c).truncate(duration_of(a[0])));
  });
  t.add_method("Round", "func(interface {}) time.Time", [](CallContext& c, Args& a) {
    return sprig::time_value(receiver_time(c).round(duration_of(a[0])));
  });
  t.add_method("Before", "func(time.Time) bool", [](CallContext& c, Args& a) {
    return Value(receiver_time(c).before(time_arg(a[0])));
  });
  t.add_method("After", "func(time.Time) bool", [](CallContext& c, Args& a) {
    return Value(receiver_time(c).after(time_arg(a[0])));
  });
  t.add_method("Equal", "func(time.Time) bool", [](CallContext& c, Args& a) {
    return Value(receiver_time(c).equal(time_arg(a[0])));
  });
  t.add_method("MarshalJSON", "func() ([]uint8, error)", [](CallContext& c, Args&) {
    const std::int64_t y = receiver_time(c).civil().year;
    if (y < 0 || y >= 10000)
      throw FuncError("Time.MarshalJSON: year outside of range [0,9999]");
    return Value::bytes("\"" + marshal_time(receiver_time(c)) + "\"");
  });
}

std::shared_ptr<const GoTypeInfo> time_type() {
  static const std::shared_ptr<const GoTypeInfo> t = [] {
    auto type = std::make_shared<GoTypeInfo>();
    type->name = "time.Time";
    type->kind = GoTypeInfo::Kind::Struct;
    type->string = [](const GoObject& o) { return std::any_cast<const Time&>(o.payload()).str(); };
    type->json = [](const GoObject& o) {
      return Value(marshal_time(std::any_cast<const Time&>(o.payload())));
    };
    add_time_methods(*type);
    return std::shared_ptr<const GoTypeInfo>(type);
  }();
  return t;
}

// --- the clock ---

// A monotonic reading as Go's runtime keeps it: nanoseconds since the process started.
std::int64_t monotonic_now() {
  static const auto start = std::chrono::steady_clock::now();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                              start)
             .count() +
         1;
}

// time.Now(): Local, with a monotonic reading when the clock is the system's (an injected
// clock has none, so that what templates print stays reproducible).
Time now(CallContext& ctx) {
  if (ctx.options().deterministic)
    return Time::date(2000, 1, 1, 0, 0, 0, 0, gotime::utc());
  if (ctx.options().now_unix_nanos) {
    const std::int64_t ns = ctx.options().now_unix_nanos();
    return Time::unix(ns / 1000000000 - (ns % 1000000000 < 0 ? 1 : 0),
                      (ns % 1000000000 + 1000000000) % 1000000000);
  }
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  const std::int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
  return Time::unix(ns / 1000000000, ns % 1000000000).with_monotonic(monotonic_now());
}

// time.Since(t).
Duration since(CallContext& ctx, const Time& t) {
  Time n = now(ctx);
  if (!t.has_monotonic())
    n = n.strip_monotonic();
  return n.sub(t);
}

// Sprig's date argument: time.Time, or Unix seconds as int64, int or int32 (int32 not for ago);
// anything else means now.
Time date_arg(CallContext& ctx, const Value& date, bool allow_int32) {
  if (const Time* t = sprig::as_time(date))
    return *t;
  if (date.is_int()) {
    const NumType n = date.num_type();
    if (n == NumType::Int64 || n == NumType::Int || (allow_int32 && n == NumType::Int32)) {
      return Time::unix(date.as_int(), 0);
    }
  }
  return now(ctx);
}

std::string date_in_zone(CallContext& ctx, const std::string& fmt, const Value& date,
                         const std::string& zone) {
  const Time t = date_arg(ctx, date, true);
  gotime::LocationPtr loc = gotime::load_location(zone).value_or(gotime::utc());
  return t.in(std::move(loc)).format(fmt);
}

std::string duration_round(CallContext& ctx, const Value& v) {
  Duration d = 0;
  if (v.is_string()) {
    d = gotime::parse_duration(v.as_string(), nullptr).value_or(0);
  } else if (v.is_int() && v.num_type() == NumType::Int64) {
    d = v.as_int();
  } else if (const Time* t = sprig::as_time(v)) {
    d = since(ctx, *t);
  }
  std::uint64_t u = static_cast<std::uint64_t>(d);
  if (d < 0)
    u = -u;
  constexpr std::uint64_t kHour = 3600ULL * 1000000000;
  constexpr std::uint64_t kDay = kHour * 24;
  constexpr std::uint64_t kMonth = kDay * 30;
  constexpr std::uint64_t kYear = kDay * 365;
  if (u > kYear)
    return std::to_string(u / kYear) + "y";
  if (u > kMonth)
    return std::to_string(u / kMonth) + "mo";
  if (u > kDay)
    return std::to_string(u / kDay) + "d";
  if (u > kHour)
    return std::to_string(u / kHour) + "h";
  if (u > 60ULL * 1000000000)
    return std::to_string(u / (60ULL * 1000000000)) + "m";
  if (u > 1000000000ULL)
    return std::to_string(u / 1000000000ULL) + "s";
  return "0s";
}

Value must_date_modify(const std::string& fmt, const Value& date) {
  std::string error;
  const std::optional<Duration> d = gotime::parse_duration(fmt, &error);
  if (!d)
    throw FuncError(error);
  return sprig::time_value(time_arg(date).add(*d));
}

Value must_to_date(const std::string& fmt, const std::string& str) {
  try {
    return sprig::time_value(gotime::parse_in_location(fmt, str, gotime::local()));
  } catch (const gotime::ParseError& e) {
    throw FuncError(e.what());
  }
}

}  // namespace

Value sprig::time_value(const Time& t) {
  return GoObject::make_struct(time_type(), {}, t);
}

const Time* sprig::as_time(const Value& v) {
  const GoObject* o = as_go_object(v);
  if (o == nullptr || o->type_name() != "time.Time")
    return nullptr;
  return std::any_cast<Time>(&o->payload());
}

void register_sprig_dates(FuncMap& f) {
  f.add("now", "func() time.Time", [](CallContext& c, Args&) { return sprig::time_value(now(c)); });
  f.add("date", "func(string, interface {}) string", [](CallContext& c, Args& a) {
    return Value(date_in_zone(c, a[0].as_string(), a[1], "Local"));
  });
  const auto in_zone = [](CallContext& c, Args& a) {
    return Value(date_in_zone(c, a[0].as_string(), a[1], a[2].as_string()));
  };
  f.add("dateInZone", "func(string, interface {}, string) string", in_zone);
  f.add("date_in_zone", "func(string, interface {}, string) string", in_zone);
  f.add("htmlDate", "func(interface {}) string", [](CallContext& c, Args& a) {
    return Value(date_in_zone(c, "2006-01-02", a[0], "Local"));
  });
  f.add("htmlDateInZone", "func(interface {}, string) string", [](CallContext& c, Args& a) {
    return Value(date_in_zone(c, "2006-01-02", a[0], a[1].as_string()));
  });
  const auto modify = [](CallContext&, Args& a) {
    const std::optional<Duration> d = gotime::parse_duration(a[0].as_string(), nullptr);
    if (!d)
      return a[1];
    return sprig::time_value(time_arg(a[1]).add(*d));
  };
  f.add("dateModify", "func(string, time.Time) time.Time", modify);
  f.add("date_modify", "func(string, time.Time) time.Time", modify);
  const auto must_modify = [](CallContext&, Args& a) {
    return must_date_modify(a[0].as_string(), a[1]);
  };
  f.add("mustDateModify", "func(string, time.Time) (time.Time, error)", must_modify);
  f.add("must_date_modify", "func(string, time.Time) (time.Time, error)", must_modify);
  f.add("ago", "func(interface {}) string", [](CallContext& c, Args& a) {
    const Time t = date_arg(c, a[0], false);
    return Value(gotime::duration_string(round_duration(since(c, t), gotime::kSecond)));
  });
  f.add("duration", "func(interface {}) string", [](CallContext&, Args& a) {
    std::int64_t n = 0;
    if (a[0].is_string()) {
      const auto r = strconv::parse_int(a[0].as_string(), 10, 64);
      n = r.err == strconv::NumError::Syntax ? 0 : r.value;
    } else if (a[0].is_int() && a[0].num_type() == NumType::Int64) {
      n = a[0].as_int();
    }
    return Value(gotime::duration_string(static_cast<Duration>(
        static_cast<std::uint64_t>(n) * static_cast<std::uint64_t>(gotime::kSecond))));
  });
  f.add("durationRound", "func(interface {}) string",
        [](CallContext& c, Args& a) { return Value(duration_round(c, a[0])); });
  f.add("toDate", "func(string, string) time.Time", [](CallContext&, Args& a) {
    try {
      return must_to_date(a[0].as_string(), a[1].as_string());
    } catch (const FuncError&) {
      return sprig::time_value(Time());
    }
  });
  f.add("mustToDate", "func(string, string) (time.Time, error)",
        [](CallContext&, Args& a) { return must_to_date(a[0].as_string(), a[1].as_string()); });
  f.add("unixEpoch", "func(time.Time) string",
        [](CallContext&, Args& a) { return Value(std::to_string(time_arg(a[0]).unix_sec())); });
}

}  // namespace capstan::templating
