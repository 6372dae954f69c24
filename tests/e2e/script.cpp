// The end-to-end script interpreter: parse, expand, run processes, check output.
#include "tests/e2e/script.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "tests/support/testing.h"

extern char** environ;

namespace capstan::e2e {

namespace fs = std::filesystem;

ScriptFile parse_script(const std::string& text) {
  ScriptFile out;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  std::string current;  // archive file being read, "" while in the script
  bool in_archive = false;
  while (std::getline(in, line)) {
    ++number;
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.substr(line.size() - 3) == " --") {
      current = line.substr(3, line.size() - 6);
      out.files[current];
      in_archive = true;
      continue;
    }
    if (in_archive) {
      out.files[current] += line + "\n";
    } else {
      out.lines.emplace_back(number, line);
    }
  }
  return out;
}

namespace {

std::vector<std::string> split_args(const std::string& line,
                                    const std::map<std::string, std::string>& vars) {
  auto expand = [&](const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (word[i] == '$') {
        std::size_t j = i + 1;
        while (j < word.size() && (std::isalnum(static_cast<unsigned char>(word[j])) || word[j] == '_')) ++j;
        const std::string name = word.substr(i + 1, j - i - 1);
        auto it = vars.find(name);
        if (!name.empty() && it != vars.end()) {
          out += it->second;
          i = j - 1;
          continue;
        }
      }
      out += word[i];
    }
    return out;
  };
  std::vector<std::string> args;
  std::string word;
  bool have_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\'') {
      const std::size_t end = line.find('\'', i + 1);
      if (end == std::string::npos) throw std::runtime_error("unterminated quote");
      word += line.substr(i + 1, end - i - 1);  // quoted text is not expanded
      have_word = true;
      i = end;
    } else if (c == ' ' || c == '\t') {
      if (have_word) args.push_back(word);
      word.clear();
      have_word = false;
    } else {
      std::size_t end = i;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\'') ++end;
      word += expand(line.substr(i, end - i));
      have_word = true;
      i = end - 1;
    }
  }
  if (have_word) args.push_back(word);
  return args;
}

}  // namespace

RunResult run_process(const std::string& binary, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env, const fs::path& dir) {
  const fs::path out_path = dir / ".stdout";
  const fs::path err_path = dir / ".stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());

  std::map<std::string, std::string> merged;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string kv(*e);
    const std::size_t eq = kv.find('=');
    if (eq != std::string::npos) merged[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : env) merged[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : merged) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings{binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + binary);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = testing::read_file(out_path);
  result.err = testing::read_file(err_path);
  return result;
}

namespace {

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// A capstan process running in the background (a repository server), stopped on destruction.
class Background {
 public:
  Background(const std::string& binary, const std::vector<std::string>& args,
             const std::map<std::string, std::string>& env, const fs::path& dir) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addopen(&actions, 2, (dir / ".bg-stderr").c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e != nullptr; ++e) {
      std::string kv(*e);
      const std::size_t eq = kv.find('=');
      if (eq != std::string::npos) merged[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : env) merged[k] = v;
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : merged) env_strings.push_back(k + "=" + v);
    std::vector<std::string> argv_strings{binary};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    auto envp = c_strings(env_strings);
    auto argv = c_strings(argv_strings);
    const int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
      ::close(fds[0]);
      throw std::runtime_error("cannot run " + binary);
    }
    out_ = fds[0];
  }
  ~Background() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    if (out_ >= 0) ::close(out_);
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // Blocks until a stdout line names an http:// URL (the readiness line) and returns the URL;
  // "" when the process ends first.
  std::string wait_ready() {
    std::string buffer;
    char chunk[256];
    while (true) {
      const std::size_t nl = buffer.find('\n');
      if (nl != std::string::npos) {
        const std::string line = buffer.substr(0, nl);
        buffer.erase(0, nl + 1);
        const std::size_t at = line.find("http://");
        if (at != std::string::npos) {
          const std::size_t end = line.find_first_of(" \t", at);
          return line.substr(at, end == std::string::npos ? std::string::npos : end - at);
        }
        continue;
      }
      const ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) return "";
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

 private:
  pid_t pid_ = 0;
  int out_ = -1;
};

}  // namespace

