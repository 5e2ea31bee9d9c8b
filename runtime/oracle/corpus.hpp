// Corpus cases in the ../shared/corpus format: a folder with a cmd.txt of M1 and HEX2 commands
// (mescc-tools flags, `-o out/NAME`), one a line, and the inputs they read. A later step may read
// what an earlier one wrote; the oracle feeds it the reference's output, so each step is checked
// on its own.
#pragma once

#include <string>
#include <vector>

#include "command.hpp"

namespace hexproof::oracle {

struct CorpusStep {
    Invocation invocation;           // without inputs: they are read when the step runs
    std::vector<std::string> files;  // its -f names: in the case folder, or an earlier step's output
    std::string output;              // its -o name, or empty
    bool append = false;             // `>> NAME`
};

struct CorpusCase {
    std::string dir;
    std::string label;  // the folder relative to the corpus root
    std::vector<CorpusStep> steps;
    std::string problem;  // why the case cannot be run (an unknown word, ...), with its step
};

// The case folders (those holding cmd.txt) under root, at most `depth` levels down, in order.
void find_case_dirs(const std::string& root, int depth, std::vector<std::string>* dirs);

CorpusCase read_corpus_case(const std::string& dir, const std::string& label);

}  // namespace hexproof::oracle
