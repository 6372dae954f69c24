// capstan delete KIND NAME... | KIND -l SEL | -f FILE  [--cascade=background|orphan|foreground]
//                [--ignore-not-found]
#include "cli/commands.h"
#include "cli/kubectl.h"

namespace capstan::cli {

void add_delete_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("delete", "delete resources by file names, kinds and names, or selector");
  struct Flags {
    orchestrator::kubectl::DeleteOptions options;
    std::vector<std::string> files;
    std::string cascade = "background";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->options.args);
  cmd->add_option("-f,--filename", f->files, "the files that contain the resources to delete");
  cmd->add_option("-l,--selector", f->options.selector, "selector (label query) to filter on");
  cmd->add_flag("-A,--all-namespaces", f->options.all_namespaces, "across all namespaces");
  cmd->add_flag("--ignore-not-found", f->options.ignore_not_found,
                "treat \"resource not found\" as a successful delete");
  cmd->add_option("--cascade", f->cascade, "background, orphan or foreground");
  cmd->callback([&ctx, f] {
    if (f->cascade == "background" || f->cascade == "true") {
      f->options.propagation = orchestrator::Propagation::Background;
    } else if (f->cascade == "orphan" || f->cascade == "false") {
      f->options.propagation = orchestrator::Propagation::Orphan;
    } else if (f->cascade == "foreground") {
      f->options.propagation = orchestrator::Propagation::Foreground;
    } else {
      throw Error(ErrorKind::BadRequest,
                  "invalid cascade value (" + f->cascade +
                      "). Must be \"background\", \"foreground\", or \"orphan\"");
    }
    f->options.ns = ctx.ns();
    if (!f->files.empty()) f->options.manifests = read_manifests(f->files);
    emit(ctx, orchestrator::kubectl::delete_objects(ctx.client(), f->options));
  });
}

}  // namespace capstan::cli
