// bench/write_file.hpp: how the benchmark generators write an input they made.
#pragma once

#include <cstdio>
#include <string>

namespace hexproof::bench {

// Writes `data` to `path`; on failure says so on stderr as `program` and returns false.
inline bool write_file(const char* program, const std::string& path, const std::string& data) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        std::perror(path.c_str());
        return false;
    }
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) std::fprintf(stderr, "%s: failed writing %s\n", program, path.c_str());
    return ok;
}

}  // namespace hexproof::bench
