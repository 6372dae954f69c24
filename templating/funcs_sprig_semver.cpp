// Sprig's semver and semverCompare (semver.go) over core/semver (Masterminds/semver 3.2.0), and
// the *semver.Version objects they return, with the methods templates can call: Major, Minor,
// Patch, Prerelease, Metadata, Original, String, IncMajor/IncMinor/IncPatch, SetPrerelease,
// SetMetadata, LessThan, GreaterThan, Equal, Compare. Inc* and Set* return a semver.Version
// value, which has only the value-receiver methods (no Original, LessThan, ...).
#include "core/error.h"
#include "core/semver.h"
#include "templating/function.h"
#include "templating/object.h"
#include "templating/sprig_objects.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

struct SemverPayload {
  semver::Version version;
  std::string original;
};

Value make_version(semver::Version v, std::string original, bool pointer);

const SemverPayload& payload(const Value& v) {
  return std::any_cast<const SemverPayload&>(as_go_object(v)->payload());
}

const SemverPayload& receiver(CallContext& ctx) {
  return payload(ctx.receiver());
}

// Only a lower-case "v" is kept as the prefix of the new original text.
std::string v_prefix(const SemverPayload& p) {
  return !p.original.empty() && p.original[0] == 'v' ? "v" : "";
}

Value next_version(const SemverPayload& p, semver::Version next) {
  std::string original = v_prefix(p) + next.str();
  return make_version(std::move(next), std::move(original), false);
}

