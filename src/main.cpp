// crampx: a thin front end; everything it does is in cli/ and the library below it.
#include "cli/app.h"

int main(int argc, char** argv) { return crampx::cli::run(argc, argv); }
