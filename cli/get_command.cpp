// capstan get all|values|manifest|notes|hooks|metadata RELEASE [--revision N] [-a] [-o ...]
//             [--template TPL]                                              (Helm)
// capstan get KIND[,KIND...] [NAME...] [-l SEL] [-A] [-o wide|yaml|json|name]  (kubectl)
#include "cli/commands.h"
#include "cli/kubectl.h"
#include "release/chart_record.h"
#include "release/get.h"
#include "release/printers.h"
#include "release/query.h"

namespace capstan::cli {

namespace {

struct GetFlags {
  std::vector<std::string> args;
  int revision = 0;
  bool all = false;             // helm get values -a
  bool all_namespaces = false;  // kubectl -A
  std::string output;
  std::string selector;
  bool show_labels = false;
  bool show_kind = false;
  std::string go_template;  // get all --template
};

// `get all RELEASE` is Helm's; `get all` alone (or with a selector) is kubectl's category
// "all", so "all" is Helm's only when exactly one name follows it.
bool is_helm_get(const std::vector<std::string>& args) {
  const std::string& what = args[0];
  if (what == "all") return args.size() == 2;
  return what == "values" || what == "manifest" || what == "notes" ||
         what == "hooks" || what == "metadata";
}

void helm_get(Context& ctx, const GetFlags& f) {
  const std::string& what = f.args[0];
  const std::vector<std::string> rest(f.args.begin() + 1, f.args.end());
  exact_args(rest, 1, "capstan get " + what, "capstan get " + what + " RELEASE_NAME [flags]");
  auto& cfg = ctx.releases(ctx.ns());
  const release::Release r = release::release_content(cfg.releases, rest[0], f.revision);
  if (what == "values") {
    const release::OutputFormat format = output_format(f.output.empty() ? "table" : f.output);
    const Value values = f.all ? release::coalesce_record_values(r.chart, r.config) : r.config;
    ctx.out << release::format_values(values, f.all, format);
  } else if (what == "manifest") {
    ctx.out << r.manifest << "\n";
  } else if (what == "notes") {
    if (!r.info.notes.empty()) ctx.out << "NOTES:\n" << r.info.notes << "\n";
  } else if (what == "hooks") {
    ctx.out << release::format_hooks(r);
  } else if (what == "metadata") {
    ctx.out << release::format_metadata(r, output_format(f.output.empty() ? "table" : f.output));
  } else if (what == "all") {
    if (!f.go_template.empty()) {
      ctx.out << release::render_release_template(r, f.go_template);
    } else {
      ctx.out << release::format_get_all(r, release::coalesce_record_values(r.chart, r.config));
    }
  }
}

}  // namespace

void add_get_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "get", "get release values/manifest/notes, or display cluster objects");
  auto f = std::make_shared<GetFlags>();
  cmd->add_option("args", f->args);
  cmd->add_option("--revision", f->revision, "get the named release with revision");
  cmd->add_flag("-a,--all", f->all, "dump all (computed) values");
  cmd->add_flag("-A,--all-namespaces", f->all_namespaces, "list objects across all namespaces");
  cmd->add_option("-o,--output", f->output, "output format");
  cmd->add_option("-l,--selector", f->selector, "label selector to filter on");
  cmd->add_flag("--show-labels", f->show_labels, "show all labels as the last column");
  cmd->add_flag("--show-kind", f->show_kind, "list the resource type for the requested objects");
  cmd->add_option("--template", f->go_template,
                  "go template for formatting the output, eg: {{.Release.Name}}");
  cmd->callback([&ctx, f] {
    minimum_args(f->args, 1, "capstan get",
                 "capstan get [all|values|manifest|notes|hooks|metadata] RELEASE_NAME | KIND "
                 "[NAME] [flags]");
    if (is_helm_get(f->args)) {
      helm_get(ctx, *f);
      return;
    }
    orchestrator::kubectl::GetOptions get;
    get.args = f->args;
    get.ns = ctx.ns();
    get.selector = f->selector;
    get.all_namespaces = f->all_namespaces;
    get.output = f->output;
    get.show_labels = f->show_labels;
    get.show_kind = f->show_kind;
    emit(ctx, orchestrator::kubectl::get(ctx.client(), get));
  });
}

}  // namespace capstan::cli
