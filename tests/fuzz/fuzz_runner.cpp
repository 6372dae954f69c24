// Both renderers over one chart directory (see fuzz_runner.h).
#include "tests/fuzz/fuzz_runner.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "chart/template_command.h"
#include "core/error.h"
#include "core/json.h"

namespace capstan::fuzz {

namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutSeconds = 60;

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The child's answer on the pipe: a status byte, then length-prefixed strings.
void put(std::string& out, const std::string& s) {
  const std::uint64_t n = s.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out += s;
}

bool get(const std::string& in, std::size_t& at, std::string& s) {
  std::uint64_t n;
  if (at + sizeof n > in.size()) return false;
  std::memcpy(&n, in.data() + at, sizeof n);
  at += sizeof n;
  if (at + n > in.size()) return false;
  s.assign(in, at, n);
  at += n;
  return true;
}

std::string render_in_child(const fs::path& chart) {
  std::string out;
  try {
    chart::TemplateOptions options;
    options.chart_path = chart.string();
    options.engine.deterministic = true;
    const auto files = chart::render_command(options);
    out += 'O';
    put(out, std::to_string(files.size()));
    for (const auto& [path, text] : files) {
      put(out, path);
      put(out, text);
    }
  } catch (const std::exception& e) {
    out = "E";
    put(out, e.what());
  }
  return out;
}

}  // namespace

fs::path write_chart(const fs::path& dir, const ChartSpec& spec) {
  const fs::path chart = dir / "conformance";
  fs::remove_all(chart);
  write_file(chart / "Chart.yaml", "apiVersion: v2\nname: conformance\nversion: 0.1.0\n");
  write_file(chart / "values.yaml", spec.values_yaml);
  for (const auto& [path, content] : spec.files) write_file(chart / path, content);
  for (const auto& [path, content] : spec.templates) write_file(chart / "templates" / path, content);
  return chart;
}

RenderResult run_oracle(const std::string& oracle, const fs::path& chart) {
  const fs::path out = chart.parent_path() / "oracle.out";
  const fs::path err = chart.parent_path() / "oracle.err";
  const std::string command = "HELM_ORACLE_WARN=0 HELM_ORACLE_DETERMINISTIC=1 timeout " +
                              std::to_string(kTimeoutSeconds) + " '" + oracle + "' render '" +
                              chart.string() + "' > '" + out.string() + "' 2> '" + err.string() + "'";
  const int rc = std::system(command.c_str());
  RenderResult r;
  if (rc == 0) {
    const Value files = json::decode(read_file(out));
    for (const auto& [path, text] : files.map().entries) r.files[path] = text.as_string();
    return r;
  }
  std::string text = read_file(err);
  if (WIFEXITED(rc) && WEXITSTATUS(rc) == 1 && text.rfind("Error: ", 0) == 0) {
    r.status = RenderResult::Status::Error;
    r.error = text.substr(7);
    if (!r.error.empty() && r.error.back() == '\n') r.error.pop_back();
    return r;
  }
  r.status = RenderResult::Status::Crash;
  r.error = "oracle failed (status " + std::to_string(rc) + "): " + text.substr(0, 2000);
  return r;
}

RenderResult run_capstan(const fs::path& chart) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    alarm(kTimeoutSeconds);
    const std::string payload = render_in_child(chart);
    std::size_t done = 0;
    while (done < payload.size()) {
      const ssize_t n = write(fds[1], payload.data() + done, payload.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string payload;
  char buf[65536];
  while (true) {
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    payload.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  RenderResult r;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || payload.empty()) {
    r.status = RenderResult::Status::Crash;
    r.error = WIFSIGNALED(status) ? "capstan died with signal " + std::to_string(WTERMSIG(status)) +
                                        (WTERMSIG(status) == SIGALRM ? " (timeout)" : "")
                                  : "capstan exited with status " + std::to_string(WEXITSTATUS(status));
    return r;
  }
  std::size_t at = 1;
  if (payload[0] == 'E') {
    r.status = RenderResult::Status::Error;
    get(payload, at, r.error);
    return r;
  }
  std::string count;
  get(payload, at, count);
  for (long i = 0; i < std::stol(count); ++i) {
    std::string path, text;
    get(payload, at, path);
    get(payload, at, text);
    r.files[path] = std::move(text);
  }
  return r;
}

std::string go_json_sanitize(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) len = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) len = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) len = 4, cp = c & 0x07;
    bool ok = len > 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) ok = false;
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
               (cp >= 0xd800 && cp <= 0xdfff))) {
      ok = false;
    }
    if (ok) {
      out.append(s, i, len);
      i += len;
    } else {
      out += "\xef\xbf\xbd";
      ++i;
    }
  }
  return out;
}

std::string normalize_pointers(const std::string& s) {
  // Go prints heap addresses (0xc000154090); capstan prints a fixed stand-in, 0xc000010000.
  if (s.find("0xc") == std::string::npos) return s;
  static const std::regex address("0xc[0-9a-f]{9}");
  return std::regex_replace(s, address, "0xc000010000");
}

bool same_result(const RenderResult& oracle, const RenderResult& capstan) {
  if (oracle.status != capstan.status) return false;
  if (oracle.status != RenderResult::Status::Ok) {
    return normalize_pointers(oracle.error) == normalize_pointers(capstan.error);
  }
  if (oracle.files.size() != capstan.files.size()) return false;
  for (const auto& [path, text] : oracle.files) {
    auto it = capstan.files.find(path);
    if (it == capstan.files.end() ||
        normalize_pointers(go_json_sanitize(it->second)) != normalize_pointers(text)) {
      return false;
    }
  }
  return true;
}

std::string describe(const RenderResult& r) {
  switch (r.status) {
    case RenderResult::Status::Ok: return "ok (" + std::to_string(r.files.size()) + " files)";
    case RenderResult::Status::Error: return "error: " + r.error;
    case RenderResult::Status::Crash: return "crash: " + r.error;
  }
  return "";
}

}  // namespace capstan::fuzz