bool contains_only(std::string_view s, std::string_view set) {
  for (char c : s) {
    if (set.find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

constexpr std::string_view kNum = "0123456789";
constexpr std::string_view kAllowed =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

std::vector<std::string_view> split_dots(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  while (true) {
    const std::size_t dot = s.find('.', from);
    out.push_back(
        s.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
    if (dot == std::string_view::npos)
      return out;
    from = dot + 1;
  }
}

void validate_prerelease(std::string_view p) {
  for (std::string_view part : split_dots(p)) {
    if (contains_only(part, kNum)) {
      if (part.size() > 1 && part[0] == '0')
        throw FuncError("Version segment starts with 0");
    } else if (!contains_only(part, kAllowed)) {
      throw FuncError("Invalid Prerelease string");
    }
  }
}

void validate_metadata(std::string_view m) {
  for (std::string_view part : split_dots(m)) {
    if (!contains_only(part, kAllowed))
      throw FuncError("Invalid Metadata string");
  }
}

const SemverPayload& other(const Value& v) {
  if (v.is_null())
    throw FuncError(std::string(sprig::kNilDeref));
  return payload(v);
}

void add_value_methods(GoTypeInfo& t) {
  t.add_method("String", "func() string",
               [](CallContext& c, Args&) { return Value(receiver(c).version.str()); });
  t.add_method("Major", "func() uint64", [](CallContext& c, Args&) {
    return Value::unsigned_integer(receiver(c).version.major());
  });
  t.add_method("Minor", "func() uint64", [](CallContext& c, Args&) {
    return Value::unsigned_integer(receiver(c).version.minor());
  });
  t.add_method("Patch", "func() uint64", [](CallContext& c, Args&) {
    return Value::unsigned_integer(receiver(c).version.patch());
  });
  t.add_method("Prerelease", "func() string",
               [](CallContext& c, Args&) { return Value(receiver(c).version.prerelease()); });
  t.add_method("Metadata", "func() string",
               [](CallContext& c, Args&) { return Value(receiver(c).version.metadata()); });
  t.add_method("IncPatch", "func() semver.Version", [](CallContext& c, Args&) {
    const semver::Version& v = receiver(c).version;
    const std::uint64_t patch = v.prerelease().empty() ? v.patch() + 1 : v.patch();
    return next_version(receiver(c), semver::Version(v.major(), v.minor(), patch));
  });
  t.add_method("IncMinor", "func() semver.Version", [](CallContext& c, Args&) {
    const semver::Version& v = receiver(c).version;
    return next_version(receiver(c), semver::Version(v.major(), v.minor() + 1, 0));
  });
  t.add_method("IncMajor", "func() semver.Version", [](CallContext& c, Args&) {
    const semver::Version& v = receiver(c).version;
    return next_version(receiver(c), semver::Version(v.major() + 1, 0, 0));
  });
  t.add_method("SetPrerelease", "func(string) (semver.Version, error)",
               [](CallContext& c, Args& a) {
                 const semver::Version& v = receiver(c).version;
                 if (!a[0].as_string().empty())
                   validate_prerelease(a[0].as_string());
                 return next_version(receiver(c), semver::Version(v.major(), v.minor(), v.patch(),
                                                                  a[0].as_string(), v.metadata()));
               });
  t.add_method("SetMetadata", "func(string) (semver.Version, error)", [](CallContext& c, Args& a) {
    const semver::Version& v = receiver(c).version;
    if (!a[0].as_string().empty())
      validate_metadata(a[0].as_string());
    return next_version(receiver(c), semver::Version(v.major(), v.minor(), v.patch(),
                                                     v.prerelease(), a[0].as_string()));
  });
}

std::shared_ptr<const GoTypeInfo> version_type(bool pointer) {
  static const std::shared_ptr<const GoTypeInfo> types[2] = {
      [] {
        auto t = std::make_shared<GoTypeInfo>();
        t->name = "semver.Version";
        t->kind = GoTypeInfo::Kind::Struct;
        add_value_methods(*t);
        t->string = [](const GoObject& o) {
          return std::any_cast<const SemverPayload&>(o.payload()).version.str();
        };
        // MarshalText and MarshalJSON both write String() (value receivers).
        t->text = [](const GoObject& o) { return std::any_cast<const SemverPayload&>(o.payload()).version.str(); };
        t->json = [](const GoObject& o) {
          return Value(std::any_cast<const SemverPayload&>(o.payload()).version.str());
        };
        return std::shared_ptr<const GoTypeInfo>(t);
      }(),
      [] {
        auto t = std::make_shared<GoTypeInfo>();
        t->name = "*semver.Version";
        t->kind = GoTypeInfo::Kind::PointerToStruct;
        add_value_methods(*t);
        t->add_method("Original", "func() string",
                      [](CallContext& c, Args&) { return Value(receiver(c).original); });
        t->add_method("LessThan", "func(*semver.Version) bool", [](CallContext& c, Args& a) {
          return Value(receiver(c).version.compare(other(a[0]).version) < 0);
        });
        t->add_method("GreaterThan", "func(*semver.Version) bool", [](CallContext& c, Args& a) {
          return Value(receiver(c).version.compare(other(a[0]).version) > 0);
        });
        t->add_method("Equal", "func(*semver.Version) bool", [](CallContext& c, Args& a) {
          return Value(receiver(c).version.compare(other(a[0]).version) == 0);
        });
        t->add_method("Compare", "func(*semver.Version) int", [](CallContext& c, Args& a) {
          return Value::integer(receiver(c).version.compare(other(a[0]).version), NumType::Int);
        });
        t->string = [](const GoObject& o) {
          return std::any_cast<const SemverPayload&>(o.payload()).version.str();
        };
        // MarshalText and MarshalJSON both write String() (value receivers).
        t->text = [](const GoObject& o) { return std::any_cast<const SemverPayload&>(o.payload()).version.str(); };
        t->json = [](const GoObject& o) {
          return Value(std::any_cast<const SemverPayload&>(o.payload()).version.str());
        };
        return std::shared_ptr<const GoTypeInfo>(t);
      }(),
  };
  return types[pointer ? 1 : 0];
}

Value make_version(semver::Version v, std::string original, bool pointer) {
  return GoObject::make_struct(version_type(pointer), {},
                               SemverPayload{std::move(v), std::move(original)});
}

semver::Version parse(const std::string& text) {
  try {
    return semver::Version::parse(text);
  } catch (const Error& e) {
    throw FuncError(e.what());
  }
}

}  // namespace

Value sprig::zero_semver() {
  return make_version(semver::Version(0, 0, 0), "", true);
}

void register_sprig_semver(FuncMap& f) {
  f.add("semver", "func(string) (*semver.Version, error)", [](CallContext&, Args& a) {
    semver::Version v = parse(a[0].as_string());
    std::string original = v.original();
    return make_version(std::move(v), std::move(original), true);
  });
  f.add("semverCompare", "func(string, string) (bool, error)", [](CallContext&, Args& a) {
    try {
      const semver::Constraints c = semver::Constraints::parse(a[0].as_string());
      return Value(c.check(semver::Version::parse(a[1].as_string())));
    } catch (const Error& e) {
      throw FuncError(e.what());
    }
  });
}

}  // namespace capstan::templating
