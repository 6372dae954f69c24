// The fast YAML reader (core/yaml_fast.h) against the full parser: on every input it accepts
// (the decode tables, the broken-document mutations, the docs, and seeded random documents in
// the styles values files use) yaml::decode must give the same value or error either way.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>

#include "core/json_testing.h"
#include "core/yaml.h"
#include "core/yaml_fast.h"

namespace {

namespace yaml = capstan::yaml;
namespace ct = capstan::codec_testing;

struct Counts {
  int accepted = 0;
  int total = 0;
};

// Compares both paths on one input (both number modes and strict); true when the fast reader
// accepted it.
bool same_both_ways(const std::string& in) {
  capstan::yaml::detail::Document doc;
  const bool accepted = capstan::yaml::detail::parse_simple(in, doc);
  for (int mode = 0; mode < 3; ++mode) {
    yaml::DecodeOptions fast;
    fast.numbers = mode == 1 ? yaml::Numbers::Typed : yaml::Numbers::Float64;
    fast.strict = mode == 2;
    yaml::DecodeOptions full = fast;
    full.fast_path = false;
    INFO("input: " << ct::escape(in) << " mode " << mode);
    CHECK(ct::result([&] { return yaml::decode(in, fast); }) ==
          ct::result([&] { return yaml::decode(in, full); }));
  }
  return accepted;
}

std::filesystem::path yaml_data() { return capstan::testing::testdata("core/yaml"); }

TEST_CASE("fast YAML reader agrees with the full parser on the decode tables") {
  Counts c;
  for (const char* table : {"decode.tsv", "mutations.tsv"}) {
    for (const ct::Row& row : ct::read_table(yaml_data() / table)) {
      ++c.total;
      if (same_both_ways(row.cols[0])) ++c.accepted;
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(yaml_data() / "docs")) {
    if (entry.path().extension() != ".yaml") continue;
    ++c.total;
    if (same_both_ways(capstan::testing::read_file(entry.path()))) ++c.accepted;
  }
  // The reader must take a good share of real inputs, or it is not worth having.
  INFO(c.accepted << " of " << c.total << " accepted");
  CHECK(c.accepted * 8 > c.total);
}

// Seeded documents in the shapes values files and manifests have.
class Docs {
 public:
  explicit Docs(std::uint64_t seed) : state_(seed) {}

  std::string document() {
    std::string out;
    if (below(5) == 0) out += "---\n";
    mapping(0, out, 0);
    return out;
  }

 private:
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return next() % n; }
  template <std::size_t N>
  const char* pick(const char* const (&a)[N]) {
    return a[below(N)];
  }

  std::string key() {
    static const char* const keys[] = {"a", "name", "image", "tag", "sp ace", "with-dash", "dot.ted",
                                       "\"quoted key\"", "'single'", "yes", "1", "0x10", "<<", "héllo",
                                       "key  ", "a:b", "-x", "~", "null", "true", "1.5"};
    return pick(keys);
  }

  std::string scalar() {
    static const char* const scalars[] = {
        "1", "-7", "0x1F", "0o17", "017", "1_000", "1.5", "1e3", ".inf", "-.Inf", ".nan", "true", "no",
        "on", "~", "null", "", "plain text", "text with  spaces", "a#b", "x # comment", "http://x:80/p",
        "\"double\"", "\"esc \\\" \\n \\t \\x41 \\u00e9 \\U0001F600 \\\\\"", "\"\\/\"", "'single ''q'''",
        "\"unterminated", "[1, 2, three]", "{a: 1, b: [x, y]}", "[]", "{}", "[a, [b, c], {d: e}]",
        "{a: 1,}", "[1, 2", "2001-12-14", "12:30:45", "a: b", "&anchor x", "*alias", "!!str 1",
        "-1", "- x", ":x", "?x", "%x", "@x", "'", "\"a\" # c", "'a' :", "é", "日本語", "🚀",
        "9223372036854775808", "-0", "+5", "0b101", "1__0", "'123'"};
    return pick(scalars);
  }

  void block_scalar(int indent, std::string& out) {
    static const char* const headers[] = {"|", "|-", "|+", ">", ">-", ">+", "|2", "| # c", "|-  "};
    out += pick(headers);
    out += "\n";
    const int lines = static_cast<int>(below(4)) + 1;
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    for (int i = 0; i < lines; ++i) {
      switch (below(7)) {
        case 0: out += "\n"; break;
        case 1: out += pad + "  more indented\n"; break;
        case 2: out += pad.substr(1) + "less\n"; break;
        case 3: out += pad + "# not a comment\n"; break;
        default: out += pad + "line " + std::to_string(i) + " text\n";
      }
    }
    if (below(4) == 0) out += "\n";
  }

  void value(int indent, std::string& out, int depth) {
    const std::size_t roll = depth > 3 ? 5 : below(10);
    if (roll < 2) {
      out += "\n";
      mapping(indent + 2 - static_cast<int>(below(5) == 0), out, depth + 1);
    } else if (roll < 4) {
      out += "\n";
      sequence(indent + (below(3) == 0 ? 0 : 2), out, depth + 1);
    } else if (roll < 5) {
      out += " ";
      block_scalar(indent, out);
    } else {
      const std::string s = scalar();
      out += s.empty() ? "" : " " + s;
      if (below(8) == 0) out += "  # trailing comment";
      out += "\n";
      if (below(10) == 0) out += std::string(static_cast<std::size_t>(indent + 2), ' ') + "continued\n";
    }
  }

  void mapping(int indent, std::string& out, int depth) {
    const int n = static_cast<int>(below(4)) + 1;
    for (int i = 0; i < n; ++i) {
      if (below(8) == 0) out += "\n";
      if (below(10) == 0) out += std::string(static_cast<std::size_t>(indent), ' ') + "# comment\n";
      out += std::string(static_cast<std::size_t>(indent), ' ') + key() + ":";
      value(indent, out, depth);
    }
  }

  void sequence(int indent, std::string& out, int depth) {
    const int n = static_cast<int>(below(3)) + 1;
    for (int i = 0; i < n; ++i) {
      out += std::string(static_cast<std::size_t>(indent), ' ') + "-";
      if (below(3) == 0) {
        // "- key: value" with more keys under it
        out += " " + key() + ": " + scalar() + "\n";
        if (below(2) == 0) out += std::string(static_cast<std::size_t>(indent + 2), ' ') + key() + ": 2\n";
      } else {
        value(indent, out, depth);
      }
    }
  }

  std::uint64_t state_;
};

TEST_CASE("fast YAML reader agrees with the full parser on random documents") {
  Counts c;
  for (std::uint64_t seed = 1; seed <= 3000; ++seed) {
    Docs docs(seed);
    ++c.total;
    if (same_both_ways(docs.document())) ++c.accepted;
  }
  INFO(c.accepted << " of " << c.total << " accepted");
  CHECK(c.accepted * 5 > c.total);
}

}  // namespace
