// capstan_template_fuzz: differential fuzzing of the templating engine against the Helm
// oracle. Random values and templates are rendered as charts by both; the first mismatch is
// shrunk and written as a conformance case. Not part of ctest (it needs the oracle and time).
//
//   capstan_template_fuzz [--seed N] [--iterations M] [--minutes T] [--batch K]
//                         [--oracle PATH] [--out DIR] [--keep-going] [--max-findings N]
//   capstan_template_fuzz --seed N --replay BATCH/CASE    print and compare one case alone
//
// Each batch is one chart: shared values and files, K templates templates/tNNNN.yaml (their
// defines in _tNNNN.tpl). Helm stops at the first failing template, so when a batch fails the
// failing case is read from the error, compared, taken out, and the rest rendered again; when
// no case can be named, the batch falls back to one case per chart.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>

#include "templating/engine.h"
#include "tests/fuzz/fuzz_case.h"

namespace capstan::fuzz {
namespace {

namespace fs = std::filesystem;

struct Settings {
  std::uint64_t seed = 1;
  long iterations = 1000;
  double minutes = 0;  // 0: no time limit
  int batch = 40;
  std::string oracle = "/tmp/helm-oracle/helm-oracle";
  fs::path out = "/tmp/capstan-fuzz";
  bool keep_going = false;
  bool verbose = false;
  int max_findings = 20;
  std::string replay;
  int shrink_tests = 400;
  GenLimits limits;
};

struct Stats {
  long cases = 0, outputs_equal = 0, errors_equal = 0, mismatches = 0, deviations = 0;
  long oracle_runs = 0, batches = 0, fallbacks = 0;
};

std::string case_name(int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "t%04d", index);
  return buf;
}

class Fuzzer {
 public:
  explicit Fuzzer(Settings s) : s_(std::move(s)) {
    templating::Engine engine;
    for (const std::string& name : generator_function_names()) {
      if (engine.funcs().contains(name) || name == "and" || name == "or" || name == "not" ||
          name == "len" || name == "index" || name == "print" || name == "printf" ||
          name == "println" || name == "html" || name == "js" || name == "urlquery" ||
          name == "eq" || name == "ne" || name == "lt" || name == "le" || name == "gt" ||
          name == "ge" || name == "slice") {
        available_.insert(name);
      } else {
        missing_.push_back(name);
      }
    }
    has_function_ = [this](const std::string& name) { return available_.count(name) > 0; };
    fs::create_directories(s_.out);
    work_ = s_.out / ("work-" + std::to_string(getpid()));
    fs::create_directories(work_);
  }
  ~Fuzzer() { fs::remove_all(work_); }

  int run() {
    if (!missing_.empty()) {
      std::printf("not in capstan's function map (left out):");
      for (const auto& n : missing_) std::printf(" %s", n.c_str());
      std::printf("\n");
    }
    if (!s_.replay.empty()) return replay();
    const auto start = std::chrono::steady_clock::now();
    auto elapsed_minutes = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 60;
    };
    for (long b = 0; stats_.cases < s_.iterations; ++b) {
      if (s_.minutes > 0 && elapsed_minutes() >= s_.minutes) break;
      if (findings_ >= s_.max_findings || (findings_ > 0 && !s_.keep_going)) break;
      run_batch(b);
      if (b % 5 == 4) report(elapsed_minutes());
    }
    report(elapsed_minutes());
    return findings_ > 0 ? 1 : 0;
  }

 private:
  Case make_case(long batch, int index) {
    Rng batch_rng(derive_seed(s_.seed, static_cast<std::uint64_t>(batch), 0xffffu));
    Case c;
    c.values = generate_values(batch_rng, 40);
    c.files = generate_files(batch_rng);
    std::vector<std::string> paths;
    for (const auto& f : c.files) paths.push_back(f.first);
    ChartContext ctx{&c.values, paths};
    Rng rng(derive_seed(s_.seed, static_cast<std::uint64_t>(batch), static_cast<std::uint64_t>(index) + 1));
    c.tmpl = generate_template(rng, ctx, case_name(index), s_.limits, has_function_);
    c.id = std::to_string(s_.seed) + "/" + std::to_string(batch) + "/" + std::to_string(index);
    return c;
  }

