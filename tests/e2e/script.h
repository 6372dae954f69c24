// A small testscript-style language (after Go's rogpeppe/go-internal/testscript) for end-to-end
// tests: each script runs capstan commands as separate processes in a fresh $CAPSTAN_HOME and
// checks their output, so state must survive across processes exactly as for a user.
//
//   # comment
//   env NAME=value            set an environment variable for later commands
//   capstan ARGS...           run capstan; it must exit 0   (`! capstan` must fail,
//                             `? capstan` may do either)
//   stdout 'REGEX'            the last command's stdout matches (ECMAScript regex, multiline);
//   ! stdout 'REGEX'          ... does not match; `stderr` likewise
//   cmp stdout NAME           the last stdout equals the file NAME under $WORK exactly (an
//                             archive file, or one saved with cp)
//   cp stdout NAME            saves the last stdout (or stderr) as $WORK/NAME
//   exists PATH / ! exists    a file exists under $WORK
//   copy SRC DST              copies a file or a directory tree (SRC absolute or under $WORK)
//                             to $WORK/DST
//   cat PATH                  makes a file under $WORK the last command's stdout (for stdout,
//                             cmp and cp)
//   bg NAME capstan ARGS...   starts capstan in the background and waits for its readiness
//                             line on stdout (the first line naming an http:// URL); $NAME
//                             becomes that URL. Background processes are stopped (SIGTERM)
//                             when the script ends.
//
// Arguments split on spaces; single quotes group (no escapes inside); $WORK, $TESTDATA,
// $CAPSTAN_HOME and variables set with env are expanded. After the script, lines of the form
// `-- NAME --` start files (txtar) written under $WORK before the script runs.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace capstan::e2e {

struct ScriptFile {
  std::vector<std::pair<int, std::string>> lines;  // (line number, text) of the script part
  std::map<std::string, std::string> files;        // txtar files
};

ScriptFile parse_script(const std::string& text);

struct RunResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs `binary args...` with `env` added to the environment, cwd `dir`.
RunResult run_process(const std::string& binary, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env,
                      const std::filesystem::path& dir);

// Runs a whole script; a failed check throws std::runtime_error naming the script line.
void run_script(const std::filesystem::path& script, const std::string& capstan_binary,
                const std::filesystem::path& testdata);

}  // namespace capstan::e2e
