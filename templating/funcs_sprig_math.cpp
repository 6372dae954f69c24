// Sprig's integer and float arithmetic (functions.go, numeric.go): add, add1, sub, mul, div,
// mod, max/biggest, min, maxf, minf, ceil, floor, round, until, untilStep, seq. Integers wrap as
// Go's int64 does; the float rounding of `round` follows Go's math.Pow and math.Modf.
#include <cmath>

#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

using sprig::to_float64;
using sprig::to_int64;

Value i64(std::int64_t v) {
  return Value::integer(v, NumType::Int64);
}

std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
std::int64_t wrap_sub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
std::int64_t wrap_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

// Go's integer division panics on zero and wraps MinInt64 / -1.
std::int64_t go_div(std::int64_t a, std::int64_t b) {
  if (b == 0)
    throw FuncError("runtime error: integer divide by zero");
  if (b == -1)
    return wrap_sub(0, a);
  return a / b;
}
std::int64_t go_mod(std::int64_t a, std::int64_t b) {
  if (b == 0)
    throw FuncError("runtime error: integer divide by zero");
  if (b == -1)
    return 0;
  return a % b;
}

// Go's math.Max / math.Min: NaN wins, and signed zeros order -0 < +0.
double go_max(double x, double y) {
  if (std::isinf(x) && x > 0)
    return x;
  if (std::isinf(y) && y > 0)
    return y;
  if (std::isnan(x) || std::isnan(y))
    return NAN;
  if (x == 0 && x == y)
    return std::signbit(x) ? y : x;
  return x > y ? x : y;
}
double go_min(double x, double y) {
  if (std::isinf(x) && x < 0)
    return x;
  if (std::isinf(y) && y < 0)
    return y;
  if (std::isnan(x) || std::isnan(y))
    return NAN;
  if (x == 0 && x == y)
    return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

// Go's math.Pow for the integral exponents `round` uses (successive squaring of the mantissa,
// which can differ from the C library in the last bit for large exponents).
double go_pow(double x, double y) {
  if (y == 0 || x == 1)
    return 1;
  if (y == 1)
    return x;
  if (std::isnan(x) || std::isnan(y))
    return NAN;
  const double ay = std::fabs(y);
  double yi = std::floor(ay);
  double yf = ay - yi;
  if (x == 0 || std::isinf(x) || std::isinf(y) || y == 0.5 || y == -0.5 ||
      yi >= 9.2233720368547758e18) {
    return std::pow(x, y);  // the special cases agree with C's pow
  }
  if (yf != 0 && x < 0)
    return NAN;
  double a1 = 1.0;
  long long ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf -= 1;
      yi += 1;
    }
    a1 = std::exp(yf * std::log(x));
  }
  int xe_int = 0;
  double x1 = std::frexp(x, &xe_int);
  long long xe = xe_int;
  for (auto i = static_cast<long long>(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      ae += xe;
      break;
    }
    if ((i & 1) == 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < .5) {
      x1 += x1;
      --xe;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  if (ae > 100000)
    ae = 100000;
  if (ae < -100000)
    ae = -100000;
  return std::ldexp(a1, static_cast<int>(ae));
}

// Sprig's round: away from zero when the fraction reaches roundOn (default .5).
double round(const Value& a, std::int64_t places, const std::vector<Value>& opt) {
  const double round_on = opt.empty() ? .5 : opt[0].as_float();
  const double val = to_float64(a);
  const double pow = go_pow(10, static_cast<double>(places));
  const double digit = pow * val;
  double integral = 0;
  const double frac = std::modf(digit, &integral);
  const double r = frac >= round_on ? std::ceil(digit) : std::floor(digit);
  return r / pow;
}

// untilStep's []int; a bound keeps a template from exhausting memory where Go would try.
constexpr std::size_t kMaxItems = std::size_t{1} << 24;

std::vector<std::int64_t> until_step(std::int64_t start, std::int64_t stop, std::int64_t step) {
  std::vector<std::int64_t> v;
  auto push = [&](std::int64_t i) {
    if (v.size() >= kMaxItems)
      throw FuncError("untilStep: too many elements");
    v.push_back(i);
  };
  if (stop < start) {
    if (step >= 0)
      return v;
    for (std::int64_t i = start; i > stop; i = wrap_add(i, step)) push(i);
    return v;
  }
  if (step <= 0)
    return v;
  for (std::int64_t i = start; i < stop; i = wrap_add(i, step)) push(i);
  return v;
}

Value int_list(const std::vector<std::int64_t>& items) {
  auto list = std::make_shared<List>();
  list->elem_type = "int";
  for (std::int64_t i : items) list->items.push_back(Value::integer(i, NumType::Int));
  return Value(std::move(list));
}

std::string join_ints(const std::vector<std::int64_t>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ' ';
    out += std::to_string(items[i]);
  }
  return out;
}