  // Values and files are the batch's; a case's template refers to values it saw when it was
  // generated, and make_case regenerates them identically.
  void run_batch(long b) {
    ++stats_.batches;
    std::vector<Case> cases;
    for (int i = 0; i < s_.batch && stats_.cases + i < s_.iterations; ++i) cases.push_back(make_case(b, i));
    std::set<int> pending;
    for (int i = 0; i < static_cast<int>(cases.size()); ++i) pending.insert(i);
    stats_.cases += static_cast<long>(cases.size());
    while (!pending.empty()) {
      ChartSpec spec;
      spec.values_yaml = emit_yaml(cases[0].values);
      spec.files = cases[0].files;
      for (int i : pending) {
        spec.templates.emplace_back(case_name(i) + ".yaml", render(cases[static_cast<std::size_t>(i)].tmpl.main));
        const std::string partials = render(cases[static_cast<std::size_t>(i)].tmpl.partials);
        if (!partials.empty()) spec.templates.emplace_back("_" + case_name(i) + ".tpl", partials);
      }
      const fs::path chart = write_chart(work_ / "batch", spec);
      const RenderResult oracle = run_oracle(s_.oracle, chart);
      ++stats_.oracle_runs;
      const RenderResult capstan = run_capstan(chart);
      if (oracle.status == RenderResult::Status::Ok && capstan.status == RenderResult::Status::Ok) {
        for (int i : pending) {
          const std::string path = "conformance/templates/" + case_name(i) + ".yaml";
          const auto o = oracle.files.find(path);
          const auto c = capstan.files.find(path);
          if (o != oracle.files.end() && c != capstan.files.end() &&
              normalize_pointers(go_json_sanitize(c->second)) == normalize_pointers(o->second)) {
            ++stats_.outputs_equal;
          } else {
            investigate(cases[static_cast<std::size_t>(i)], &oracle, &capstan);
          }
        }
        return;
      }
      // A failed batch: name the case from the error (the oracle's, else capstan's).
      const std::string& text = oracle.status != RenderResult::Status::Ok ? oracle.error : capstan.error;
      static const std::regex name("templates/_?t([0-9]{4})");
      std::smatch m;
      int culprit = -1;
      if (std::regex_search(text, m, name)) culprit = std::stoi(m[1]);
      if (culprit < 0 || pending.count(culprit) == 0) {
        ++stats_.fallbacks;
        for (int i : pending) check_alone(cases[static_cast<std::size_t>(i)]);
        return;
      }
      if (same_result(oracle, capstan)) {
        ++stats_.errors_equal;
        if (s_.verbose) std::printf("agreed: %s\n", oracle.error.substr(0, 300).c_str());
      } else {
        investigate(cases[static_cast<std::size_t>(culprit)], &oracle, &capstan);
      }
      pending.erase(culprit);
    }
  }

  struct Outcome {
    RenderResult oracle, capstan;
  };

  Outcome render_alone(const Case& c) {
    const fs::path chart = write_chart(work_ / "single", single_chart(c));
    Outcome o{run_oracle(s_.oracle, chart), run_capstan(chart)};
    ++stats_.oracle_runs;
    return o;
  }

  void check_alone(const Case& c) {
    const Outcome o = render_alone(c);
    if (same_result(o.oracle, o.capstan)) {
      o.oracle.status == RenderResult::Status::Ok ? ++stats_.outputs_equal : ++stats_.errors_equal;
      return;
    }
    investigate(c, &o.oracle, &o.capstan);
  }

  static std::string category(const RenderResult& r) {
    if (r.status == RenderResult::Status::Ok) return "ok";
    if (r.status == RenderResult::Status::Crash) return "crash";
    return r.error.rfind("parse error", 0) == 0 ? "parse" : "exec";
  }

  // A case that differed inside a batch: confirm alone, skip known deviations, shrink, write.
  void investigate(const Case& c, const RenderResult* batch_oracle = nullptr,
                   const RenderResult* batch_capstan = nullptr) {
    const Outcome first = render_alone(c);
    if (same_result(first.oracle, first.capstan)) {
      // Differs only next to other cases (shared values mutated by set/unset, include counts):
      // keep the batch's chart and results.
      std::printf("note: case %s differs only inside its batch\n", c.id.c_str());
      ++stats_.mismatches;
      std::string base = c.id;
      for (char& ch : base) {
        if (ch == '/') ch = '-';
      }
      const fs::path dir = s_.out / ("batch-" + base);
      fs::remove_all(dir);
      fs::copy(work_ / "batch", dir, fs::copy_options::recursive);
      if (batch_oracle != nullptr && batch_capstan != nullptr) {
        std::ofstream(dir / "results.txt") << "oracle: " << describe(*batch_oracle) << "\ncapstan: "
                                           << describe(*batch_capstan) << "\n";
      }
      ++findings_;
      return;
    }
    if (const std::string why = known_deviation(c, first.oracle, first.capstan); !why.empty()) {
      ++stats_.deviations;
      return;
    }
    ++stats_.mismatches;
    const std::string oracle_kind = category(first.oracle);
    const std::string capstan_kind = category(first.capstan);
    // Shrinking stops after kShrinkSeconds: a case whose renders are slow (a value holding
    // itself, printed to the end of the stack) would otherwise hold the run for hours.
    constexpr auto kShrinkSeconds = std::chrono::seconds(120);
    const auto shrink_until = std::chrono::steady_clock::now() + kShrinkSeconds;
    auto still_fails = [&](const Case& candidate) {
      if (std::chrono::steady_clock::now() > shrink_until) return false;
      const Outcome o = render_alone(candidate);
      return !same_result(o.oracle, o.capstan) && category(o.oracle) == oracle_kind &&
             category(o.capstan) == capstan_kind && known_deviation(candidate, o.oracle, o.capstan).empty();
    };
    std::printf("mismatch in case %s: shrinking...\n", c.id.c_str());
    std::fflush(stdout);
    const Case small = shrink(c, still_fails, s_.shrink_tests);
    write_finding(small, render_alone(small), "");
  }

