// Runs a command on a system that lacks some file operations, as some file systems do, so that
// the tests reach the output file's fallbacks (runtime/cli/output_file.cpp) on any machine:
//   without_tmpfile --no-tmpfile CMD...  opening an unnamed file (O_TMPFILE) fails (EOPNOTSUPP);
//   without_tmpfile --no-link CMD...     giving an open file a name (linkat) fails (ENOENT, as
//                                        without /proc).
// A seccomp filter makes those system calls fail; the command runs with it (exec).
// Exit status 77 (skip) where the filter cannot be installed.
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <string>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace {

#if defined(__x86_64__)
constexpr unsigned this_arch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr unsigned this_arch = AUDIT_ARCH_AARCH64;
#else
constexpr unsigned this_arch = 0;
#endif

sock_filter statement(unsigned short code, unsigned k) { return BPF_STMT(code, k); }
sock_filter jump(unsigned short code, unsigned k, unsigned char yes, unsigned char no) {
    return BPF_JUMP(code, k, yes, no);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || (std::strcmp(argv[1], "--no-tmpfile") != 0 && std::strcmp(argv[1], "--no-link") != 0)) {
        std::fprintf(stderr, "usage: without_tmpfile --no-tmpfile|--no-link COMMAND [ARGS...]\n");
        return 2;
    }
    if (this_arch == 0) {
        std::fprintf(stderr, "without_tmpfile: no seccomp filter for this architecture\n");
        return 77;
    }
    const bool no_link = std::strcmp(argv[1], "--no-link") == 0;
    // Little endian: the low 32 bits of an argument come first.
    const unsigned flags_of_openat = offsetof(seccomp_data, args) + 2 * sizeof(std::uint64_t);
    std::vector<sock_filter> filter{
        statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        jump(BPF_JMP | BPF_JEQ | BPF_K, this_arch, 1, 0),
        statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
    };
    if (no_link) {
        filter.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, __NR_linkat, 0, 1));
        filter.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOENT));
    } else {
        filter.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, __NR_openat, 0, 3));
        filter.push_back(statement(BPF_LD | BPF_W | BPF_ABS, flags_of_openat));
        filter.push_back(jump(BPF_JMP | BPF_JSET | BPF_K, O_TMPFILE & ~O_DIRECTORY, 0, 1));
        filter.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EOPNOTSUPP));
    }
    filter.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    sock_fprog program{static_cast<unsigned short>(filter.size()), filter.data()};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
        std::fprintf(stderr, "without_tmpfile: cannot install the filter: %s\n", std::strerror(errno));
        return 77;
    }
    ::execvp(argv[2], argv + 2);
    std::fprintf(stderr, "without_tmpfile: %s: %s\n", argv[2], std::strerror(errno));
    return 127;
}
