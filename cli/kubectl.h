// Running orchestrator/'s kubectl functions from the command line: print what they print,
// pass their exit code on, and read -f manifests.
#pragma once

#include <string>
#include <vector>

#include "cli/context.h"
#include "core/value.h"
#include "orchestrator/kubectl.h"

namespace capstan::cli {

// Writes the output and records its exit code as the process's.
void emit(Context& ctx, const orchestrator::kubectl::Output& output);

// The objects of -f arguments: files, directories (their .yaml/.yml/.json files, sorted) or
// "-" for standard input, each a stream of YAML documents. Empty documents are skipped;
// a List's items are expanded. Throws Error "error parsing FILE: ..." as kubectl words it.
std::vector<Value> read_manifests(const std::vector<std::string>& paths);

}  // namespace capstan::cli
