// The dedicated block-YAML index reader against the generic decoder: on generated indexes in
// many block styles, and on damaged copies of them (lines dropped, repeated, re-indented,
// characters changed), both paths must give the same index, log lines and error text.
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "core/error.h"
#include "repo/index.h"
#include "repo/index_reader.h"

namespace {

namespace repo = capstan::repo;

// A random index in the styles real servers and people write.
std::string random_index(std::mt19937& rng) {
  auto pick = [&](std::initializer_list<const char*> xs) {
    std::uniform_int_distribution<std::size_t> d(0, xs.size() - 1);
    return std::string(*(xs.begin() + d(rng)));
  };
  auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
  auto word = [&] {
    return pick({"alpha", "beta", "nginx", "redis", "it's", "a: b", "x #y", "true", "null", "1.5",
                 "ünï", "-dash", "tab\there", "0x1F", "~", "yes", "quote\"d", "back\\slash",
                 "", "long words that go on and on and on and on and on to be folded maybe"});
  };
  auto scalar = [&](const std::string& s) {
    switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
      case 0: {
        std::string out = "\"";
        for (char c : s) {
          if (c == '"' || c == '\\') out += '\\';
          if (c == '\t') {
            out += "\\t";
            continue;
          }
          out += c;
        }
        return out + "\"";
      }
      case 1: {
        std::string out = "'";
        for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
      }
      default:
        return s;  // plain: may be a number, bool, or broken YAML; both paths must agree
    }
  };
  std::ostringstream out;
  if (chance(20)) out << "# generated\n";
  out << "apiVersion: " << pick({"v1", "\"v1\"", "'v1'"}) << "\n";
  out << "entries:\n";
  const int charts = std::uniform_int_distribution<int>(0, 4)(rng);
  const std::string ind = chance(70) ? "  " : "    ";
  for (int c = 0; c < charts; ++c) {
    const std::string name = pick({"alpine", "nginx", "redis", "kafka", "x"}) + std::to_string(c);
    out << ind << name << ":\n";
    if (chance(5)) continue;  // a null version list
    const int versions = std::uniform_int_distribution<int>(1, 3)(rng);
    const std::string dash = chance(50) ? ind : ind + "  ";
    for (int v = 0; v < versions; ++v) {
      if (chance(5)) {
        out << dash << "- " << pick({"null", "~", ""}) << "\n";
        continue;
      }
      const std::string in = dash + "  ";
      out << dash << "- name: " << scalar(name) << "\n";
      out << in << "version: " << pick({"1.0.0", "\"2.1.0-rc.1\"", "v3.0.0", "latest", "1.2", "0.0.1+b"}) << "\n";
      if (chance(60)) out << in << "description: " << scalar(word() + " " + word()) << "\n";
      if (chance(20)) out << in << "description2: x\n";
      if (chance(30)) out << in << "apiVersion: " << pick({"v1", "v2"}) << "\n";
      if (chance(30)) out << in << "appVersion: " << scalar(word()) << "\n";
      if (chance(40)) {
        out << in << "keywords:" << (chance(10) ? " []" : "") << "\n";
        for (int k = 0; k < 2; ++k) out << in << pick({"", "  "}) << "- " << scalar(word()) << "\n";
      }
      if (chance(30)) {
        out << in << "maintainers:\n";
        out << in << "- name: " << scalar(word()) << "\n";
        if (chance(50)) out << in << "  email: a@example.com\n";
        if (chance(10)) out << in << "- null\n";
      }
      if (chance(30)) {
        out << in << "annotations:\n";
        out << in << "  category: " << scalar(word()) << "\n";
        if (chance(50)) {
          out << in << "  images: |" << pick({"", "-", "+"}) << "\n";
          out << in << "    - name: " << word() << "\n";
          if (chance(30)) out << "\n";
          out << in << "      image: docker.io/x:" << word() << "\n";
        }
      }
      if (chance(30)) {
        out << in << "dependencies:\n";
        out << in << "- name: " << scalar(word()) << "\n";
        out << in << "  repository: " << pick({"https://x.example.com", "\"@repo\"", "file://../a"}) << "\n";
        if (chance(50)) out << in << "  version: " << pick({"1.x.x", "'>=1.0.0'", "~2"}) << "\n";
        if (chance(30)) out << in << "  tags:\n" << in << "  - " << word() << "\n";
        if (chance(10)) out << in << "  alias: " << pick({"ok-alias", "bad/alias"}) << "\n";
      }
      if (chance(20)) out << in << "deprecated: " << pick({"true", "false", "yes", "\"true\""}) << "\n";
      out << in << "urls:\n" << in << "- " << name << "-" << v << ".tgz\n";
      if (chance(50)) out << in << "created: " << pick({"\"2024-05-08T10:20:00.123456789+02:00\"", "2024-05-08T10:20:00Z", "\"bad\""}) << "\n";
      if (chance(50)) out << in << "digest: " << pick({"abc123", "123", "\"0e5\""}) << "\n";
      if (chance(5)) out << in << "  # a comment line\n";
    }
  }
  out << "generated: " << pick({"\"2026-01-01T00:00:00Z\"", "2026-01-01T00:00:00.5+00:00"}) << "\n";
  if (chance(10)) out << "publicKeys:\n- key\n";
  return out.str();
}