std::string seq(const std::vector<Value>& params) {
  std::int64_t increment = 1;
  switch (params.size()) {
    case 1: {
      const std::int64_t start = 1, end = params[0].as_int();
      if (end < start)
        increment = -1;
      return join_ints(until_step(start, wrap_add(end, increment), increment));
    }
    case 2: {
      const std::int64_t start = params[0].as_int(), end = params[1].as_int();
      const std::int64_t step = end < start ? -1 : 1;
      return join_ints(until_step(start, wrap_add(end, step), step));
    }
    case 3: {
      const std::int64_t start = params[0].as_int(), step = params[1].as_int(),
                         end = params[2].as_int();
      if (end < start) {
        increment = -1;
        if (step > 0)
          return "";
      }
      return join_ints(until_step(start, wrap_add(end, increment), step));
    }
    default:
      return "";
  }
}

}  // namespace

void register_sprig_math(FuncMap& f) {
  f.add("add", "func(...interface {}) int64", [](CallContext&, Args& a) {
    std::int64_t sum = 0;
    for (const Value& v : a[0].list().items) sum = wrap_add(sum, to_int64(v));
    return i64(sum);
  });
  f.add("add1", "func(interface {}) int64",
        [](CallContext&, Args& a) { return i64(wrap_add(to_int64(a[0]), 1)); });
  f.add("sub", "func(interface {}, interface {}) int64",
        [](CallContext&, Args& a) { return i64(wrap_sub(to_int64(a[0]), to_int64(a[1]))); });
  f.add("mul", "func(interface {}, ...interface {}) int64", [](CallContext&, Args& a) {
    std::int64_t v = to_int64(a[0]);
    for (const Value& b : a[1].list().items) v = wrap_mul(v, to_int64(b));
    return i64(v);
  });
  f.add("div", "func(interface {}, interface {}) int64",
        [](CallContext&, Args& a) { return i64(go_div(to_int64(a[0]), to_int64(a[1]))); });
  f.add("mod", "func(interface {}, interface {}) int64",
        [](CallContext&, Args& a) { return i64(go_mod(to_int64(a[0]), to_int64(a[1]))); });
  const auto max = [](CallContext&, Args& a) {
    std::int64_t v = to_int64(a[0]);
    for (const Value& b : a[1].list().items) v = std::max(v, to_int64(b));
    return i64(v);
  };
  f.add("max", "func(interface {}, ...interface {}) int64", max);
  f.add("biggest", "func(interface {}, ...interface {}) int64", max);
  f.add("min", "func(interface {}, ...interface {}) int64", [](CallContext&, Args& a) {
    std::int64_t v = to_int64(a[0]);
    for (const Value& b : a[1].list().items) v = std::min(v, to_int64(b));
    return i64(v);
  });
  f.add("maxf", "func(interface {}, ...interface {}) float64", [](CallContext&, Args& a) {
    double v = to_float64(a[0]);
    for (const Value& b : a[1].list().items) v = go_max(v, to_float64(b));
    return Value::floating(v);
  });
  f.add("minf", "func(interface {}, ...interface {}) float64", [](CallContext&, Args& a) {
    double v = to_float64(a[0]);
    for (const Value& b : a[1].list().items) v = go_min(v, to_float64(b));
    return Value::floating(v);
  });
  f.add("ceil", "func(interface {}) float64",
        [](CallContext&, Args& a) { return Value::floating(std::ceil(to_float64(a[0]))); });
  f.add("floor", "func(interface {}) float64",
        [](CallContext&, Args& a) { return Value::floating(std::floor(to_float64(a[0]))); });
  f.add("round", "func(interface {}, int, ...float64) float64", [](CallContext&, Args& a) {
    return Value::floating(round(a[0], a[1].as_int(), a[2].list().items));
  });
  f.add("until", "func(int) []int", [](CallContext&, Args& a) {
    const std::int64_t count = a[0].as_int();
    return int_list(until_step(0, count, count < 0 ? -1 : 1));
  });
  f.add("untilStep", "func(int, int, int) []int", [](CallContext&, Args& a) {
    return int_list(until_step(a[0].as_int(), a[1].as_int(), a[2].as_int()));
  });
  f.add("seq", "func(...int) string",
        [](CallContext&, Args& a) { return Value(seq(a[0].list().items)); });
}

}  // namespace capstan::templating
