// Property (DRT): the reference engine computes what Coq's own extraction of the cores computes.
//
// The reference engine runs Hex2Exec.link and M1Exec.assemble printed to C++ by our printer and
// realised by runtime/reference/coq_runtime.hpp, both trusted (docs/trusted-base.md). Coq's standard OCaml
// extraction of the same cores, with Coq's own binary N and Z (tests/extraction/), shares neither.
// For every generated hex2 and M1 case both give the same bytes, or the same error (kind, file,
// offset, value and subject). The OCaml side is one process, tests/extraction/core_main.exe
// (built by dune; `make test` builds it first), answering cases on a pipe.
//
// usage: extraction-agree-property [PATH/core_main.exe]   (default: the dune build of this tree)
// The number of cases is RapidCheck's max_success (RC_PARAMS); a failing case is shrunk and
// printed, with the seed that reproduces the run (RC_PARAMS="seed=N").
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <optional>
#include <string>

#include "property_support.hpp"

using namespace hexproof;
using namespace hexproof::property;

namespace {

const char* mode_name(ByteMode m) {
    switch (m) {
        case ByteMode::hex: return "hex";
        case ByteMode::octal: return "octal";
        case ByteMode::binary: return "binary";
    }
    return "?";
}

// The configuration and inputs of a case, for the log of a failing one.
std::string show_case(const program_gen::Case& c) {
    const bool hex2 = c.tool == program_gen::Tool::hex2;
    const Architecture arch = hex2 ? c.hex2.architecture : c.m1.architecture;
    std::string s = std::string(hex2 ? "hex2" : "M1") + " --architecture " +
                    std::string(architecture_name(arch)) +
                    ((hex2 ? c.hex2.big_endian : c.m1.big_endian) ? " --big-endian" : " --little-endian") +
                    " (" + mode_name(hex2 ? c.hex2.byte_mode : c.m1.byte_mode) + " mode)";
    if (hex2) s += " --base-address " + std::to_string(c.hex2.base_address);
    return s + "\n" + show_inputs(c.inputs);
}

// The case being run. The runtime stops the program on a wrong move (reading a value moved
// from), before RapidCheck could print the case: the handler of that abort shows it.
std::string running_case;

extern "C" void show_running_case(int) {
    static const char header[] =
        "extraction-agree-property: the reference engine stopped the program on this case:\n";
    if (write(2, header, sizeof header - 1) < 0 || write(2, running_case.data(), running_case.size()) < 0)
        return;
}

// The OCaml extraction as a child process: a case goes down one pipe, the answer comes back up
// the other. A child that fails to answer is ended and started again for the next case.
class CoreAgent {
public:
    explicit CoreAgent(std::string path) : path_(std::move(path)) {}
    CoreAgent(const CoreAgent&) = delete;
    CoreAgent& operator=(const CoreAgent&) = delete;
    ~CoreAgent() { stop(); }

    std::optional<Result> link(const Hex2Config& c, const std::vector<Input>& inputs) {
        return ask("hex2 " + std::string(architecture_name(c.architecture)) + " " +
                       (c.big_endian ? "1" : "0") + " " + std::to_string(c.base_address) + " " +
                       mode_name(c.byte_mode),
                   inputs);
    }
    std::optional<Result> assemble(const M1Config& c, const std::vector<Input>& inputs) {
        return ask("M1 " + std::string(architecture_name(c.architecture)) + " " + (c.big_endian ? "1" : "0") +
                       " " + mode_name(c.byte_mode),
                   inputs);
    }

private:
    std::optional<Result> ask(const std::string& header, const std::vector<Input>& inputs) {
        if (!to_ && !start()) return std::nullopt;
        std::string request = header + " " + std::to_string(inputs.size()) + "\n";
        for (const Input& in : inputs) {
            request += std::to_string(in.view().size()) + "\n";
            request += in.view();
        }
        std::optional<Result> answer;
        if (std::fwrite(request.data(), 1, request.size(), to_) == request.size() && std::fflush(to_) == 0)
            answer = read_answer();
        if (!answer) stop();
        return answer;
    }

    // "ok LENGTH\n" + bytes, or "error KIND FILE OFFSET VALUE LENGTH\n" + subject.
    std::optional<Result> read_answer() {
        std::string line;
        for (int ch; (ch = std::fgetc(from_)) != '\n';) {
            if (ch == EOF || line.size() > 200) return std::nullopt;
            line.push_back(static_cast<char>(ch));
        }
        char kind[64] = {};
        unsigned long long file = 0, offset = 0, length = 0;
        long long value = 0;
        std::string bytes;
        const auto read_bytes = [&] {
            if (length > (std::size_t{1} << 30)) return false;  // no case of ours comes near
            bytes.resize(length);
            return std::fread(bytes.data(), 1, length, from_) == length;
        };
        if (std::sscanf(line.c_str(), "ok %llu", &length) == 1 && line.rfind("ok ", 0) == 0) {
            if (!read_bytes()) return std::nullopt;
            return Result(std::move(bytes));
        }
        if (std::sscanf(line.c_str(), "error %63s %llu %llu %lld %llu", kind, &file, &offset, &value,
                        &length) != 5 ||
            !read_bytes())
            return std::nullopt;
        Error e;
        if (!parse_kind(kind, &e.kind)) return std::nullopt;
        // spec/Common.v: an error with no place (empty_input) says file 0, offset 0; engine.hpp
        // says no_file (reference_engine.cpp converts the same way).
        e.file = e.kind == ErrorKind::empty_input ? no_file : static_cast<std::size_t>(file);
        e.offset = static_cast<std::size_t>(offset);
        e.value = value;
        e.subject = std::move(bytes);
        return Result(std::move(e));
    }

