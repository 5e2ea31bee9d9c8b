// The oracle's reports (docs/oracle.md, "Reports"): the text for people, JSON for programs (one
// record per checked invocation, the groups and a summary with the counts), and a report folder
// holding each shrunk program whole.
#pragma once

#include <string>
#include <vector>

#include "oracle.hpp"

namespace hexproof::oracle {

struct ReportContext {
    const Settings* settings = nullptr;
    std::string engine_name;     // "reference" or "fast"
    std::string engine_note;     // for people
    std::string isolation;       // Runner::description()
    std::string isolation_name;  // "namespaces", "landlock", "none"
    std::string report_dir;      // absolute; empty without --report-dir
};

// Exit status: 0 when no verdict is a failure, 1 otherwise, 130 when interrupted (2, setup
// errors, is decided before).
int exit_status(const Results& results);

std::string text_report(const ReportContext& context, const Results& results);
std::string json_report(const ReportContext& context, const Results& results);

// Writes every analysed group's whole minimal program (its files, and command.txt) into
// DIR/finding-N/ and notes the folder in the finding; false with *why.
bool save_programs(const std::string& dir, Results& results, std::string* why);

// Writes DIR/NAME (not through a symbolic link); false with *why.
bool save_file(const std::string& dir, const std::string& name, const std::string& text, std::string* why);

// 48 bytes around `at` (marked), with an ASCII column.
std::string hexdump_window(const std::string& bytes, std::size_t at, const char* label);

// The inputs' lines, numbered; at most 40 lines of each file (the first 20 and the last 10 when
// there are more, and how many were left out).
std::string listing(const std::vector<Input>& inputs, const std::string& saved_in);

std::string json_string(const std::string& s);

// A command line as a shell would read it back.
std::string shell_words(const std::vector<std::string>& words);

}  // namespace hexproof::oracle
