// hexproof: the project's own tool. Subcommands run the drop-ins and report on the engines;
// the differential oracle joins here (see README).
#include <cstdio>
#include <string>
#include <string_view>

#include "cli.hpp"
#include "engine.hpp"
#include "oracle.hpp"

namespace {

void usage(std::FILE* to) {
    std::fputs(
        "usage: hexproof COMMAND [ARGS]\n"
        "  hex2 ARGS...   run the hex2 drop-in (same flags as mescc-tools hex2 1.7.0)\n"
        "  M1 ARGS...     run the M1 drop-in (same flags as mescc-tools M1 1.7.0)\n"
        "  engines        list the engines and whether each is built\n"
        "  oracle ARGS... compare another hex2/M1 with our reference (hexproof oracle --help)\n"
        "  version        print the version\n",
        to);
}

int list_engines() {
    for (std::string_view name : {"fast", "reference"}) {
        std::string why;
        const bool built = hexproof::make_engine(name, &why) != nullptr;
        std::printf("%-10s %s\n", std::string(name).c_str(), built ? "available" : why.c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string_view command = argv[1];
    if (command == "hex2") return hexproof::hex2_main(argc - 1, argv + 1);
    if (command == "M1" || command == "m1") return hexproof::m1_main(argc - 1, argv + 1);
    if (command == "engines") return list_engines();
    if (command == "oracle") return hexproof::oracle::oracle_main(argc - 1, argv + 1);
    if (command == "version" || command == "--version") {
        std::puts("hexproof 0.1.0 (hex2 and M1 of mescc-tools 1.7.0)");
        return 0;
    }
    if (command == "help" || command == "--help" || command == "-h") {
        usage(stdout);
        return 0;
    }
    std::fprintf(stderr, "hexproof: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
