// Corpus cases: see corpus.hpp.
#include "corpus.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "strtoint.hpp"

namespace hexproof::oracle {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") + 1 - b);
}

// One cmd.txt line as a step; false with *problem for a word the oracle does not know.
bool read_step(const std::vector<std::string>& w, CorpusStep* step, std::string* problem) {
    Invocation& inv = step->invocation;
    if (w[0] == "M1")
        inv.tool = Tool::m1;
    else if (w[0] == "HEX2")
        inv.tool = Tool::hex2;
    else {
        *problem = "not an M1 or HEX2 command";
        return false;
    }
    for (std::size_t i = 1; i < w.size(); ++i) {
        const std::string& a = w[i];
        const bool has_next = i + 1 < w.size();
        if ((a == "-f" || a == "--file") && has_next)
            step->files.push_back(w[++i]);
        else if ((a == "-o" || a == "--output" || a == ">") && has_next)
            step->output = w[++i];
        else if (a == ">>" && has_next) {
            step->output = w[++i];
            step->append = true;
        } else if (a == "--little-endian")
            inv.hex2.big_endian = inv.m1.big_endian = false;
        else if (a == "--big-endian")
            inv.hex2.big_endian = inv.m1.big_endian = true;
        else if ((a == "-A" || a == "--architecture") && has_next) {
            const auto arch = parse_architecture(w[++i]);
            if (!arch) {
                *problem = "unknown architecture " + w[i];
                return false;
            }
            inv.hex2.architecture = inv.m1.architecture = *arch;
        } else if ((a == "-B" || a == "--base-address") && has_next) {
            inv.hex2.base_address = static_cast<std::uint32_t>(strtoint(w[++i]));
        } else if (a == "-O" || a == "--octal")
            inv.hex2.byte_mode = inv.m1.byte_mode = ByteMode::octal;
        else if (a == "-b" || a == "--binary")
            inv.hex2.byte_mode = inv.m1.byte_mode = ByteMode::binary;
        else if (a == "--non-executable") {
        } else {
            *problem = "unsupported word '" + a + "'";
            return false;
        }
    }
    return true;
}

}  // namespace

void find_case_dirs(const std::string& dir, int depth, std::vector<std::string>* out) {
    struct stat st {};
    if (stat((dir + "/cmd.txt").c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        out->push_back(dir);
        return;
    }
    if (depth == 0) return;
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> subs;
    while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == ".." || name == "expected" || name == "out") continue;
        const std::string path = dir + "/" + name;
        if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) subs.push_back(path);
    }
    closedir(d);
    std::sort(subs.begin(), subs.end());
    for (const std::string& s : subs) find_case_dirs(s, depth - 1, out);
}

CorpusCase read_corpus_case(const std::string& dir, const std::string& label) {
    CorpusCase c;
    c.dir = dir;
    c.label = label;
    std::ifstream cmd(dir + "/cmd.txt");
    std::string line;
    while (std::getline(cmd, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> words;
        std::istringstream in(line);
        for (std::string w; in >> w;) words.push_back(w);
        CorpusStep step;
        std::string problem;
        if (!read_step(words, &step, &problem)) {
            c.problem = "step " + std::to_string(c.steps.size() + 1) + ": " + problem;
            c.steps.clear();
            return c;
        }
        c.steps.push_back(std::move(step));
    }
    return c;
}

}  // namespace hexproof::oracle
