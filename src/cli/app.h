// The crampx command line: parses argv with CLI11, picks the knowledge base,
// runs the command, and returns the exit code. The only entry point main() calls.
#pragma once

namespace crampx::cli {

int run(int argc, char** argv);

}  // namespace crampx::cli
