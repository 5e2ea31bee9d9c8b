// An OCaml extraction run as an agent for the properties: a child process started as `PATH agent`
// that answers cases on a pipe (tests/extraction/core_main.ml, tests/spec/spec_main.ml). A case is a
// header line ending in the number of files, then per file a line "LENGTH" and its bytes; the
// answer is "ok LENGTH" and the output, or "error KIND FILE OFFSET VALUE LENGTH" and the subject.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.hpp"
#include "engine.hpp"

namespace hexproof::property {

inline const char* mode_name(ByteMode m) {
    switch (m) {
        case ByteMode::hex: return "hex";
        case ByteMode::octal: return "octal";
        case ByteMode::binary: return "binary";
    }
    return "?";
}

// The configuration words of a case header: "ARCH BIG BASE MODE" and "ARCH BIG MODE".
inline std::string config_words(const Hex2Config& c) {
    return std::string(architecture_name(c.architecture)) + " " + (c.big_endian ? "1" : "0") + " " +
           std::to_string(c.base_address) + " " + mode_name(c.byte_mode);
}

inline std::string config_words(const M1Config& c) {
    return std::string(architecture_name(c.architecture)) + " " + (c.big_endian ? "1" : "0") + " " +
           mode_name(c.byte_mode);
}

// An agent's answer as it came: the output, or an error by its Coq name (spec/Common.v).
struct AgentAnswer {
    bool ok = false;
    std::string bytes;  // the output, or the error's subject
    std::string kind;
    unsigned long long file = 0, offset = 0;
    long long value = 0;

    friend bool operator==(const AgentAnswer& a, const AgentAnswer& b) {
        return a.ok == b.ok && a.bytes == b.bytes && a.kind == b.kind && a.file == b.file &&
               a.offset == b.offset && a.value == b.value;
    }
};

// The answer as an engine's Result; nullopt for an error kind the engines do not have.
inline std::optional<Result> to_result(const AgentAnswer& a) {
    if (a.ok) return Result(a.bytes);
    for (int k = 0; k <= static_cast<int>(ErrorKind::invalid_other); ++k) {
        if (error_kind_name(static_cast<ErrorKind>(k)) != a.kind) continue;
        Error e;
        e.kind = static_cast<ErrorKind>(k);
        // spec/Common.v: an error with no place (empty_input) says file 0, offset 0; engine.hpp
        // says no_file (reference_engine.cpp converts the same way).
        e.file = e.kind == ErrorKind::empty_input ? no_file : static_cast<std::size_t>(a.file);
        e.offset = static_cast<std::size_t>(a.offset);
        e.value = a.value;
        e.subject = a.bytes;
        return Result(std::move(e));
    }
    return std::nullopt;
}

inline std::string show_answer(const AgentAnswer& a) {
    if (a.ok)
        return "ok, " + std::to_string(a.bytes.size()) + " bytes: " + escape_bytes(a.bytes.substr(0, 64));
    return "error " + a.kind + " file " + std::to_string(a.file) + " offset " + std::to_string(a.offset) +
           " value " + std::to_string(a.value) + " subject " + escape_bytes(a.bytes.substr(0, 64));
}

// The child process: a case goes down one pipe, the answer comes back up the other. A child that
// fails to answer is ended and started again for the next case. Its stack is unlimited where
// the hard limit allows (the specification recurses once per token).
class OcamlAgent {
public:
    explicit OcamlAgent(std::string path) : path_(std::move(path)) {}
    OcamlAgent(const OcamlAgent&) = delete;
    OcamlAgent& operator=(const OcamlAgent&) = delete;
    ~OcamlAgent() { stop(); }

    // The answer to the case "HEADER NFILES" with these inputs; nullopt when the child gave none.
    std::optional<AgentAnswer> ask(const std::string& header, const std::vector<Input>& inputs) {
        if (!to_ && !start()) return std::nullopt;
        std::string request = header + " " + std::to_string(inputs.size()) + "\n";
        for (const Input& in : inputs) {
            request += std::to_string(in.view().size()) + "\n";
            request += in.view();
        }
        std::optional<AgentAnswer> answer;
        if (std::fwrite(request.data(), 1, request.size(), to_) == request.size() && std::fflush(to_) == 0)
            answer = read_answer();
        if (!answer) stop();
        return answer;
    }

private:
    std::optional<AgentAnswer> read_answer() {
        std::string line;
        for (int ch; (ch = std::fgetc(from_)) != '\n';) {
            if (ch == EOF || line.size() > 200) return std::nullopt;
            line.push_back(static_cast<char>(ch));
        }
        AgentAnswer a;
        char kind[64] = {};
        unsigned long long length = 0;
        if (line.rfind("ok ", 0) == 0 && std::sscanf(line.c_str(), "ok %llu", &length) == 1) {
            a.ok = true;
        } else if (std::sscanf(line.c_str(), "error %63s %llu %llu %lld %llu", kind, &a.file, &a.offset,
                               &a.value, &length) == 5) {
            a.kind = kind;
        } else {
            return std::nullopt;
        }
        if (length > (std::size_t{1} << 30)) return std::nullopt;  // no case of ours comes near
        a.bytes.resize(length);
        if (std::fread(a.bytes.data(), 1, length, from_) != length) return std::nullopt;
        return a;
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
            struct rlimit stack {};
            if (getrlimit(RLIMIT_STACK, &stack) == 0) {
                stack.rlim_cur = stack.rlim_max;
                setrlimit(RLIMIT_STACK, &stack);
            }
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

}  // namespace hexproof::property
