// Sprig's float arithmetic through shopspring/decimal (numeric.go execDecimalOp): add1f, addf,
// subf, mulf, divf. Each operand becomes decimal.NewFromFloat (the shortest digits that read
// back as the float), the operations are exact (division rounds half away from zero at 16
// fractional digits, decimal.DivisionPrecision), and the result is the nearest float64.
// Big integers come from OpenSSL's BIGNUM.
#include <openssl/bn.h>

#include <cmath>
#include <memory>

#include "core/strconv.h"
#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

struct BnFree {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

struct CtxFree {
  void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};

Bn bn() {
  BIGNUM* b = BN_new();
  if (b == nullptr)
    throw FuncError("decimal: out of memory");
  return Bn(b);
}

Bn bn_copy(const BIGNUM* a) {
  Bn b = bn();
  BN_copy(b.get(), a);
  return b;
}

BN_CTX* ctx() {
  thread_local std::unique_ptr<BN_CTX, CtxFree> c(BN_CTX_new());
  return c.get();
}

// value * 10^exp
struct Decimal {
  Bn value = bn();
  std::int64_t exp = 0;
};

// a * 10^n for n >= 0.
Bn times_pow10(const BIGNUM* a, std::int64_t n) {
  Bn p = bn(), ten = bn(), e = bn(), out = bn();
  BN_set_word(ten.get(), 10);
  BN_set_word(e.get(), static_cast<BN_ULONG>(n));
  BN_exp(p.get(), ten.get(), e.get(), ctx());
  BN_mul(out.get(), a, p.get(), ctx());
  return out;
}

Decimal from_float(double f) {
  if (std::isnan(f) || std::isinf(f)) {
    throw FuncError("Cannot create a Decimal from " + strconv::format_float(f, 'g', -1));
  }
  Decimal d;
  if (f == 0)
    return d;
  // The shortest round-tripping digits, as decimal's roundShortest finds them.
  const std::string e = strconv::format_float(f, 'e', -1);
  const std::size_t epos = e.find('e');
  std::string digits;
  for (std::size_t i = 0; i < epos; ++i) {
    if (e[i] >= '0' && e[i] <= '9')
      digits += e[i];
  }
  const std::int64_t exp10 = std::stoll(e.substr(epos + 1));
  BIGNUM* v = d.value.get();
  BN_dec2bn(&v, digits.c_str());
  if (f < 0)
    BN_set_negative(d.value.get(), 1);
  d.exp = exp10 + 1 - static_cast<std::int64_t>(digits.size());
  return d;
}

// RescalePair: both values at the smaller exponent.
std::pair<Bn, Bn> rescaled(const Decimal& a, const Decimal& b, std::int64_t& exp) {
  exp = std::min(a.exp, b.exp);
  return {times_pow10(a.value.get(), a.exp - exp), times_pow10(b.value.get(), b.exp - exp)};
}

Decimal add(const Decimal& a, const Decimal& b) {
  Decimal out;
  auto [x, y] = rescaled(a, b, out.exp);
  BN_add(out.value.get(), x.get(), y.get());
  return out;
}

Decimal sub(const Decimal& a, const Decimal& b) {
  Decimal out;
  auto [x, y] = rescaled(a, b, out.exp);
  BN_sub(out.value.get(), x.get(), y.get());
  return out;
}

Decimal mul(const Decimal& a, const Decimal& b) {
  Decimal out;
  out.exp = a.exp + b.exp;
  if (out.exp > INT32_MAX || out.exp < INT32_MIN) {
    throw FuncError("exponent " + std::to_string(out.exp) + " overflows an int32!");
  }
  BN_mul(out.value.get(), a.value.get(), b.value.get(), ctx());
  return out;
}

int cmp(const Decimal& a, const Decimal& b) {
  std::int64_t exp = 0;
  auto [x, y] = rescaled(a, b, exp);
  return BN_cmp(x.get(), y.get());
}

constexpr std::int64_t kDivisionPrecision = 16;

// Decimal.DivRound(d2, 16) via QuoRem.
Decimal div(const Decimal& d, const Decimal& d2) {
  if (BN_is_zero(d2.value.get()))
    throw FuncError("decimal division by 0");
  const std::int64_t scale = -kDivisionPrecision;
  const std::int64_t e = d.exp - d2.exp - scale;
  if (e > INT32_MAX || e < INT32_MIN)
    throw FuncError("overflow in decimal QuoRem");
  Bn aa, bb;
  std::int64_t scalerest = 0;
  if (e < 0) {
    aa = bn_copy(d.value.get());
    bb = times_pow10(d2.value.get(), -e);
    scalerest = d.exp;
  } else {
    aa = times_pow10(d.value.get(), e);
    bb = bn_copy(d2.value.get());
    scalerest = scale + d2.exp;
  }
  Decimal q, r;
  BN_div(q.value.get(), r.value.get(), aa.get(), bb.get(), ctx());
  q.exp = scale;
  r.exp = scalerest;
  // Round: compare 2*|r|*10^precision with |d2|.
  Decimal r2, abs_d2;
  BN_copy(r2.value.get(), r.value.get());
  BN_set_negative(r2.value.get(), 0);
  BN_lshift1(r2.value.get(), r2.value.get());
  r2.exp = r.exp + kDivisionPrecision;
  BN_copy(abs_d2.value.get(), d2.value.get());
  BN_set_negative(abs_d2.value.get(), 0);
  abs_d2.exp = d2.exp;
  if (cmp(r2, abs_d2) < 0)
    return q;
  Decimal unit;
  BN_one(unit.value.get());
  unit.exp = -kDivisionPrecision;
  if (BN_is_negative(d.value.get()) != BN_is_negative(d2.value.get()) &&
      !BN_is_zero(d.value.get())) {
    return sub(q, unit);
  }
  return add(q, unit);
}

// The nearest float64 (big.Rat's Float64, which is correctly rounded as ParseFloat is).
double to_float(const Decimal& d) {
  char* digits = BN_bn2dec(d.value.get());
  std::string text = digits;
  OPENSSL_free(digits);
  text += "e" + std::to_string(d.exp);
  return strconv::parse_float(text, 64).value;
}

using Op = Decimal (*)(const Decimal&, const Decimal&);

double exec_decimal_op(const Value& a, const std::vector<Value>& b, Op op) {
  Decimal prt = from_float(sprig::to_float64(a));
  for (const Value& x : b) prt = op(prt, from_float(sprig::to_float64(x)));
  return to_float(prt);
}

}  // namespace

void register_sprig_decimal(FuncMap& f) {
  f.add("add1f", "func(interface {}) float64", [](CallContext&, Args& a) {
    return Value::floating(exec_decimal_op(a[0], {Value::integer(1, NumType::Int)}, add));
  });
  f.add("addf", "func(...interface {}) float64", [](CallContext&, Args& a) {
    return Value::floating(exec_decimal_op(Value::floating(0), a[0].list().items, add));
  });
  f.add("subf", "func(interface {}, ...interface {}) float64", [](CallContext&, Args& a) {
    return Value::floating(exec_decimal_op(a[0], a[1].list().items, sub));
  });
  f.add("mulf", "func(interface {}, ...interface {}) float64", [](CallContext&, Args& a) {
    return Value::floating(exec_decimal_op(a[0], a[1].list().items, mul));
  });
  f.add("divf", "func(interface {}, ...interface {}) float64", [](CallContext&, Args& a) {
    return Value::floating(exec_decimal_op(a[0], a[1].list().items, div));
  });
}

}  // namespace capstan::templating
