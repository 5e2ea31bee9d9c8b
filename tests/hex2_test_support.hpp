// Helpers for the hex2 tests (hex2_clauses_test.cpp, hex2_fast_test.cpp): configurations,
// inputs, bytes, and a result's output or error.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine.hpp"

namespace hexproof::hex2_test {

inline constexpr Architecture all_architectures[] = {
    Architecture::knight,  Architecture::x86,     Architecture::amd64,   Architecture::armv7l,
    Architecture::aarch64, Architecture::ppc64le, Architecture::riscv32, Architecture::riscv64,
};

inline Hex2Config config(Architecture arch = Architecture::knight, bool big_endian = true,
                         std::uint32_t base = 0, ByteMode mode = ByteMode::hex) {
    Hex2Config c;
    c.architecture = arch;
    c.big_endian = big_endian;
    c.base_address = base;
    c.byte_mode = mode;
    return c;
}

inline Hex2Config le(Architecture arch, std::uint32_t base = 0) { return config(arch, false, base); }

inline std::vector<Input> files(const std::vector<std::string>& texts) {
    std::vector<Input> v;
    int i = 0;
    for (const std::string& t : texts) v.push_back(Input{"f" + std::to_string(i++), t});
    return v;
}

inline std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s.push_back(static_cast<char>(v));
    return s;
}

// The output bytes, or a marker that cannot equal any expected string when linking failed.
inline std::string output(const Result& r) {
    if (const auto* s = std::get_if<std::string>(&r)) return *s;
    const Error& e = std::get<Error>(r);
    return "<error " + std::string(error_kind_name(e.kind)) + " file " + std::to_string(e.file) + " offset " +
           std::to_string(e.offset) + ">";
}

inline Error error(const Result& r) {
    if (const auto* e = std::get_if<Error>(&r)) return *e;
    ADD_FAILURE() << "expected an error, got " << std::get<std::string>(r).size() << " bytes";
    return Error{};
}

inline Error make_error(ErrorKind kind, std::size_t file, std::size_t offset, std::int64_t value = 0,
                        std::string subject = {}) {
    return Error{kind, file, offset, value, std::move(subject)};
}

inline std::string zeros(std::size_t n) { return std::string(n, '\0'); }
// `n` bytes of hex text "00".
inline std::string hex_zeros(std::size_t n) {
    std::string s;
    s.reserve(2 * n);
    for (std::size_t i = 0; i != n; ++i) s += "00";
    return s;
}

}  // namespace hexproof::hex2_test
