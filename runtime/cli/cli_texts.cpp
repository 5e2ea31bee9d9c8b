// The drop-ins' texts: upstream's wording (mescc-tools 1.7.0's hex2.c and M1-macro.c) and ours.
#include "cli_texts.hpp"

#include "coq_runtime.hpp"
#include "engine.hpp"
#include "io.hpp"

namespace hexproof::cli_texts {

namespace cl = command_line;

const Tool hex2 = {
    "hex2",
    " --file FILENAME1 {-f FILENAME2} (--big-endian|--little-endian) [--base-address 0x12345]"
    " [--architecture name]\nArchitecture: knight-native, knight-posix, x86, amd64, armv7l, aarch64,"
    " riscv32 and riscv64\nTo leverage octal or binary input: --octal, --binary\n",
    "hex2 1.7.0\n", " know values are: knight-native, knight-posix, x86, amd64, armv7l, riscv32 and riscv64",
    "Options:\n"
    "  -f, --file FILE          read FILE; several are read in the order given, as one program\n"
    "  -o, --output FILE        write the program to FILE (default: standard output)\n"
    "  -A, --architecture NAME  knight-native (the default), knight-posix, x86, amd64, armv7l,\n"
    "                           aarch64, ppc64le, riscv32 or riscv64\n"
    "  -B, --base-address ADDR  the address of the first byte (default 0): decimal, 0x hex,\n"
    "                           0b binary or 0 octal\n"
    "      --big-endian         reference fields most significant byte first (the default)\n"
    "      --little-endian      reference fields least significant byte first\n"
    "  -O, --octal              read three octal digits per byte instead of two hex digits\n"
    "  -b, --binary             read eight binary digits per byte\n"
    "      --non-executable     leave FILE's mode alone (default: mode 0750, as upstream)\n"
    "  -h, --help               print this help\n"
    "  -V, --version            print the version upstream prints: hex2 1.7.0\n"};

const Tool m1 = {"M1",
                 " --file FILENAME1 {-f FILENAME2} (--big-endian|--little-endian) [--architecture name]\n"
                 "Architectures: knight-native, knight-posix, x86, amd64, armv7, riscv32 and riscv64\n"
                 "To leverage octal or binary output: --octal, --binary\n",
                 "M1 1.7.0\n",
                 " know values are: knight-native, knight-posix, x86, amd64, armv7l, aarch64, ppc64le, "
                 "riscv32 and riscv64",
                 "Options:\n"
                 "  -f, --file FILE          read FILE; several are read in the order given, as one program\n"
                 "  -o, --output FILE        write the hex2 text to FILE (default: standard output)\n"
                 "  -A, --architecture NAME  knight-native (the default), knight-posix, x86, amd64, armv7l,\n"
                 "                           aarch64, ppc64le, riscv32 or riscv64\n"
                 "      --big-endian         numbers most significant byte first (the default)\n"
                 "      --little-endian      numbers least significant byte first\n"
                 "  -O, --octal              write bytes as three octal digits instead of two hex digits\n"
                 "  -b, --binary             write bytes as eight binary digits\n"
                 "  -h, --help               print this help\n"
                 "  -V, --version            print the version upstream prints: M1 1.7.0\n"};

namespace {

const std::string warning_banner = ">> WARNING <<\n>> WARNING <<\n>> WARNING <<\n";

}  // namespace

std::string step(const cl::cli_step& s, const Tool& tool) {
    switch (s.tag()) {
        case cl::cli_step::tag_t::step_open_output:
        case cl::cli_step::tag_t::step_read_input: return "";
        case cl::cli_step::tag_t::step_unknown_architecture:
            return "Unknown architecture: " + rt::string_of(s.as_step_unknown_architecture().f0) +
                   tool.architectures;
        case cl::cli_step::tag_t::step_warn_base_address_zero:
            return warning_banner +
                   "If you are not generating a ROM image this binary will likely not work\n";
        case cl::cli_step::tag_t::step_warn_big_endian:
            return warning_banner +
                   "You have specified big endian output on likely a little endian processor\n"
                   "if this is a mistake please pass --little-endian next time\n";
    }
    rt::fatal("unknown step");
}

std::string help(const Tool& tool, const char* program) {
    return "Usage: " + std::string(program) + tool.usage + "\n" + tool.options +
           "\nOptions of hexproof:\n"
           "      --engine=NAME        reference (proved equal to the specification; the default when\n"
           "                           built) or fast\n"
           "      --strict             report every use of a quirk of mescc-tools 1.7.0 (docs/strict.md)\n"
           "                           as an error, write nothing\n"
           "      --strict=warn        report them as warnings and write the output as without it\n"
           "      --max-output-bytes=N\n"
           "                           refuse an output of more than N bytes (default " +
           std::to_string(cl::default_max_output_bytes().v) +
           ")\n\n"
           "The inputs of one run may hold " +
           std::to_string(max_input_bytes()) +
           " bytes together. An output file is replaced only once the whole output is known.\n";
}

std::string cannot_open(const Tool& tool, const std::string& path, const std::string& why) {
    return tool.name + ": error: The file: " + path + " can not be opened! (" + why + ")\n";
}

std::string cannot_write(const Tool& tool, const std::optional<std::string>& path, const std::string& why) {
    if (!path) return tool.name + ": error: cannot write standard output: " + why + "\n";
    return tool.name + ": error: The file: " + *path + " can not be written: " + why + "\n";
}

std::string over_input_limit(const std::string& path, bool before) {
    return path + ": error: input is larger than the limit of " + std::to_string(max_input_bytes()) +
           " bytes" + (before ? " (counting the inputs before it)" : "") + "\n";
}

std::string out_of_memory(const Tool& tool) {
    return tool.name + ": error: out of memory (the run needs more memory than it may use)\n";
}

std::string usage_error(const cl::usage_error& e, const Tool& tool) {
    switch (e.tag()) {
        case cl::usage_error::tag_t::missing_argument:
            return tool.name + ": error: option " + rt::string_of(e.as_missing_argument().f0) +
                   " requires an argument\n";
        case cl::usage_error::tag_t::unknown_option: return "Unknown option\n";
        case cl::usage_error::tag_t::unknown_architecture:
            return "Unknown architecture: " + rt::string_of(e.as_unknown_architecture().f0) +
                   tool.architectures;
        case cl::usage_error::tag_t::invalid_max_output_bytes:
            return tool.name + ": error: --max-output-bytes takes a number of bytes\n";
        case cl::usage_error::tag_t::no_input_files:
            return tool.name + ": error: no input files (give one or more with -f FILE)\n";
    }
    rt::fatal("unknown usage error");
}

}  // namespace hexproof::cli_texts
