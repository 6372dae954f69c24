// capstan list [-a] [-A] [--deployed|--failed|--uninstalled|--superseded|--pending|...]
//              [-q] [-o table|json|yaml] [-f REGEX] [-l SELECTOR] [-m N] [--offset N] [-r] [-d]
#include "cli/commands.h"
#include "release/printers.h"
#include "release/query.h"

namespace capstan::cli {

void add_list_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("list", "list releases")->alias("ls");
  struct Flags {
    std::vector<std::string> args;
    release::ListOptions list;
    bool all_namespaces = false;
    bool short_names = false;
    bool no_headers = false;
    std::string time_format;
    std::string output = "table";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  cmd->add_flag("-a,--all", f->list.all, "show all releases without any filter applied");
  cmd->add_flag("-A,--all-namespaces", f->all_namespaces, "list releases across all namespaces");
  cmd->add_flag("--uninstalled", f->list.uninstalled,
                "show uninstalled releases (if 'uninstall --keep-history' was used)");
  cmd->add_flag("--superseded", f->list.superseded, "show superseded releases");
  cmd->add_flag("--uninstalling", f->list.uninstalling,
                "show releases that are currently being uninstalled");
  cmd->add_flag("--deployed", f->list.deployed, "show deployed releases");
  cmd->add_flag("--failed", f->list.failed, "show failed releases");
  cmd->add_flag("--pending", f->list.pending, "show pending releases");
  cmd->add_flag("-d,--date", f->list.by_date, "sort by release date");
  cmd->add_flag("-r,--reverse", f->list.reverse, "reverse the sort order");
  cmd->add_option("-m,--max", f->list.limit, "maximum number of releases to fetch");
  cmd->add_option("--offset", f->list.offset, "next release index in the list");
  cmd->add_option("-f,--filter", f->list.filter, "a regular expression to filter release names");
  cmd->add_option("-l,--selector", f->list.selector, "selector (label query) to filter on");
  cmd->add_flag("-q,--short", f->short_names, "output short (quiet) listing format");
  cmd->add_flag("--no-headers", f->no_headers, "don't print headers");
  cmd->add_option("--time-format", f->time_format,
                  "format time using golang time formatter. Example: --time-format \"2006-01-02 "
                  "15:04:05Z0700\"");
  cmd->add_option("-o,--output", f->output, "prints the output in the specified format");
  cmd->callback([&ctx, f] {
    if (!f->args.empty()) {
      throw Error(ErrorKind::BadRequest,
                  "\"capstan list\" accepts no arguments\n\nUsage:  capstan list [flags]");
    }
    const release::OutputFormat format = output_format(f->output);
    auto& cfg = ctx.releases(f->all_namespaces ? "" : ctx.ns());
    const auto releases = release::list(cfg.releases, f->list);
    ctx.out << release::format_list(releases, format, {f->no_headers, f->short_names, f->time_format});
  });
}

}  // namespace capstan::cli
