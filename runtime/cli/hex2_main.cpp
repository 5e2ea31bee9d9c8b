// The drop-in hex2 command: see cli.cpp.
#include "cli.hpp"

int main(int argc, char** argv) { return hexproof::hex2_main(argc, argv); }
