// The drop-in command lines. Options are processed left to right like upstream's loop, so
// `-h`/`-V` act when reached and an unreadable `-o` or (for M1) `-f` stops the run there.
#include "cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "engine.hpp"
#include "io.hpp"
#include "strtoint.hpp"

namespace hexproof {

namespace {

void say(const std::string& text) { std::fputs(text.c_str(), stderr); }

// Options that take an argument; upstream reads past the end of argv when it is missing.
bool take_argument(int argc, char** argv, int i, const char* tool, std::string* out) {
    if (i + 1 >= argc) {
        say(std::string(tool) + ": error: option " + argv[i] + " requires an argument\n");
        return false;
    }
    *out = argv[i + 1];
    return true;
}

bool is_engine_option(std::string_view arg, std::string* name) {
    constexpr std::string_view prefix = "--engine=";
    if (arg.substr(0, prefix.size()) != prefix) return false;
    *name = std::string(arg.substr(prefix.size()));
    return true;
}

// The reference engine is the default as soon as it is built (trust first); until then, fast.
std::unique_ptr<Engine> choose_engine(const std::optional<std::string>& requested, const char* tool) {
    std::string why;
    if (requested) {
        auto engine = make_engine(*requested, &why);
        if (!engine) say(std::string(tool) + ": error: " + why + "\n");
        return engine;
    }
    if (auto reference = make_engine("reference", &why)) return reference;
    return make_engine("fast", &why);
}

// Where the output goes: the named file, replaced only on success, or standard output.
class OutputTarget final : public OutputSink {
public:
    bool open(const std::optional<std::string>& path, bool executable, const char* tool) {
        path_ = path;
        if (!path) return true;
        std::string why;
        OutputOptions options;
        options.executable = executable;
        if (file_.open(*path, options, &why)) return true;
        say(std::string(tool) + ": error: The file: " + *path + " can not be opened! (" + why + ")\n");
        return false;
    }

    void write(std::string_view bytes) override {
        if (path_) file_.write(bytes);
        else if (stdout_ok_) stdout_ok_ = write_stdout(bytes);
    }
    bool can_write_at() const override { return path_ && file_.can_write_at(); }
    void write_at(std::uint64_t offset, std::string_view bytes) override { file_.write_at(offset, bytes); }
    void expect_size(std::uint64_t size) override {
        if (path_) file_.expect_size(size);
    }

    bool commit(const char* tool) {
        std::string why;
        if (!path_) {
            if (stdout_ok_) return true;
            say(std::string(tool) + ": error: cannot write standard output\n");
            return false;
        }
        if (file_.commit(&why)) return true;
        say(std::string(tool) + ": error: The file: " + *path_ + " can not be written: " + why + "\n");
        return false;
    }

private:
    std::optional<std::string> path_;
    AtomicOutputFile file_;
    bool stdout_ok_ = true;
};

// Runs the engine into the output target; an error is reported and nothing is written.
template <typename Run>
int produce(const std::optional<std::string>& output, bool executable, const std::vector<Input>& inputs,
            const char* tool, Run&& run) {
    OutputTarget target;
    if (!target.open(output, executable, tool)) return 1;
    if (const std::optional<Error> error = run(target)) {
        say(format_error(*error, inputs) + "\n");
        return 1;
    }
    return target.commit(tool) ? 0 : 1;
}

bool check_output(const std::string& path, const char* tool) {
    std::string why;
    if (output_writable(path, &why)) return true;
    say(std::string(tool) + ": error: The file: " + path + " can not be opened! (" + why + ")\n");
    return false;
}

bool read_input(const std::string& path, std::vector<Input>* inputs, const char* tool) {
    std::string why;
    auto input = load_input(path, tool, &why);
    if (!input) {
        say(std::string(tool) + ": error: The file: " + path + " can not be opened! (" + why + ")\n");
        return false;
    }
    inputs->push_back(std::move(*input));
    return true;
}

const char* const warning_banner = ">> WARNING <<\n>> WARNING <<\n>> WARNING <<\n";

bool little_endian_machine(Architecture a) {
    return a == Architecture::x86 || a == Architecture::amd64 || a == Architecture::armv7l ||
           a == Architecture::aarch64 || a == Architecture::riscv32 || a == Architecture::riscv64;
}

}  // namespace

int hex2_main(int argc, char** argv) {
    const char* tool = "hex2";
    Hex2Config config;
    std::vector<std::string> files;
    std::optional<std::string> output;
    std::optional<std::string> engine_name;
    bool executable = true;

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::string value;
        if (arg == "--big-endian") {
            config.big_endian = true;
        } else if (arg == "--little-endian") {
            config.big_endian = false;
        } else if (arg == "--non-executable") {
            executable = false;
        } else if (arg == "-A" || arg == "--architecture") {
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            if (auto a = parse_architecture(value)) {
                config.architecture = *a;
            } else {
                // Upstream says so (without a newline) and carries on with the previous one.
                say("Unknown architecture: " + value +
                    " know values are: knight-native, knight-posix, x86, amd64, armv7l, riscv32 and riscv64");
            }
            ++i;
        } else if (arg == "-b" || arg == "--binary") {
            config.byte_mode = ByteMode::binary;
        } else if (arg == "-B" || arg == "--base-address") {
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            config.base_address = static_cast<std::uint32_t>(strtoint(value));
            ++i;
        } else if (arg == "-h" || arg == "--help") {
            say(std::string("Usage: ") + argv[0] +
                " --file FILENAME1 {-f FILENAME2} (--big-endian|--little-endian)"
                " [--base-address 0x12345] [--architecture name]\nArchitecture:"
                " knight-native, knight-posix, x86, amd64, armv7l, aarch64, riscv32 and riscv64\n"
                "To leverage octal or binary input: --octal, --binary\n"
                "hexproof: --engine=fast|reference chooses the engine (default: reference when built)\n");
            return 0;
        } else if (arg == "-f" || arg == "--file") {
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            files.push_back(value);
            ++i;
        } else if (arg == "-o" || arg == "--output") {
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            if (!check_output(value, tool)) return 1;
            output = value;
            ++i;
        } else if (arg == "-O" || arg == "--octal") {
            config.byte_mode = ByteMode::octal;
        } else if (arg == "-V" || arg == "--version") {
            std::fputs("hex2 1.7.0\n", stdout);
            return 0;
        } else if (is_engine_option(arg, &value)) {
            engine_name = value;
        } else {
            say("Unknown option\n");
            return 1;
        }
    }

