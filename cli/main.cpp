// capstan: Helm's release commands and kubectl's basics over an embedded cluster.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  capstan::cli::Context ctx(std::cout, std::cerr);
  const int code = capstan::cli::run(ctx, argc, argv);
#if !defined(__SANITIZE_ADDRESS__)
  if (ctx.end_without_teardown) {
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(code);  // nothing left to write: skip freeing what the command retained
  }
#endif
  return code;
}
