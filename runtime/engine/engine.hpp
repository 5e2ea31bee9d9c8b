// The engine interface: configuration + named inputs -> output bytes or one located error.
//
// Both engines implement it: the handwritten fast engine (hex2_fast, m1_fast) and the reference
// engine (the C++ printed from the proved Coq core). The meaning of every field is fixed by
// docs/contract.md; the Coq counterparts live in spec/Common.v.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hexproof {

// Upstream treats knight-native and knight-posix identically, so the engines know one knight.
enum class Architecture : std::uint8_t { knight, x86, amd64, armv7l, aarch64, ppc64le, riscv32, riscv64 };

enum class ByteMode : std::uint8_t { hex, octal, binary };

struct Hex2Config {
    Architecture architecture = Architecture::knight;
    bool big_endian = true;
    std::uint32_t base_address = 0;
    ByteMode byte_mode = ByteMode::hex;
};

struct M1Config {
    Architecture architecture = Architecture::knight;
    bool big_endian = true;
    ByteMode byte_mode = ByteMode::hex;
};

struct Input {
    std::string name;   // for messages only
    std::string bytes;  // the whole file, read once, when held in memory
    // Or the whole file mapped read-only (the CLIs map regular files, io.hpp): `mapped` views it
    // and `mapping` keeps it mapped for as long as some copy of the input lives.
    std::shared_ptr<const void> mapping{};
    std::string_view mapped{};

    // The input's bytes, wherever they are held: what the engines read.
    std::string_view view() const { return mapping ? mapped : std::string_view(bytes); }
};

enum class ErrorKind : std::uint8_t {
    // hex2
    undefined_label,
    displacement_out_of_range,
    unaligned_branch_target,
    riscv_field_out_of_range,
    unterminated_word,
    nul_in_name,
    // M1
    unterminated_string,
    nul_in_token,
    empty_input,
    macro_name_missing,
    macro_value_missing,
    immediate_out_of_range,
    negative_padding,
    invalid_other,
};

inline constexpr std::size_t no_file = static_cast<std::size_t>(-1);

struct Error {
    ErrorKind kind{};
    std::size_t file = no_file;  // index into the inputs, or no_file
    std::size_t offset = 0;      // byte offset in that input
    std::int64_t value = 0;      // the number the message shows, 0 when unused
    std::string subject;         // the name or token text the message shows, empty when unused

    friend bool operator==(const Error& a, const Error& b) {
        return a.kind == b.kind && a.file == b.file && a.offset == b.offset && a.value == b.value &&
               a.subject == b.subject;
    }
};

// Output bytes, or the error that rejected the input.
using Result = std::variant<std::string, Error>;

inline bool is_ok(const Result& r) { return std::holds_alternative<std::string>(r); }

// Receives an engine's output in order, possibly in several pieces. Streaming keeps the peak
// memory of a large run near the size of the input. A sink that cannot take the output (a full
// disk, the output limit) throws from write(), write_at() or expect_size(): the exception ends
// the engine's run and reaches its caller (the engines hold nothing an exception would leak, and
// a second thread's exception is passed to the first, runtime/pipeline.hpp).
class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write(std::string_view bytes) = 0;

    // The output will have at least `size` bytes (its exact size when the engine knows it), from
    // any thread, before or between the writes: a file takes its room at once instead of a block
    // at a time as writes extend it, and a sink with a limit refuses at once an output beyond it.
    virtual void expect_size(std::uint64_t size) { (void)size; }

    // Positional writes, for an engine that prints two parts of its output at once: the bytes at
    // `offset` of the output, whatever write() has reached. Only a sink that says it can (a file,
    // not a pipe) gets them, possibly from another thread while write() runs.
    virtual bool can_write_at() const { return false; }
    virtual void write_at(std::uint64_t offset, std::string_view bytes) {
        (void)offset;
        (void)bytes;
    }
};

// A quirk of mescc-tools 1.7.0 that strict mode reports (Coq: Quirks.quirk, in its order, which is
// FirstUses.quirk_rank; docs/strict.md).
enum class Quirk : std::uint8_t {
    duplicate_label,
    split_byte,
    nibble_across_files,
    misplaced_base,
    absolute_with_base,
    align_on_absolute,
    register_across_files,
    duplicate_define,
    use_before_define,
    off_by_one_range,
    octal_immediate,
    text_across_files,
    cr_in_token,
    comment_char_in_token,
    unknown_architecture_kept,
};

// A use of a quirk (Coq: Quirks.quirk_use): where, the text it is about, another place (the
// first definition, the DEFINE, the base name, where the name starts) and a number.
struct QuirkUse {
    Quirk quirk{};
    std::size_t file = 0;
    std::size_t offset = 0;
    std::string subject;
    std::size_t other_file = 0;
    std::size_t other_offset = 0;
    std::int64_t value = 0;

    friend bool operator==(const QuirkUse& a, const QuirkUse& b) {
        return a.quirk == b.quirk && a.file == b.file && a.offset == b.offset && a.subject == b.subject &&
               a.other_file == b.other_file && a.other_offset == b.other_offset && a.value == b.value;
    }
};

// What Hex2CheckFirst.check_first and M1CheckFirst.check_first return: the `k` earliest uses in
// input order (FirstUses.sort_uses) and how many uses there are.
struct QuirkUses {
    std::vector<QuirkUse> earliest;
    std::uint64_t count = 0;
};

class Engine {
public:
    virtual ~Engine() = default;
    virtual std::string_view name() const = 0;
    virtual Result link(const Hex2Config& config, const std::vector<Input>& inputs) const = 0;
    virtual Result assemble(const M1Config& config, const std::vector<Input>& inputs) const = 0;

    // The same results, with the output handed to a sink. Nothing reaches the sink when the
    // result is an error. By default the whole output is made first, then written.
    virtual std::optional<Error> link_to(const Hex2Config& config, const std::vector<Input>& inputs,
                                         OutputSink& sink) const;
    virtual std::optional<Error> assemble_to(const M1Config& config, const std::vector<Input>& inputs,
                                             OutputSink& sink) const;

    // Strict mode's checkers: the `k` earliest quirk uses of the program and how many there are.
    virtual QuirkUses strict_check(const Hex2Config& config, const std::vector<Input>& inputs,
                                   std::size_t k) const = 0;
    virtual QuirkUses strict_check(const M1Config& config, const std::vector<Input>& inputs,
                                   std::size_t k) const = 0;
};

// "fast" or "reference"; nullptr with a message in *why when the engine is unknown or not built.
// Defined by the registry (registry.cpp, library hexproof_engines), which links both engines.
std::unique_ptr<Engine> make_engine(std::string_view name, std::string* why);

// Names for the oracle, tests and fuzz targets (names.cpp); the drop-ins do not use them.
std::string_view architecture_name(Architecture a);
std::optional<Architecture> parse_architecture(std::string_view name);  // accepts knight-native/-posix
std::string_view error_kind_name(ErrorKind k);

}  // namespace hexproof
