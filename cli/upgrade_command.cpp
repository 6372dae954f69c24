// capstan upgrade RELEASE CHART [-i] [-f FILE] [--set k=v] [--reuse-values] [--reset-values]
//                 [--history-max N] [--dry-run] [--description TEXT] [-o table|json|yaml]
#include "cli/chart_locator_flags.h"
#include "cli/chart_source.h"
#include "cli/commands.h"
#include "cli/install_flow.h"
#include "cli/repo_common.h"
#include "cli/value_flags.h"
#include "release/chart_record.h"
#include "release/chart_renderer.h"
#include "release/query.h"
#include "release/upgrade.h"

namespace capstan::cli {

namespace {

struct UpgradeFlags {
  std::vector<std::string> args;
  chart::ValueOptions values;
  RenderFlags render;
  release::UpgradeOptions options;
  bool skip_crds = false;
  bool install = false;
  bool create_namespace = false;
  bool hide_notes = false;
  std::string dry_run;
  std::string output = "table";
  std::vector<std::string> labels;
  repo::ChartPathOptions locate;
};

// The release does not exist (or was uninstalled with its history kept): install it instead.
bool should_install(Context& ctx, const std::string& name) {
  const std::vector<release::Release> h = ctx.releases(ctx.ns()).releases.history(name);
  if (h.empty()) return true;
  const release::Release* last = &h.front();
  for (const auto& r : h) last = r.version > last->version ? &r : last;
  return last->info.status == release::Status::Uninstalled;
}

}  // namespace

void add_upgrade_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("upgrade", "upgrade a release");
  auto f = std::make_shared<UpgradeFlags>();
  cmd->add_option("args", f->args);
  add_value_flags(cmd, f->values);
  add_render_flags(cmd, f->render);
  cmd->add_flag("--skip-crds", f->skip_crds,
                "if set, no CRDs will be installed when an upgrade is performed with install flag "
                "enabled");
  cmd->add_flag("-i,--install", f->install,
                "if a release by this name doesn't already exist, run an install");
  cmd->add_flag("--create-namespace", f->create_namespace,
                "if --install is set, create the release namespace if not present");
  cmd->add_flag("--dry-run{client}", f->dry_run, "simulate an upgrade");
  cmd->add_flag("--no-hooks", f->options.disable_hooks, "disable pre/post upgrade hooks");
  cmd->add_flag("--reset-values", f->options.reset_values,
                "when upgrading, reset the values to the ones built into the chart");
  cmd->add_flag("--reuse-values", f->options.reuse_values,
                "when upgrading, reuse the last release's values and merge in any overrides");
  cmd->add_flag("--reset-then-reuse-values", f->options.reset_then_reuse_values,
                "when upgrading, reset the values to the chart's, then apply the last release's");
  f->options.max_history = default_max_history();
  cmd->add_option("--history-max", f->options.max_history,
                  "limit the maximum number of revisions saved per release. Use 0 for no limit");
  cmd->add_option("--description", f->options.description, "add a custom description");
  cmd->add_flag("--force", f->options.force,
                "force resource updates through a replacement strategy");
  cmd->add_flag("--cleanup-on-fail", f->options.cleanup_on_fail,
                "allow deletion of new resources created in this upgrade when upgrade fails");
  cmd->add_flag("--take-ownership", f->options.take_ownership,
                "ignore the check for helm annotations and take ownership of existing resources");
  cmd->add_flag("--hide-notes", f->hide_notes, "if set, do not show notes in upgrade output");
  cmd->add_option("-l,--labels", f->labels, "Labels that would be added to release metadata");
  cmd->add_option("-o,--output", f->output, "prints the output in the specified format");
  add_chart_locator_flags(cmd, f->locate);
  cmd->callback([&ctx, f] {
    exact_args(f->args, 2, "capstan upgrade", "capstan upgrade [RELEASE] [CHART] [flags]");
    const release::OutputFormat format = output_format(f->output);
    const std::string& name = f->args[0];
    if (f->install && should_install(ctx, name)) {
      if (format == release::OutputFormat::Table) {
        ctx.out << "Release \"" << name << "\" does not exist. Installing it now.\n";
      }
      InstallFlags in;
      in.values = f->values;
      in.render = f->render;
      in.options.skip_crds = f->skip_crds;
      in.options.create_namespace = f->create_namespace;
      in.options.disable_hooks = f->options.disable_hooks;
      in.options.description = f->options.description;
      in.options.take_ownership = f->options.take_ownership;
      in.options.force = f->options.force;
      in.options.replace = !ctx.releases(ctx.ns()).releases.history(name).empty();
      in.dry_run = f->dry_run;
      in.labels = f->labels;
      in.locate = f->locate;
      const release::Release r = run_install(ctx, in, f->args);
      print_release(ctx, r, f->output, f->hide_notes);
      return;
    }
    // Helm wraps only the action's errors in "UPGRADE FAILED"; chart and values errors show
    // as they are.
    f->options.dry_run = dry_run_enabled(f->dry_run);
    f->options.labels = parse_labels(f->labels);
    const repo::Settings repo = repo_settings(ctx);
    LoadedChart loaded = load_chart(f->args[1], f->values, ctx.chart_log(), f->locate, &repo);
    try {
      const release::ChartRenderSettings settings =
          render_settings(ctx, f->render, f->options.dry_run);
      const release::Release r = release::upgrade(
          ctx.releases(ctx.ns()), name, release::chart_renderer(loaded.chart, settings),
          loaded.values, f->options, release::coalesce_record_values);
      if (format == release::OutputFormat::Table) {
        ctx.out << "Release \"" << name << "\" has been upgraded. Happy Helming!\n";
      }
      print_release(ctx, r, f->output, f->hide_notes);
    } catch (const Error& e) {
      throw Error(e.kind(), std::string("UPGRADE FAILED: ") + e.what());
    }
  });
}

}  // namespace capstan::cli