std::string pick_suffix(std::mt19937& rng) {
  static const char* const kSuffixes[] = {" # c", ":", " x: y", "\\", " '", " [a]"};
  return kSuffixes[std::uniform_int_distribution<int>(0, 5)(rng)];
}

std::string damage(std::string text, std::mt19937& rng) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  if (lines.empty()) return text;
  std::uniform_int_distribution<std::size_t> at(0, lines.size() - 1);
  const std::size_t i = at(rng);
  switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0: lines.erase(lines.begin() + static_cast<long>(i)); break;
    case 1: lines.insert(lines.begin() + static_cast<long>(i), lines[i]); break;
    case 2: lines[i] = " " + lines[i]; break;
    case 3: if (!lines[i].empty() && lines[i][0] == ' ') lines[i].erase(0, 1); break;
    case 4: if (!lines[i].empty()) lines[i][std::uniform_int_distribution<std::size_t>(0, lines[i].size() - 1)(rng)] = ":-'\"#|\t{["[std::uniform_int_distribution<int>(0, 9)(rng)]; break;
    default: lines[i] += pick_suffix(rng);
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

namespace {
std::string outcome(const std::string& text, bool fast) {
  std::string logs;
  repo::LoadIndexOptions options;
  options.fast_path = fast;
  options.source = "random";
  options.log = [&](std::string_view, std::string_view m) { logs += std::string(m) + "\n"; };
  try {
    return repo::load_index(text, options).to_yaml() + logs;
  } catch (const capstan::Error& e) {
    return "error: " + std::string(e.what());
  }
}
}  // namespace

TEST_CASE("index reader: generated block indexes read the same on both paths") {
  std::mt19937 rng(20260101);
  int accepted = 0;
  for (int i = 0; i < 400; ++i) {
    const std::string text = random_index(rng);
    INFO("index:\n" << text);
    repo::IndexFile scratch;
    repo::detail::RawEntries raw;
    accepted += repo::detail::read_block_index(text, scratch, raw) ? 1 : 0;
    REQUIRE(outcome(text, true) == outcome(text, false));
    for (int d = 0; d < 4; ++d) {
      const std::string broken = damage(text, rng);
      INFO("damaged:\n" << broken);
      REQUIRE(outcome(broken, true) == outcome(broken, false));
    }
  }
  // The comparison means something only if the dedicated reader takes a good share itself.
  CHECK(accepted > 30);  // 43 of 400 at this seed
}