    if (config.architecture != Architecture::knight && config.base_address == 0) {
        say(warning_banner);
        say("If you are not generating a ROM image this binary will likely not work\n");
    }
    if (config.big_endian && little_endian_machine(config.architecture)) {
        say(warning_banner);
        say("You have specified big endian output on likely a little endian processor\n"
            "if this is a mistake please pass --little-endian next time\n");
    }
    if (files.empty()) {
        say("hex2: error: no input files (give one or more with -f FILE)\n");
        return 1;
    }

    auto engine = choose_engine(engine_name, tool);
    if (!engine) return 1;
    std::vector<Input> inputs;
    inputs.reserve(files.size());
    for (const std::string& f : files)
        if (!read_input(f, &inputs, tool)) return 1;

    return produce(output, executable, inputs, tool,
                   [&](OutputSink& sink) { return engine->link_to(config, inputs, sink); });
}

int m1_main(int argc, char** argv) {
    const char* tool = "M1";
    M1Config config;
    std::vector<Input> inputs;
    std::optional<std::string> output;
    std::optional<std::string> engine_name;

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::string value;
        if (arg == "--big-endian") {
            config.big_endian = true;
        } else if (arg == "--little-endian") {
            config.big_endian = false;
        } else if (arg == "-A" || arg == "--architecture") {
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            if (auto a = parse_architecture(value)) {
                config.architecture = *a;
            } else {
                say("Unknown architecture: " + value +
                    " know values are: knight-native, knight-posix, x86, amd64, armv7l, aarch64,"
                    " ppc64le, riscv32 and riscv64");
                return 1;
            }
            ++i;
        } else if (arg == "-b" || arg == "--binary") {
            config.byte_mode = ByteMode::binary;
        } else if (arg == "-h" || arg == "--help") {
            say(std::string("Usage: ") + argv[0] +
                " --file FILENAME1 {-f FILENAME2} (--big-endian|--little-endian) "
                "[--architecture name]\nArchitectures: knight-native, knight-posix, x86, amd64, armv7,"
                " riscv32 and riscv64\nTo leverage octal or binary output: --octal, --binary\n"
                "hexproof: --engine=fast|reference chooses the engine (default: reference when built)\n");
            return 0;
        } else if (arg == "-f" || arg == "--file") {
            // Upstream reads each file when it meets the option.
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            if (!read_input(value, &inputs, tool)) return 1;
            ++i;
        } else if (arg == "-o" || arg == "--output") {
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            if (!check_output(value, tool)) return 1;
            output = value;
            ++i;
        } else if (arg == "-O" || arg == "--octal") {
            config.byte_mode = ByteMode::octal;
        } else if (arg == "-V" || arg == "--version") {
            std::fputs("M1 1.7.0\n", stdout);
            return 0;
        } else if (is_engine_option(arg, &value)) {
            engine_name = value;
        } else {
            say("Unknown option\n");
            return 1;
        }
    }

    auto engine = choose_engine(engine_name, tool);
    if (!engine) return 1;
    return produce(output, false, inputs, tool,
                   [&](OutputSink& sink) { return engine->assemble_to(config, inputs, sink); });
}

}  // namespace hexproof