    static bool parse_kind(const std::string& name, ErrorKind* kind) {
        for (int k = 0; k <= static_cast<int>(ErrorKind::invalid_other); ++k) {
            if (error_kind_name(static_cast<ErrorKind>(k)) == name) {
                *kind = static_cast<ErrorKind>(k);
                return true;
            }
        }
        return false;
    }

    bool start() {
        int down[2], up[2];
        if (pipe2(down, O_CLOEXEC) != 0) return false;
        if (pipe2(up, O_CLOEXEC) != 0) {
            close(down[0]);
            close(down[1]);
            return false;
        }
        const pid_t parent = getpid();
        pid_ = fork();
        if (pid_ == 0) {
            // The child ends with this process, however it ends; dup2 clears close-on-exec.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent) _exit(127);
            if (dup2(down[0], 0) < 0 || dup2(up[1], 1) < 0) _exit(127);
            execl(path_.c_str(), path_.c_str(), "agent", static_cast<char*>(nullptr));
            std::perror(path_.c_str());
            _exit(127);
        }
        close(down[0]);
        close(up[1]);
        if (pid_ < 0) {
            close(down[1]);
            close(up[0]);
            return false;
        }
        to_ = fdopen(down[1], "w");
        from_ = fdopen(up[0], "r");
        if (!to_ || !from_) {
            if (!to_) close(down[1]);
            if (!from_) close(up[0]);
            stop();
            return false;
        }
        return true;
    }

    // Closing its input ends a healthy child; one that failed mid-answer is killed.
    void stop() {
        if (to_) std::fclose(to_);
        if (from_) std::fclose(from_);
        to_ = from_ = nullptr;
        if (pid_ > 0) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == 0) {
                kill(pid_, SIGKILL);
                waitpid(pid_, &status, 0);
            }
        }
        pid_ = -1;
    }

    std::string path_;
    pid_t pid_ = -1;
    FILE* to_ = nullptr;
    FILE* from_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
    const std::string agent_path = argc > 1 ? argv[1] : HEXPROOF_CORE_AGENT;
    if (access(agent_path.c_str(), X_OK) != 0) {
        std::fprintf(stderr,
                     "extraction-agree-property: %s is missing: build it with `dune build "
                     "./tests/extraction/core_main.exe` (make test does)\n",
                     agent_path.c_str());
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);            // a child that died shows as a failed write
    signal(SIGABRT, show_running_case);  // abort() then ends the program as usual
    std::string why;
    const auto reference = make_engine("reference", &why);
    if (!reference) {
        std::fprintf(stderr, "extraction-agree-property: the reference engine is not built: %s\n",
                     why.c_str());
        return 1;
    }
    CoreAgent coq(agent_path);
    const auto agree = [&](const char* name, program_gen::Tool tool) {
        return rc::check(name, [&, tool] {
            const program_gen::Case c = *any_case(tool);
            const bool hex2 = tool == program_gen::Tool::hex2;
            running_case = show_case(c);
            RC_LOG() << running_case.substr(0, running_case.find('\n') + 1);
            const std::optional<Result> expected =
                hex2 ? coq.link(c.hex2, c.inputs) : coq.assemble(c.m1, c.inputs);
            if (!expected) {
                RC_LOG() << show_inputs(c.inputs);
                RC_FAIL("the OCaml extraction gave no answer (see its message above)");
            }
            assert_same_result(
                c.inputs, "Coq's OCaml extraction", *expected, "reference engine",
                hex2 ? reference->link(c.hex2, c.inputs) : reference->assemble(c.m1, c.inputs));
        });
    };
    return run_all({
        {"hex2: reference engine = Coq's OCaml extraction of Hex2Exec.link",
         [&] {
             return agree("hex2: reference engine = Coq's OCaml extraction of Hex2Exec.link",
                          program_gen::Tool::hex2);
         }},
        {"M1: reference engine = Coq's OCaml extraction of M1Exec.assemble",
         [&] {
             return agree("M1: reference engine = Coq's OCaml extraction of M1Exec.assemble",
                          program_gen::Tool::m1);
         }},
    });
}
