// install's flags and run.
#include "cli/install_flow.h"

#include "cli/chart_locator_flags.h"
#include "cli/chart_source.h"
#include "cli/repo_common.h"
#include "cli/value_flags.h"
#include "core/error.h"
#include "release/chart_record.h"
#include "release/chart_renderer.h"
#include "release/name.h"
#include "release/printers.h"

namespace capstan::cli {

void add_render_flags(CLI::App* cmd, RenderFlags& f) {
  cmd->add_flag("--skip-schema-validation", f.skip_schema_validation,
                "if set, disables JSON schema validation");
  cmd->add_flag("--render-subchart-notes", f.sub_notes,
                "if set, render subchart notes along with the parent");
  cmd->add_flag("--disable-openapi-validation", f.disable_openapi_validation,
                "if set, the installation process will not validate rendered templates against "
                "the Kubernetes OpenAPI Schema");
}

release::ChartRenderSettings render_settings(Context& ctx, const RenderFlags& f, bool dry_run) {
  release::ChartRenderSettings settings;
  settings.engine = ctx.engine_options();
  settings.log = ctx.chart_log();
  settings.skip_schema_validation = f.skip_schema_validation;
  settings.sub_notes = f.sub_notes;
  if (!dry_run) settings.lookup = &ctx.cluster();
  return settings;
}

void add_install_flags(CLI::App* cmd, InstallFlags& f) {
  add_value_flags(cmd, f.values);
  add_render_flags(cmd, f.render);
  cmd->add_flag("--create-namespace", f.options.create_namespace,
                "create the release namespace if not present");
  cmd->add_flag("--dry-run{client}", f.dry_run, "simulate an install");
  cmd->add_flag("--replace", f.options.replace,
                "re-use the given name, only if that name is a deleted release which remains in "
                "the history. This is unsafe in production");
  cmd->add_flag("--no-hooks", f.options.disable_hooks, "prevent hooks from running during install");
  cmd->add_flag("-g,--generate-name", f.generate_name, "generate the name (and omit the NAME parameter)");
  cmd->add_option("--name-template", f.name_template, "specify template used to name the release");
  cmd->add_flag("--skip-crds", f.options.skip_crds,
                "if set, no CRDs will be installed. By default, CRDs are installed if not already "
                "present");
  cmd->add_option("--description", f.options.description, "add a custom description");
  cmd->add_flag("--force", f.options.force,
                "force resource updates through a replacement strategy");
  cmd->add_flag("--take-ownership", f.options.take_ownership,
                "ignore the check for helm annotations and take ownership of existing resources");
  cmd->add_flag("--hide-notes", f.hide_notes, "if set, do not show notes in install output");
  cmd->add_option("-l,--labels", f.labels, "Labels that would be added to release metadata");
  cmd->add_option("-o,--output", f.output, "prints the output in the specified format");
  add_chart_locator_flags(cmd, f.locate);
}

bool dry_run_enabled(const std::string& value) {
  if (value == "client" || value == "server" || value == "true") return true;
  if (value.empty() || value == "none" || value == "false") return false;
  throw Error(ErrorKind::BadRequest,
              "Invalid dry-run flag. Flag must one of the following: false, true, client, server");
}

std::map<std::string, std::string> parse_labels(const std::vector<std::string>& items) {
  std::map<std::string, std::string> out;
  for (const std::string& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      const std::size_t comma = item.find(',', start);
      const std::string kv = item.substr(start, comma == std::string::npos ? comma : comma - start);
      const std::size_t eq = kv.find('=');
      if (eq == std::string::npos) {
        throw Error(ErrorKind::BadRequest, kv + " must be formatted as key=value");
      }
      out[kv.substr(0, eq)] = kv.substr(eq + 1);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

release::Release run_install(Context& ctx, InstallFlags& f, const std::vector<std::string>& args) {
  // NameAndChart.
  std::string name;
  std::string chart_path;
  if (args.size() > 2) {
    std::string extra;
    for (std::size_t i = 2; i < args.size(); ++i) extra += (i > 2 ? ", " : "") + args[i];
    throw Error(ErrorKind::BadRequest,
                "expected at most two arguments, unexpected arguments: " + extra);
  }
  if (args.size() == 2) {
    if (f.generate_name) {
      throw Error(ErrorKind::BadRequest, "cannot set --generate-name and also specify a name");
    }
    if (!f.name_template.empty()) {
      throw Error(ErrorKind::BadRequest, "cannot set --name-template and also specify a name");
    }
    name = args[0];
    chart_path = args[1];
  } else if (!f.name_template.empty()) {
    name = release::template_name(f.name_template, ctx.engine_options());
    chart_path = args[0];
  } else {
    if (!f.generate_name) {
      throw Error(ErrorKind::BadRequest, "must either provide a name or specify --generate-name");
    }
    chart_path = args[0];
    std::string base = chart_path;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    if (std::size_t slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
    if (base == "." || base.empty()) base = "chart";
    if (std::size_t dot = base.find('.'); dot != std::string::npos) base = base.substr(0, dot);
    name = base + "-" + std::to_string(ctx.clock().now().unix_seconds);
  }
  f.options.release_name = name;
  f.options.ns = ctx.ns();
  f.options.dry_run = dry_run_enabled(f.dry_run);
  f.options.labels = parse_labels(f.labels);

  const repo::Settings repo = repo_settings(ctx);
  LoadedChart loaded = load_chart(chart_path, f.values, ctx.chart_log(), f.locate, &repo);
  release::Configuration& cfg = ctx.releases(ctx.ns());
  return release::install(
      cfg, release::chart_renderer(loaded.chart, render_settings(ctx, f.render, f.options.dry_run)),
      loaded.values, f.options);
}

void print_release(Context& ctx, const release::Release& r, const std::string& output,
                   bool hide_notes) {
  release::StatusPrintOptions options;
  options.hide_notes = hide_notes;
  options.debug = ctx.globals.debug;
  if (options.debug) options.computed_values = release::coalesce_record_values(r.chart, r.config);
  ctx.out << release::format_status(r, output_format(output), options);
}

}  // namespace capstan::cli
