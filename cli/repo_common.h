// What the repository commands share: the `repo` and `dependency` command groups (several
// files add subcommands to them), and repo::Settings from $CAPSTAN_HOME and the clock.
#pragma once

#include <CLI/App.hpp>
#include <string>

#include "cli/context.h"
#include "repo/output.h"
#include "repo/settings.h"

namespace capstan::cli {

// The subcommand `name` of `app`, created with `description` (and `aliases`) the first time.
CLI::App* command_group(CLI::App& app, const std::string& name, const std::string& description,
                        const std::vector<std::string>& aliases = {});

// home()/repositories.yaml, home()/repository, home()/git; CAPSTAN_FAKE_NOW's clock; Helm's
// log lines and warnings on stderr, progress on stdout.
repo::Settings repo_settings(Context& ctx);

// -o/--output's value as repo's format (Helm's flag error otherwise).
repo::OutputFormat repo_output_format(const std::string& value);

// The clock as RFC 3339 (Go's time.Now() marshalled: local offset, nanoseconds).
repo::Now repo_now(Context& ctx);

}  // namespace capstan::cli
