// capstan: Helm's release commands and kubectl's basics over an embedded cluster.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  capstan::cli::Context ctx(std::cout, std::cerr);
  return capstan::cli::run(ctx, argc, argv);
}