void run_script(const fs::path& script, const std::string& capstan_binary, const fs::path& testdata) {
  const ScriptFile parsed = parse_script(testing::read_file(script));
  testing::TempDir work;
  const fs::path home = work.path() / ".capstan";
  fs::create_directories(home);
  for (const auto& [name, content] : parsed.files) testing::write_file(work.path() / name, content);

  std::map<std::string, std::string> vars{{"WORK", work.path().string()},
                                          {"TESTDATA", testdata.string()},
                                          {"CAPSTAN_HOME", home.string()}};
  // Deterministic by default: a fixed clock and seed, as the orchestrator documents.
  std::map<std::string, std::string> env{{"CAPSTAN_HOME", home.string()},
                                         {"CAPSTAN_FAKE_NOW", "2026-01-01T00:00:00Z"},
                                         {"CAPSTAN_SEED", "1"},
                                         {"NO_COLOR", "1"}};
  RunResult last;
  bool have_last = false;
  std::vector<std::unique_ptr<Background>> background;
  for (const auto& [number, raw] : parsed.lines) {
    std::string line = raw;
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    line = line.substr(first);
    auto fail = [&](const std::string& why) {
      std::ostringstream msg;
      msg << script.filename().string() << ":" << number << ": " << raw << "\n  " << why;
      if (have_last) {
        msg << "\n  --- exit " << last.exit_code << "\n  --- stdout:\n" << last.out
            << "  --- stderr:\n" << last.err;
      }
      throw std::runtime_error(msg.str());
    };
    bool negate = false;
    bool either = false;
    if (line.rfind("! ", 0) == 0) {
      negate = true;
      line = line.substr(2);
    } else if (line.rfind("? ", 0) == 0) {
      either = true;
      line = line.substr(2);
    }
    std::vector<std::string> args = split_args(line, vars);
    if (args.empty()) continue;
    const std::string verb = args[0];
    args.erase(args.begin());
    if (verb == "env") {
      for (const std::string& kv : args) {
        const std::size_t eq = kv.find('=');
        if (eq == std::string::npos) fail("env wants NAME=value");
        env[kv.substr(0, eq)] = kv.substr(eq + 1);
        vars[kv.substr(0, eq)] = kv.substr(eq + 1);
      }
    } else if (verb == "capstan") {
      last = run_process(capstan_binary, args, env, work.path());
      have_last = true;
      if (!either && negate && last.exit_code == 0) fail("command succeeded, expected failure");
      if (!either && !negate && last.exit_code != 0) fail("command failed");
      if (last.exit_code > 1 && last.exit_code != 3) {
        // 2 is CLI11's usage error; >= 128 a signal (a crash, an ASan report).
        if (last.exit_code >= 128 || last.err.find("Sanitizer") != std::string::npos) {
          fail("command crashed");
        }
      }
    } else if (verb == "stdout" || verb == "stderr") {
      if (!have_last) fail("no command run yet");
      if (args.size() != 1) fail(verb + " wants one regex");
      const std::string& text = verb == "stdout" ? last.out : last.err;
      const bool found = std::regex_search(
          text, std::regex(args[0], std::regex::ECMAScript | std::regex::multiline));
      if (found == negate) fail(negate ? "unexpected match" : "no match for " + args[0]);
    } else if (verb == "cmp") {
      if (args.size() != 2 || (args[0] != "stdout" && args[0] != "stderr")) {
        fail("cmp wants stdout|stderr NAME");
      }
      // As in testscript, NAME is a file under $WORK: an archive file or one saved by `cp`.
      const fs::path file = work.path() / args[1];
      if (!fs::exists(file)) fail("no file " + args[1]);
      const std::string want = testing::read_file(file);
      const std::string& text = args[0] == "stdout" ? last.out : last.err;
      if (text != want) fail("output differs from " + args[1] + ":\n" + want);
    } else if (verb == "cp") {
      if (args.size() != 2 || (args[0] != "stdout" && args[0] != "stderr")) {
        fail("cp wants stdout|stderr NAME");
      }
      testing::write_file(work.path() / args[1], args[0] == "stdout" ? last.out : last.err);
    } else if (verb == "copy") {
      if (args.size() != 2) fail("copy wants SRC DST");
      fs::path src = args[0];
      if (src.is_relative()) src = work.path() / src;
      const fs::path dst = work.path() / args[1];
      if (dst.has_parent_path()) fs::create_directories(dst.parent_path());
      std::error_code ec;
      fs::copy(src, dst, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
      if (ec) fail("copy: " + ec.message());
    } else if (verb == "cat") {
      if (args.size() != 1) fail("cat wants a path");
      const fs::path file = work.path() / args[0];
      if (!fs::exists(file)) fail("no file " + args[0]);
      last = RunResult{0, testing::read_file(file), ""};
      have_last = true;
    } else if (verb == "bg") {
      if (args.size() < 2 || args[1] != "capstan") fail("bg wants NAME capstan ARGS...");
      const std::string name = args[0];
      const std::vector<std::string> rest(args.begin() + 2, args.end());
      background.push_back(std::make_unique<Background>(capstan_binary, rest, env, work.path()));
      const std::string url = background.back()->wait_ready();
      if (url.empty()) {
        fail("background command ended before it was ready:\n" +
             (fs::exists(work.path() / ".bg-stderr") ? testing::read_file(work.path() / ".bg-stderr")
                                                      : std::string()));
      }
      vars[name] = url;
    } else if (verb == "exists") {
      if (args.size() != 1) fail("exists wants a path");
      if (fs::exists(work.path() / args[0]) == negate) fail(negate ? "exists" : "missing");
    } else {
      fail("unknown command " + verb);
    }
  }
}

}  // namespace capstan::e2e
