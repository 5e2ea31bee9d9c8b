// The named temporary file to remove when a signal stops the process, and the handlers that do it.
#include "cleanup.hpp"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace hexproof::cleanup {

namespace {

// What the handlers may read: a copy of the name (a handler may not allocate), the directory it is
// in, and whether one is noted. A name is at most NAME_MAX (255) bytes.
char temporary_name[512];
volatile int temporary_dir = -1;
volatile std::sig_atomic_t temporary_noted = 0;
const char* bus_program = "hexproof";

void remove_temporary() {
    if (temporary_noted) ::unlinkat(temporary_dir, temporary_name, 0);
}

void write_stderr(const char* text) {
    if (::write(STDERR_FILENO, text, std::strlen(text)) < 0) return;
}

// Reading a page of a mapped file beyond its current end raises SIGBUS: the file shrank while
// this process ran. Report it, remove the temporary, and stop with status 1.
extern "C" void on_bus_error(int) {
    remove_temporary();
    write_stderr(bus_program);
    write_stderr(": error: an input file shrank while it was being read (bus error); no output written\n");
    ::_exit(1);
}

// Removes the temporary, then dies of the same signal with its default action: raised again
// while this handler blocks it, the signal is delivered once the handler returns.
extern "C" void on_fatal_signal(int signal, siginfo_t* info, void*) {
    // The kernel sends SIGXFSZ to a process whose own write passes RLIMIT_FSIZE, with the
    // process's pid as sender; that write fails with EFBIG, which output_file.cpp reports.
    if (signal == SIGXFSZ && info != nullptr && info->si_code == SI_USER && info->si_pid == ::getpid())
        return;
    remove_temporary();
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    ::sigaction(signal, &fallback, nullptr);
    ::raise(signal);
}

constexpr int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGXFSZ};

}  // namespace

void install_handlers(const char* program) {
    static bool installed = false;
    bus_program = program;
    if (installed) return;
    installed = true;
    struct sigaction bus {};
    bus.sa_handler = on_bus_error;
    sigemptyset(&bus.sa_mask);
    ::sigaction(SIGBUS, &bus, nullptr);
    for (const int signal : fatal_signals) {
        struct sigaction old {};
        if (::sigaction(signal, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
        struct sigaction action {};
        action.sa_sigaction = on_fatal_signal;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        ::sigaction(signal, &action, nullptr);
    }
}

void note_temporary(int dir_fd, const std::string& name) {
    temporary_noted = 0;
    if (name.size() >= sizeof temporary_name) return;  // cannot happen: names are at most NAME_MAX
    std::memcpy(temporary_name, name.c_str(), name.size() + 1);
    temporary_dir = dir_fd;
    temporary_noted = 1;
}

void forget_temporary() { temporary_noted = 0; }

}  // namespace hexproof::cleanup
