// The drop-in command lines. Options are processed left to right like upstream's loop, so
// `-h`/`-V` act when reached and an unreadable `-o` or (for M1) `-f` stops the run there.
#include "cli.hpp"

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cleanup.hpp"
#include "diagnostics.hpp"
#include "engine.hpp"
#include "io.hpp"
#include "output_file.hpp"
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

// Where the output goes: the named file (output_file.hpp), or standard output; and no more than
// the output limit of it. A failure throws OutputError, which ends the engine's run.
class OutputTarget final : public OutputSink {
public:
    explicit OutputTarget(std::uint64_t limit) : limit_(limit) {}

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
        check_end(appended_.fetch_add(bytes.size()) + bytes.size());
        if (path_) file_.write(bytes);
        else if (!write_stdout(bytes)) throw OutputError(std::strerror(errno));
    }
    bool can_write_at() const override { return path_ && file_.can_write_at(); }
    void write_at(std::uint64_t offset, std::string_view bytes) override {
        check_end(offset + bytes.size());
        file_.write_at(offset, bytes);
    }
    void expect_size(std::uint64_t size) override {
        check_end(size);
        if (path_) file_.expect_size(size);
    }

    bool commit(const char* tool) {
        if (!path_) return true;
        std::string why;
        if (file_.commit(&why)) return true;
        fail(tool, why);
        return false;
    }

    // Reports a failure to write; a file not committed is left as it was.
    void fail(const char* tool, const std::string& why) const {
        if (path_) say(std::string(tool) + ": error: The file: " + *path_ + " can not be written: " + why + "\n");
        else say(std::string(tool) + ": error: cannot write standard output: " + why + "\n");
    }

private:
    void check_end(std::uint64_t end) const {
        if (end > limit_)
            throw OutputError("the output is larger than the limit of " + std::to_string(limit_) +
                              " bytes (--max-output-bytes=N changes it)");
    }

    std::uint64_t limit_;
    std::optional<std::string> path_;
    OutputFile file_;
    std::atomic<std::uint64_t> appended_{0};
};

// What a run may use: the output limit (the input limit is fixed, engine.hpp).
struct Limits {
    std::uint64_t max_output_bytes = default_max_output_bytes;
};

// Runs the engine into the output target; an error is reported and nothing is written. A write
// that fails or passes the output limit ends the run there, and the output file is left as it was.
template <typename Run>
int produce(const std::optional<std::string>& output, bool executable, const std::vector<Input>& inputs,
            const Limits& limits, const char* tool, Run&& run) {
    OutputTarget target(limits.max_output_bytes);
    if (!target.open(output, executable, tool)) return 1;
    try {
        if (const std::optional<Error> error = run(target)) {
            say(format_error(*error, inputs) + "\n");
            return 1;
        }
    } catch (const OutputError& failure) {
        target.fail(tool, failure.what());
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

// Reads an input, counting it against the input limit with those read before (*used bytes).
bool read_input(const std::string& path, std::vector<Input>* inputs, std::uint64_t* used, const char* tool) {
    ReadFailure failure;
    auto input = load_input(path, tool, max_input_bytes - *used, &failure);
    if (input) {
        *used += input->view().size();
        inputs->push_back(std::move(*input));
        return true;
    }
    if (failure.over_limit)
        say(path + ": error: input is larger than the limit of " + std::to_string(max_input_bytes) + " bytes" +
            (*used > 0 ? " (counting the inputs before it)" : "") + "\n");
    else
        say(std::string(tool) + ": error: The file: " + path + " can not be opened! (" + failure.why + ")\n");
    return false;
}

// --max-output-bytes=N (decimal); false with a message when it is not a number.
bool is_limit_option(std::string_view arg, const char* tool, Limits* limits, bool* bad) {
    constexpr std::string_view prefix = "--max-output-bytes=";
    if (arg.substr(0, prefix.size()) != prefix) return false;
    const std::string_view digits = arg.substr(prefix.size());
    std::uint64_t value = 0;
    *bad = digits.empty() || digits.size() > 19;
    for (const char c : digits) {
        if (c < '0' || c > '9') *bad = true;
        else value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (*bad) say(std::string(tool) + ": error: --max-output-bytes takes a number of bytes\n");
    else limits->max_output_bytes = value;
    return true;
}

// What --help adds to upstream's text.
std::string hexproof_options_help() {
    return "hexproof: --engine=fast|reference chooses the engine (default: reference when built);\n"
           "  --max-output-bytes=N refuses an output of more than N bytes (default " +
           std::to_string(default_max_output_bytes) + ");\n  the inputs of one run may hold " +
           std::to_string(max_input_bytes) + " bytes together\n";
}

// Out of memory ends a run with a message, never an abort.
template <typename Main>
int guarded(const char* tool, Main&& main) {
    cleanup::install_handlers(tool);
    try {
        return main();
    } catch (const std::bad_alloc&) {
        say(std::string(tool) + ": error: out of memory (the run needs more memory than it may use)\n");
    } catch (const std::length_error&) {
        say(std::string(tool) + ": error: out of memory (the run needs more memory than it may use)\n");
    } catch (const std::exception& failure) {
        say(std::string(tool) + ": error: " + failure.what() + "\n");
    }
    return 1;
}

const char* const warning_banner = ">> WARNING <<\n>> WARNING <<\n>> WARNING <<\n";

bool little_endian_machine(Architecture a) {
    return a == Architecture::x86 || a == Architecture::amd64 || a == Architecture::armv7l ||
           a == Architecture::aarch64 || a == Architecture::riscv32 || a == Architecture::riscv64;
}

int hex2_run(int argc, char** argv) {
    const char* tool = "hex2";
    Hex2Config config;
    Limits limits;
    bool bad_limit = false;
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
                "To leverage octal or binary input: --octal, --binary\n" +
                hexproof_options_help());
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
        } else if (is_limit_option(arg, tool, &limits, &bad_limit)) {
            if (bad_limit) return 1;
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
    std::uint64_t input_bytes = 0;
    for (const std::string& f : files)
        if (!read_input(f, &inputs, &input_bytes, tool)) return 1;

    return produce(output, executable, inputs, limits, tool,
                   [&](OutputSink& sink) { return engine->link_to(config, inputs, sink); });
}

int m1_run(int argc, char** argv) {
    const char* tool = "M1";
    M1Config config;
    Limits limits;
    bool bad_limit = false;
    std::vector<Input> inputs;
    std::uint64_t input_bytes = 0;
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
                " riscv32 and riscv64\nTo leverage octal or binary output: --octal, --binary\n" +
                hexproof_options_help());
            return 0;
        } else if (arg == "-f" || arg == "--file") {
            // Upstream reads each file when it meets the option.
            if (!take_argument(argc, argv, i, tool, &value)) return 1;
            if (!read_input(value, &inputs, &input_bytes, tool)) return 1;
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
        } else if (is_limit_option(arg, tool, &limits, &bad_limit)) {
            if (bad_limit) return 1;
        } else {
            say("Unknown option\n");
            return 1;
        }
    }

    auto engine = choose_engine(engine_name, tool);
    if (!engine) return 1;
    return produce(output, false, inputs, limits, tool,
                   [&](OutputSink& sink) { return engine->assemble_to(config, inputs, sink); });
}

}  // namespace

int hex2_main(int argc, char** argv) { return guarded("hex2", [&] { return hex2_run(argc, argv); }); }
int m1_main(int argc, char** argv) { return guarded("M1", [&] { return m1_run(argc, argv); }); }

}  // namespace hexproof