  void write_finding(const Case& c, const Outcome& o, const std::string& note) {
    ++findings_;
    std::string base = c.id;
    for (char& ch : base) {
      if (ch == '/') ch = '-';
    }
    const fs::path file = s_.out / ("finding-" + base + ".txt");
    std::ofstream(file) << conformance_text(c, o.oracle);
    std::ofstream(s_.out / ("finding-" + base + ".capstan")) << describe(o.capstan) << "\n"
                                                            << (o.capstan.files.count("conformance/templates/case.yaml")
                                                                    ? o.capstan.files.at("conformance/templates/case.yaml")
                                                                    : std::string());
    std::printf("=== finding %s%s: %s\n--- template ---\n%s\n--- oracle: %s\n", c.id.c_str(),
                note.empty() ? "" : (" (" + note + ")").c_str(), file.c_str(), render(c.tmpl.main).c_str(),
                describe(o.oracle).c_str());
    if (o.oracle.status == RenderResult::Status::Ok) {
      for (const auto& [p, t] : o.oracle.files) std::printf("%s", t.c_str());
      std::printf("\n");
    }
    std::printf("--- capstan: %s\n", describe(o.capstan).c_str());
    if (o.capstan.status == RenderResult::Status::Ok) {
      for (const auto& [p, t] : o.capstan.files) std::printf("%s", t.c_str());
      std::printf("\n");
    }
    std::fflush(stdout);
  }

  int replay() {
    const std::size_t slash = s_.replay.find('/');
    if (slash == std::string::npos) return 2;
    const Case c = make_case(std::stol(s_.replay.substr(0, slash)), std::stoi(s_.replay.substr(slash + 1)));
    const ChartSpec spec = single_chart(c);
    std::printf("--- values.yaml ---\n%s", spec.values_yaml.c_str());
    for (const auto& [p, t] : spec.templates) std::printf("--- %s ---\n%s\n", p.c_str(), t.c_str());
    const Outcome o = render_alone(c);
    std::printf("--- oracle: %s\n", describe(o.oracle).c_str());
    for (const auto& [p, t] : o.oracle.files) std::printf("%s\n", t.c_str());
    std::printf("--- capstan: %s\n", describe(o.capstan).c_str());
    for (const auto& [p, t] : o.capstan.files) std::printf("%s\n", t.c_str());
    return same_result(o.oracle, o.capstan) ? 0 : 1;
  }

  void report(double minutes) {
    std::printf("[%.1f min] seed %llu: %ld cases in %ld batches (%ld oracle runs, %ld fallbacks): "
                "%ld outputs equal, %ld errors equal, %ld mismatches, %ld known deviations\n",
                minutes, static_cast<unsigned long long>(s_.seed), stats_.cases, stats_.batches,
                stats_.oracle_runs, stats_.fallbacks, stats_.outputs_equal, stats_.errors_equal,
                stats_.mismatches, stats_.deviations);
    std::fflush(stdout);
  }

  Settings s_;
  Stats stats_;
  int findings_ = 0;
  fs::path work_;
  std::set<std::string> available_;
  std::vector<std::string> missing_;
  std::function<bool(const std::string&)> has_function_;
};

int usage() {
  std::fprintf(stderr,
               "usage: capstan_template_fuzz [--seed N] [--iterations M] [--minutes T] [--batch K]\n"
               "         [--oracle PATH] [--out DIR] [--keep-going] [--max-findings N]\n"
               "         [--statements N] [--depth N] [--shrink-tests N] [--replay BATCH/CASE]\n");
  return 2;
}

}  // namespace
}  // namespace capstan::fuzz

int main(int argc, char** argv) {
  using namespace capstan::fuzz;
  Settings s;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) std::exit(usage());
      return argv[++i];
    };
    if (a == "--seed") s.seed = std::stoull(value());
    else if (a == "--iterations") s.iterations = std::stol(value());
    else if (a == "--minutes") s.minutes = std::stod(value());
    else if (a == "--batch") s.batch = std::stoi(value());
    else if (a == "--oracle") s.oracle = value();
    else if (a == "--out") s.out = value();
    else if (a == "--keep-going") s.keep_going = true;
    else if (a == "--verbose") s.verbose = true;
    else if (a == "--max-findings") s.max_findings = std::stoi(value());
    else if (a == "--statements") s.limits.statements = std::stoi(value());
    else if (a == "--depth") s.limits.max_depth = std::stoi(value());
    else if (a == "--shrink-tests") s.shrink_tests = std::stoi(value());
    else if (a == "--replay") s.replay = value();
    else return usage();
  }
  if (s.minutes > 0 && s.iterations == 1000) s.iterations = 1L << 40;  // time-bound run
  Fuzzer f(s);
  return f.run();
}
