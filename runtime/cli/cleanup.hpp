// What the CLIs leave behind when a signal stops them: nothing.
//
// An output file is written to an unnamed temporary file where the file system allows it
// (output_file.cpp), which no signal can leave behind. Otherwise, and for the moment between
// naming a finished temporary and renaming it into place, one named temporary file exists: it is
// noted here, and the handlers installed here remove it before the process dies of the signal
// that stopped it (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGXFSZ sent by another
// process), or exits with status 1 on SIGBUS (a mapped input shrank, io.cpp). SIGKILL cannot be
// caught: only an unnamed temporary survives it, by vanishing.
#pragma once

#include <string>

namespace hexproof::cleanup {

// Installs the handlers (once; a signal the process was told to ignore stays ignored). `program`
// names the tool in the SIGBUS message. A SIGXFSZ the process raised on itself (a write past the
// file size limit, ulimit -f) is not fatal: the write then fails with EFBIG and is reported.
void install_handlers(const char* program);

// The named temporary file `name` in the directory open as `dir_fd` is to be removed if a signal
// stops the process; forget_temporary() once it is renamed or removed. One at a time.
void note_temporary(int dir_fd, const std::string& name);
void forget_temporary();

}  // namespace hexproof::cleanup
