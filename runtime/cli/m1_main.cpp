// The drop-in M1 command: see cli.cpp.
#include "cli.hpp"

int main(int argc, char** argv) { return hexproof::m1_main(argc, argv); }
