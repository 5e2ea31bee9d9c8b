// Shared by the libFuzzer targets: the configuration read from the first input bytes, the
// engines, and the report printed before aborting on a disagreement.
//
// Input layout: byte 0 chooses the architecture (mod 8), byte 1 the endianness (bit 0), the byte
// mode (bits 1-2, mod 3) and the number of files (bits 4-5, mod 3, plus 1); bytes 2-5 are the
// hex2 base address (big endian). The rest is the program text, cut into that many files at
// evenly spaced offsets.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "engine.hpp"
#include "strtoint.hpp"

namespace hexproof::fuzz {

inline constexpr std::size_t header_size = 6;

struct FuzzCase {
    Hex2Config hex2;
    M1Config m1;
    std::vector<Input> inputs;
};

inline bool decode(const std::uint8_t* data, std::size_t size, FuzzCase* out, const char* extension) {
    if (size < header_size) return false;
    static constexpr Architecture archs[] = {
        Architecture::knight,  Architecture::x86,     Architecture::amd64,   Architecture::armv7l,
        Architecture::aarch64, Architecture::ppc64le, Architecture::riscv32, Architecture::riscv64};
    const Architecture a = archs[data[0] % 8];
    const bool big = data[1] & 1;
    const ByteMode mode = static_cast<ByteMode>(((data[1] >> 1) & 3) % 3);
    const std::size_t files = ((data[1] >> 4) & 3) % 3 + 1;
    out->hex2.architecture = out->m1.architecture = a;
    out->hex2.big_endian = out->m1.big_endian = big;
    out->hex2.byte_mode = out->m1.byte_mode = mode;
    out->hex2.base_address = (std::uint32_t{data[2]} << 24) | (std::uint32_t{data[3]} << 16) |
                             (std::uint32_t{data[4]} << 8) | std::uint32_t{data[5]};
    const std::string text(reinterpret_cast<const char*>(data + header_size), size - header_size);
    std::size_t start = 0;
    for (std::size_t f = 0; f < files; ++f) {
        const std::size_t end = f + 1 == files ? text.size() : text.size() * (f + 1) / files;
        out->inputs.push_back(Input{"fuzz" + std::to_string(f) + extension, text.substr(start, end - start)});
        start = end;
    }
    return true;
}

// M1 `<N` asks for N zero bytes; a fuzzer that finds `<1700000` only measures memset speed
// under the sanitizers (and times out), so inputs asking for more than 64 KiB are skipped.
inline bool m1_padding_too_big(const std::vector<Input>& inputs) {
    for (const Input& in : inputs) {
        const std::string& t = in.bytes;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] != '<' || (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\t' && t[i - 1] != '\n')) continue;
            std::size_t j = i + 1;
            while (j < t.size() && t[j] != ' ' && t[j] != '\t' && t[j] != '\n') ++j;
            if (strtoint(std::string_view(t).substr(i + 1, j - i - 1)) > 65536) return true;
        }
    }
    return false;
}

// The reference engine when built; otherwise nullptr after saying once that only the fast engine
// is checked (crashes, sanitizer reports, contract shape of the result).
inline const Engine* reference_or_note() {
    static std::unique_ptr<Engine> reference = [] {
        std::string why;
        auto e = make_engine("reference", &why);
        if (!e)
            std::fprintf(stderr,
                         "NOTE: %s\nNOTE: checking the fast engine alone (crashes and undefined behaviour), "
                         "not fast = reference\n",
                         why.c_str());
        return e;
    }();
    return reference.get();
}

inline const Engine& fast() {
    static std::unique_ptr<Engine> engine = [] {
        std::string why;
        return make_engine("fast", &why);
    }();
    return *engine;
}

inline std::string describe(const Result& r, const std::vector<Input>& inputs) {
    if (const Error* e = std::get_if<Error>(&r))
        return std::string(error_kind_name(e->kind)) + " file " + std::to_string(e->file) + " offset " +
               std::to_string(e->offset) + " value " + std::to_string(e->value) + " subject '" +
               escape_bytes(e->subject) + "': " + format_error(*e, inputs);
    return "ok, " + std::to_string(std::get<std::string>(r).size()) +
           " bytes: " + escape_bytes(std::get<std::string>(r).substr(0, 80));
}

// Checks what holds for any engine result: an error names an input and an offset inside it.
inline void check_shape(const Result& r, const std::vector<Input>& inputs) {
    if (const Error* e = std::get_if<Error>(&r)) {
        if (e->file == no_file) {
            if (e->kind != ErrorKind::empty_input) std::abort();
            return;
        }
        if (e->file >= inputs.size() || e->offset > inputs[e->file].bytes.size()) std::abort();
    }
}

inline void compare(const Result& f, const Result& r, const FuzzCase& c, const char* tool) {
    const bool agree =
        is_ok(f) == is_ok(r) && (is_ok(f) ? std::get<std::string>(f) == std::get<std::string>(r)
                                          : std::get<Error>(f) == std::get<Error>(r));
    if (agree) return;
    std::fprintf(stderr, "DISAGREEMENT (%s, %s, %s endian, base 0x%X, mode %d)\n", tool,
                 std::string(architecture_name(c.hex2.architecture)).c_str(),
                 c.hex2.big_endian ? "big" : "little", c.hex2.base_address,
                 static_cast<int>(c.hex2.byte_mode));
    for (const Input& in : c.inputs)
        std::fprintf(stderr, "--- %s\n%s\n", in.name.c_str(), escape_bytes(in.bytes).c_str());
    std::fprintf(stderr, "fast:      %s\nreference: %s\n", describe(f, c.inputs).c_str(),
                 describe(r, c.inputs).c_str());
    std::abort();
}

}  // namespace hexproof::fuzz
