// The fast hex2 engine: one pass over the lexer's tokens, then the references.
//
// The pass (LinkPass) walks every input in order, computing the address `ip` of every byte,
// storing each label's address (a later definition replaces an earlier one), writing data bytes
// and `<` padding at their final places in the output, and recording each reference as a small
// fix-up (its name's offset and its output position; Fixup). A lexical error stops it. Then the
// Resolver walks the fix-ups in input order, with every label known: it writes the reference
// fields and stops at the first resolution error, which is the first in input order, as upstream's
// second pass finds it (docs/contract.md, precedence). Upstream's two passes, and this engine's
// first version, read the input twice; this reads it once.
//
// RISC-V: the shift register is XORed into data bytes only, and its contents are linear in what is
// XORed into it. The pass applies the part it knows (`.` words) as it writes; the Resolver applies
// the part the word references make, over the same data bytes in the same order, skipping the
// fields and padding (padding is recorded as a fix-up in word mode for that).
//
// All address arithmetic is the C `int` arithmetic of upstream: 32 bits, wrapping, shifts
// arithmetic. It is done on std::uint32_t and read as std::int32_t where a sign matters; the
// displacements, ranges, padding and RISC-V fields are encoding.hpp's, named after Hex2Encode.v.
//
// Large inputs are read in two stretches at once (split.hpp): a second thread reads from a line
// start near the middle (Stretch) into its own bytes, labels and fix-ups, as if its output began
// at an address that is a multiple of 4. That holds the result whenever, where the first stretch
// ends, no byte digit is pending, no `^` waits, the shift register is empty, and (if the second
// stretch met a `<`) the address is indeed a multiple of 4. Then its bytes follow the first
// stretch's, its labels are looked up before the first stretch's (they come later, so they win;
// Labels), and each thread resolves its own stretch's fix-ups; what the first leaves in the shift
// register is carried past the second's fields afterwards (Resolver::carry_past). Otherwise the
// first thread reads on itself.
#include "hex2_fast.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "encoding.hpp"
#include "hex2_lexer.hpp"
#include "huge_pages.hpp"
#include "keyed_hash.hpp"
#include "pipeline.hpp"
#include "split.hpp"

namespace hexproof::hex2_fast {

namespace {

using hex2_lexer::Token;
using hex2_lexer::TokenKind;
using split::Place;

using encoding::ref_absolute;
using encoding::ref_size;
using encoding::word_arch;

// ---------------------------------------------------------------------------------------------
// Labels: open addressing, linear probing, keys are views into the inputs (no copies)
// ---------------------------------------------------------------------------------------------

// The hash of a name read from `input` (or of eof_name(), which lies elsewhere), keyed:
// keyed_hash.hpp says why, and how no input can make the names collide more than random ones.
inline std::uint32_t hash_name(const keyed_hash::Key& key, std::string_view name, std::string_view input) {
    const char* limit = name.data() == hex2_lexer::eof_name().data() ? name.data() + name.size() : input.data() + input.size();
    return keyed_hash::hash_bytes(key, name.data(), name.size(), limit);
}

class LabelMap {
public:
    explicit LabelMap(const keyed_hash::Key& key) : key_(key), slots_(1024), hashes_(1024) {}

    // The hash the map wants for a name read from `input`.
    std::uint32_t hash(std::string_view name, std::string_view input) const { return hash_name(key_, name, input); }

    // Defines `name` at `address`; a later definition of the same name wins.
    // `h` is hash(name, input).
    void assign(std::string_view name, std::uint32_t h, std::uint32_t address) {
        // Up to 3/4 full: linear probing stays short with this hash, and the table stays a small
        // part of peak memory (the benchmark allows 2x the input for everything).
        if (4 * (count_ + 1) > 3 * slots_.size()) grow(slots_.size() * 2);
        const std::size_t i = probe(name, h);
        Slot& s = slots_[i];
        if (s.data == nullptr) {
            s.data = name.data();
            s.tag = tag(name.size(), h);
            hashes_[i] = h;
            if (name.size() >= long_size) long_sizes_.emplace(name.data(), name.size());
            ++count_;
        }
        s.address = address;
    }

    std::optional<std::uint32_t> find(std::string_view name, std::uint32_t h) const {
        const Slot& s = slots_[probe(name, h)];
        if (s.data == nullptr) return std::nullopt;
        return s.address;
    }

    // Starts loading the slot where a probe for hash `h` begins: the table is larger than the
    // caches, and a lookup that waits for memory costs more than the rest of it.
    void prefetch(std::uint32_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }

    // Then starts loading the name that find() will compare with `name` (in the input, where it
    // was defined), once prefetch(h) has brought the slots in.
    void prefetch_name(std::string_view name, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t t = tag(name.size(), h);
        for (std::size_t i = h & mask; slots_[i].data != nullptr; i = (i + 1) & mask) {
            if (slots_[i].tag == t) {
                __builtin_prefetch(slots_[i].data);
                return;
            }
        }
    }

private:
    // Names always point into an input or at the static EOF name, never at nullptr, so a null
    // `data` marks a free slot. 16 bytes: the table is a visible part of peak memory when a
    // program has 10^5 labels. `tag` is the name's length (up to `long_size`) and eight bits of
    // its hash; the size of a name of `long_size` bytes or more is kept aside (long_sizes_).
    struct Slot {
        const char* data = nullptr;
        std::uint32_t tag = 0;
        std::uint32_t address = 0;
    };

    static constexpr std::size_t long_size = 0xFFFFFF;

    static std::uint32_t tag(std::size_t size, std::uint32_t h) {
        const std::size_t s = size < long_size ? size : long_size;
        return static_cast<std::uint32_t>(s << 8) | (h >> 24);
    }

    // The name a slot holds.
    std::string_view name_of(const Slot& s) const {
        const std::size_t n = s.tag >> 8;
        if (n != long_size) return std::string_view(s.data, n);
        return std::string_view(s.data, long_sizes_.at(s.data));
    }

    // The slot holding `name`, or the free slot where it would go.
    std::size_t probe(std::string_view name, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t t = tag(name.size(), h);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.data == nullptr) return i;
            if (s.tag == t) {
                if (name.size() < long_size ? std::memcmp(s.data, name.data(), name.size()) == 0 : name_of(s) == name)
                    return i;
            }
        }
    }

    // Moves every label to a table of `size` slots; their hashes are kept beside the slots, so
    // that no name is read again.
    void grow(std::size_t size) {
        std::vector<Slot> old(size);
        std::vector<std::uint32_t> old_hashes(size);
        old.swap(slots_);
        old_hashes.swap(hashes_);
        const std::size_t mask = size - 1;
        for (std::size_t j = 0; j != old.size(); ++j) {
            if (old[j].data == nullptr) continue;
            std::size_t i = old_hashes[j] & mask;
            while (slots_[i].data != nullptr) i = (i + 1) & mask;
            slots_[i] = old[j];
            hashes_[i] = old_hashes[j];
        }
    }

    const keyed_hash::Key& key_;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> hashes_;  // by slot: the hash of its name
    std::unordered_map<const char*, std::size_t> long_sizes_;  // by name start, for long names
    std::size_t count_ = 0;
};

// Every label of the inputs, as the resolution looks them up: those of the first stretch, and over
// them those of the second stretch if there is one (they come later, so they win), whose
// addresses are `shift` short. Looking in two maps costs less than merging them.
class Labels {
public:
    Labels(const LabelMap& first, const LabelMap* second, std::uint32_t shift)
        : first_(first), second_(second), shift_(shift) {}

    std::uint32_t hash(std::string_view name, std::string_view input) const { return first_.hash(name, input); }
    std::optional<std::uint32_t> find(std::string_view name, std::uint32_t h) const {
        if (second_ != nullptr)
            if (const std::optional<std::uint32_t> a = second_->find(name, h)) return *a + shift_;
        return first_.find(name, h);
    }
    void prefetch(std::uint32_t h) const {
        first_.prefetch(h);
        if (second_ != nullptr) second_->prefetch(h);
    }
    void prefetch_name(std::string_view name, std::uint32_t h) const {
        first_.prefetch_name(name, h);
        if (second_ != nullptr) second_->prefetch_name(name, h);
    }

private:
    const LabelMap& first_;
    const LabelMap* second_;
    std::uint32_t shift_;
};

// ---------------------------------------------------------------------------------------------
// Byte digits
// ---------------------------------------------------------------------------------------------

// The value of each byte digit of a byte mode; `not_digit` for every other byte.
constexpr unsigned char not_digit = 0xFF;

constexpr std::array<unsigned char, 256> make_digit_values(ByteMode mode) {
    std::array<unsigned char, 256> t{};
    for (auto& v : t) v = not_digit;
    const int decimal = mode == ByteMode::hex ? 10 : mode == ByteMode::octal ? 8 : 2;
    for (int c = 0; c < decimal; ++c) t['0' + c] = static_cast<unsigned char>(c);
    if (mode == ByteMode::hex) {
        for (int c = 0; c < 6; ++c) {
            t['a' + c] = static_cast<unsigned char>(10 + c);
            t['A' + c] = static_cast<unsigned char>(10 + c);
        }
    }
    return t;
}

inline constexpr std::array<std::array<unsigned char, 256>, 3> digit_value_tables = {
    make_digit_values(ByteMode::hex), make_digit_values(ByteMode::octal), make_digit_values(ByteMode::binary)};

// ---------------------------------------------------------------------------------------------
// Fix-ups: the references, resolved once every label is known
// ---------------------------------------------------------------------------------------------

// One reference (or, in RISC-V word mode, one `<` padding) in input order, in two offsets of type
// `Off`: 32 bits whenever the inputs are small enough that no offset or output position can
// overflow 31 bits (every input byte makes at most four output bytes), 64 bits otherwise. The
// rest is read back from the input: the sigil is the byte before the name, the name runs to its
// ending byte, and a `>` there starts the base name.
template <typename Off>
struct Fixup {
    // The offset of the name in its input (the input's size when the sigil is its last byte: the
    // name is eof_name()); for a padding event, `padding - n` with n the bytes of padding.
    Off name = 0;
    // The output position of the field (of the next output byte for a RISC-V word reference or
    // a padding event), with `aligned` set when the reference consumes a `^`.
    Off pos = 0;

    static constexpr Off aligned = static_cast<Off>(1) << (8 * sizeof(Off) - 1);
    static constexpr Off padding = static_cast<Off>(-1);
    bool is_padding() const { return name >= padding - 3; }
};

// Records appended in chunks: no reallocation copies, so the peak stays near the records' size.
template <typename T>
class Chunked {
public:
    static constexpr std::size_t chunk = 8192;

    void push(const T& v) {
        if (fill_ == chunk || chunks_.empty()) {
            chunks_.emplace_back(new T[chunk]);
            fill_ = 0;
        }
        chunks_.back()[fill_++] = v;
    }
    std::size_t size() const { return chunks_.empty() ? 0 : (chunks_.size() - 1) * chunk + fill_; }
    const T& operator[](std::size_t i) const { return chunks_[i / chunk][i % chunk]; }
    void clear() {
        chunks_.clear();
        chunks_.shrink_to_fit();
        fill_ = 0;
    }

private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t fill_ = 0;
};

// The output: a string whose capacity, reserved once, bounds any output of the inputs (pages never
// written are never touched, so they cost no memory). Its size runs a little ahead of the bytes
// written, a step at a time, so that growing it (which zero-fills) is rare; the string is the
// result, so nothing is copied at the end. No huge pages are asked for: a 2 MiB page is taken
// whole where the output ends inside it, and under `make bench` that raised the peak memory of a
// 7 MiB input from 1.87x to 2.11x of its size, for a few percent of time on the largest inputs.
class Output {
public:
    explicit Output(std::size_t capacity) { bytes_.reserve(capacity); }

    unsigned char* at(std::size_t pos) { return reinterpret_cast<unsigned char*>(&bytes_[0]) + pos; }
    // Makes room for `n` more bytes after `pos`.
    void reserve(std::size_t pos, std::size_t n) {
        if (n <= bytes_.size() - pos) return;
        constexpr std::size_t step = std::size_t{1} << 18;
        std::size_t size = bytes_.size() + step;
        if (size > bytes_.capacity()) size = bytes_.capacity();
        if (size < pos + n) size = pos + n;
        bytes_.resize(size);
    }
    // Moves the first `n` bytes of `from` to `pos` on, freeing them as it goes (a copy of the
    // whole would hold both at once, a visible part of peak memory); `from` is left empty.
    void append_moving(std::size_t pos, Output& from, std::size_t n) {
        reserve(pos, n);
        constexpr std::size_t chunk = std::size_t{1} << 21;
        for (std::size_t done = 0; done < n; done += chunk) {
            const std::size_t m = n - done < chunk ? n - done : chunk;
            std::memcpy(at(pos + done), from.at(done), m);
            release_pages(from.at(done), m);
        }
        std::string().swap(from.bytes_);
    }

    // The output, `size` bytes.
    std::string take(std::size_t size) {
        bytes_.resize(size);
        return std::move(bytes_);
    }

private:
    std::string bytes_;
};

// ---------------------------------------------------------------------------------------------
// The pass: bytes at their final positions, labels, fix-ups
// ---------------------------------------------------------------------------------------------

template <typename Off>
class LinkPass final : public hex2_lexer::TokenSink {
public:
    using Record = Fixup<Off>;

    // `base` is the address of the first byte it writes; `stop`, when set, makes it stop early.
    LinkPass(const Hex2Config& config, std::uint32_t base, LabelMap& labels, Output& out, Chunked<Record>& fixups,
             const std::atomic<bool>* stop)
        : config_(config),
          base_(base),
          stop_(stop),
          labels_(labels),
          out_(out),
          fixups_(fixups),
          per_byte_(hex2_lexer::digits_per_byte(config.byte_mode)),
          radix_(config.byte_mode == ByteMode::hex ? 16u : config.byte_mode == ByteMode::octal ? 8u : 2u),
          values_(digit_value_tables[static_cast<std::size_t>(config.byte_mode)].data()),
          pads_(encoding::pads(config.architecture)),
          riscv_(word_arch(config.architecture)),
          reads_caret_(encoding::reads_caret(config.architecture)) {}

    // The byte-digit state resets at the start of each file; `^`, the shift register and `ip` do not.
    void start_file(std::string_view input) {
        input_ = input;
        hold_ = 0;
        pending_ = 0;
    }

    std::size_t written() const { return pos_; }
    std::uint32_t ip() const { return base_ + static_cast<std::uint32_t>(pos_); }
    // An incomplete byte is pending (the lexer counts these digits too, for `.` words).
    bool holds_digits() const { return pending_ != 0; }
    // A `^` waits, or the shift register holds bytes for the next data bytes.
    bool carries_state() const { return aligned_ || shift_ != 0; }
    // A `<` was read where it pads: the bytes written depend on `base`.
    bool padded() const { return padded_; }

    bool consume(const Token* tokens, std::size_t count) override {
        if (stop_ != nullptr && stop_->load(std::memory_order_relaxed)) return false;
        // The labels' hashes, and their slots prefetched, before any is stored.
        label_hashes_.resize(count);
        for (std::size_t i = 0; i != count; ++i) {
            if (tokens[i].kind != TokenKind::label) continue;
            label_hashes_[i] = labels_.hash(tokens[i].text, input_);
            labels_.prefetch(label_hashes_[i]);
        }
        for (const Token* t = tokens; t != tokens + count; ++t) {
            switch (t->kind) {
                case TokenKind::data: data(t->text, t->digits); break;
                case TokenKind::word_digits:
                    word_digits(t->text, t->digits);
                    if (t->completes_word) {
                        // The four bytes as read, first most significant; swapped when little endian.
                        shift_ ^= encoding::word_swap(config_.big_endian, word_);
                        word_ = 0;
                    }
                    break;
                case TokenKind::label: labels_.assign(t->text, label_hashes_[static_cast<std::size_t>(t - tokens)], ip()); break;
                case TokenKind::reference: reference(*t); break;
                case TokenKind::align:
                    if (pads_) {
                        padded_ = true;
                        const unsigned n = encoding::pad_size(config_.architecture, ip());
                        if (n != 0) {
                            if (riscv_) {  // the resolver's shift register skips padding
                                Record r;
                                r.name = static_cast<Off>(Record::padding - n);
                                r.pos = static_cast<Off>(pos_);
                                fixups_.push(r);
                            }
                            out_.reserve(pos_, n);
                            std::memset(out_.at(pos_), 0, n);
                            pos_ += n;
                        }
                    }
                    break;
                case TokenKind::flag: aligned_ = reads_caret_; break;
            }
        }
        return true;
    }

private:
    void reference(const Token& t) {
        Record r;
        r.name = static_cast<Off>(hex2_lexer::name_offset(input_, t.text));
        r.pos = static_cast<Off>(pos_);
        if (!t.word_reference) {
            if (t.base.data() == nullptr && aligned_) {
                r.pos |= Record::aligned;
                aligned_ = false;
            }
            const unsigned width = ref_size(t.sigil);
            out_.reserve(pos_, width);
            pos_ += width;
        }
        fixups_.push(r);
    }

    // A data stretch outside a word: complete bytes are written, XORed with the shift register.
    void data(std::string_view d, std::size_t digits) {
        out_.reserve(pos_, digits);
        const auto* p = reinterpret_cast<const unsigned char*>(d.data());
        const auto* const e = p + d.size();
        unsigned char* o = out_.at(pos_);
        unsigned char* const start = o;
        if (per_byte_ == 2) {
            while (p != e) {
                const unsigned v = values_[*p];
                if (v == not_digit) {
                    ++p;
                } else if (pending_ != 0) {
                    *o++ = static_cast<unsigned char>((hold_ << 4) | v);
                    pending_ = 0;
                    ++p;
                } else if (e - p >= 2 && values_[p[1]] != not_digit) {
                    *o++ = static_cast<unsigned char>((v << 4) | values_[p[1]]);
                    p += 2;
                } else {
                    hold_ = v;
                    pending_ = 1;
                    ++p;
                }
            }
        } else {
            for (; p != e; ++p) {
                const unsigned v = values_[*p];
                if (v == not_digit) continue;
                hold_ = hold_ * radix_ + v;
                if (++pending_ == per_byte_) {
                    *o++ = static_cast<unsigned char>(hold_);  // octal: mod 256
                    hold_ = 0;
                    pending_ = 0;
                }
            }
        }
        pos_ += static_cast<std::size_t>(o - start);
        // One shift-register byte per written byte, lowest first; four bytes empty it.
        for (unsigned char* b = start; shift_ != 0 && b != o; ++b) {
            *b ^= static_cast<unsigned char>(shift_ & 0xFFu);
            shift_ >>= 8;
        }
    }

    // Byte digits inside a `.` word: each completed byte (octal: the whole 9-bit value) is
    // shifted into the word; nothing is written and `ip` does not move.
    void word_digits(std::string_view d, std::size_t digits) {
        if (per_byte_ == 2 && pending_ == 0 && digits == 8 && d.size() == 8) {  // the usual `.XXXXXXXX`
            std::uint32_t w = 0;
            for (const char c : d) w = (w << 4) | values_[static_cast<unsigned char>(c)];
            word_ = w;  // these are all four bytes of the word (need is 8 digits when none is pending)
            return;
        }
        for (const char c : d) {
            const unsigned v = values_[static_cast<unsigned char>(c)];
            if (v == not_digit) continue;
            hold_ = hold_ * radix_ + v;
            if (++pending_ == per_byte_) {
                word_ = (word_ << 8) ^ hold_;
                hold_ = 0;
                pending_ = 0;
            }
        }
    }

    const Hex2Config& config_;
    std::uint32_t base_;
    const std::atomic<bool>* stop_;
    LabelMap& labels_;
    Output& out_;
    Chunked<Record>& fixups_;
    unsigned per_byte_;
    unsigned radix_;
    const unsigned char* values_;
    bool pads_;
    bool riscv_;
    bool reads_caret_;
    std::size_t pos_ = 0;
    std::string_view input_;
    unsigned hold_ = 0;        // value of the digits of an incomplete byte
    unsigned pending_ = 0;     // how many digits that is
    bool aligned_ = false;     // `^` seen and not yet consumed (where a reference reads it)
    bool padded_ = false;
    std::uint32_t shift_ = 0;  // the RISC-V shift register: the part known while reading (`.` words)
    std::uint32_t word_ = 0;   // the `.` word being read
    std::vector<std::uint32_t> label_hashes_;  // consume()'s, by token
};

// ---------------------------------------------------------------------------------------------
// Resolution: the fix-ups in input order, after the last label
// ---------------------------------------------------------------------------------------------

template <typename Off>
class Resolver {
public:
    using Record = Fixup<Off>;

    // `stop`, when set, makes resolve() stop early (with no error).
    Resolver(const Hex2Config& config, const Labels& labels, unsigned char* out, std::size_t size,
             const std::atomic<bool>* stop = nullptr)
        : config_(config),
          labels_(labels),
          word_mode_(word_arch(config.architecture)),
          out_(out),
          size_(size),
          stop_(stop) {}

    // Resolves the fix-ups of input `file` (`input`), `first` to `last`, whose output positions
    // are `shift` short (they come from a later stretch); false (and error()) at the first error.
    bool resolve(std::size_t file, std::string_view input, const Chunked<Record>& fixups, std::size_t first,
                 std::size_t last, std::size_t shift) {
        file_ = file;
        input_ = input;
        // The names `ahead` fix-ups on are read and hashed, and their label slots prefetched.
        constexpr std::size_t ahead = 16;
        std::array<Named, ahead> ring{};
        const auto prepare = [&](std::size_t j) {
            const Record& r = fixups[j];
            if (r.is_padding()) return;
            Named& n = ring[j % ahead];
            n.name = name_at(static_cast<std::size_t>(r.name));
            n.hash = labels_.hash(n.name, input_);
            labels_.prefetch(n.hash);
        };
        for (std::size_t j = first; j != last && j != first + ahead; ++j) prepare(j);
        for (std::size_t i = first; i != last; ++i) {
            if (stop_ != nullptr && i % 4096 == 0 && stop_->load(std::memory_order_relaxed)) return true;
            const Record& r = fixups[i];
            const Named n = ring[i % ahead];
            if (last - i > ahead) prepare(i + ahead);
            if (last - i > ahead / 2 && !fixups[i + ahead / 2].is_padding()) {
                const Named& m = ring[(i + ahead / 2) % ahead];
                labels_.prefetch_name(m.name, m.hash);
            }
            const std::size_t pos = position(r, shift);
            if (r.is_padding()) {  // RISC-V padding: not XORed
                shift_to(pos);
                cursor_ = pos + static_cast<std::size_t>(Record::padding - r.name);
                continue;
            }
            if (!reference(r, n, pos)) return false;
        }
        return true;
    }

    // What is left of the shift register after the fix-ups resolved so far goes to the data bytes
    // after them, past the fields and padding of the fix-ups `first` to `last` of input `input`
    // (positions `shift` short), which another Resolver resolved. The shift register is linear in
    // what the references XOR into it, so that Resolver's part and this one's add up.
    void carry_past(std::string_view input, const Chunked<Record>& fixups, std::size_t first, std::size_t last,
                    std::size_t shift) {
        for (std::size_t i = first; shift_ != 0 && i != last; ++i) {
            const Record& r = fixups[i];
            const std::size_t pos = position(r, shift);
            shift_to(pos);
            if (r.is_padding()) {
                cursor_ = pos + static_cast<std::size_t>(Record::padding - r.name);
            } else {
                const char sigil = input[static_cast<std::size_t>(r.name) - 1];
                if (!in_word(sigil)) cursor_ = pos + ref_size(sigil);
            }
        }
    }

    // After the last fix-up: the rest of the output gets what is left of the shift register.
    void finish() { shift_to(size_); }

    std::optional<Error>& error() { return error_; }

private:
    struct Named {
        std::string_view name;
        std::uint32_t hash = 0;
    };

    // Where a fix-up's field (or padding, or word) is in the output, its stretch starting `shift`
    // bytes in.
    static std::size_t position(const Record& r, std::size_t shift) {
        return static_cast<std::size_t>(r.pos & ~Record::aligned) + shift;
    }

    // A reference with this sigil goes into the RISC-V shift register, not into a field of its own.
    bool in_word(char sigil) const { return word_mode_ && encoding::is_word_immediate(sigil); }

    // The data bytes from the cursor up to `pos` get the shift register's next bytes.
    void shift_to(std::size_t pos) {
        for (; shift_ != 0 && cursor_ < pos; ++cursor_) {
            out_[cursor_] ^= static_cast<unsigned char>(shift_ & 0xFFu);
            shift_ >>= 8;
        }
        cursor_ = pos;
    }

    // The name at offset `at` of the input (as the lexer read it).
    std::string_view name_at(std::size_t at) const {
        if (at == input_.size()) return hex2_lexer::eof_name();
        return input_.substr(at, hex2_lexer::name_length(input_, at));
    }

    std::optional<std::uint32_t> lookup(std::string_view name, std::uint32_t h) {
        std::optional<std::uint32_t> a = labels_.find(name, h);
        if (!a) fail(ErrorKind::undefined_label, hex2_lexer::name_offset(input_, name), 0, name);
        return a;
    }

    bool fail(ErrorKind kind, std::size_t offset, std::int64_t value, std::string_view subject) {
        Error e;
        e.kind = kind;
        e.file = file_;
        e.offset = offset;
        e.value = value;
        e.subject = std::string(subject);
        error_ = std::move(e);
        return false;
    }

    // A reference: its sigil is the byte before its name.
    // `n` is its name and the name's hash; `pos` is where its field goes.
    bool reference(const Record& r, const Named& n, std::size_t pos) {
        const auto name_offset = static_cast<std::size_t>(r.name);
        const std::size_t at = name_offset - 1;  // the sigil
        const char sigil = input_[at];
        const std::string_view name = n.name;
        if (in_word(sigil)) {
            shift_to(pos);
            return word_reference(sigil, at, n, pos);
        }
        // `!@$~%&` outside RISC-V word mode, and `%&` in it: a 1..4-byte field.
        const unsigned width = ref_size(sigil);
        shift_to(pos);
        cursor_ = pos + width;
        const std::uint32_t ip = config_.base_address + static_cast<std::uint32_t>(pos + width);
        const std::optional<std::uint32_t> target = lookup(name, n.hash);
        if (!target) return false;
        std::uint32_t relative;
        const std::size_t end = name_offset + name.size();  // eof_name() only when the input ends
        if (name_offset != input_.size() && end != input_.size() && input_[end] == '>') {
            const std::string_view base_name = name_at(end + 1);
            const std::optional<std::uint32_t> base = lookup(base_name, labels_.hash(base_name, input_));
            if (!base) return false;
            relative = *target - *base;
        } else {
            const std::optional<std::uint32_t> d =
                encoding::arch_displacement(config_.architecture, (r.pos & Record::aligned) != 0, *target, ip);
            if (!d) return fail(ErrorKind::unaligned_branch_target, at, 0, name);
            relative = *d;
        }
        const std::uint32_t value = ref_absolute(sigil) ? *target : relative;
        const std::int32_t v = encoding::s32(value);
        if (!encoding::ref_fits(sigil, v)) return fail(ErrorKind::displacement_out_of_range, at, v, {});
        unsigned char* f = out_ + pos;
        for (unsigned i = 0; i != width; ++i) {
            const unsigned b = config_.big_endian ? width - 1 - i : i;
            f[i] = static_cast<unsigned char>(value >> (8 * b));
        }
        return true;
    }

    // RISC-V `!@$~`: an immediate XORed into the shift register; no space, no `>base`.
    bool word_reference(char sigil, std::size_t at, const Named& n, std::size_t pos) {
        const std::optional<std::uint32_t> target = lookup(n.name, n.hash);
        if (!target) return false;
        // The displacement from the instruction (arch_displacement on RISC-V is t - b).
        const std::uint32_t v = *target - (config_.base_address + static_cast<std::uint32_t>(pos));
        const std::optional<std::uint32_t> field = encoding::riscv_field(sigil, v);
        if (!field) return fail(ErrorKind::riscv_field_out_of_range, at, encoding::s32(v), {});
        shift_ ^= *field;
        return true;
    }

    const Hex2Config& config_;
    const Labels& labels_;
    bool word_mode_;
    unsigned char* out_;
    std::size_t size_;
    const std::atomic<bool>* stop_;
    std::size_t file_ = 0;
    std::string_view input_;
    // The RISC-V shift register's part that word references make: it reaches the data bytes from
    // `cursor_` on (fields and padding are skipped by moving the cursor past them).
    std::uint32_t shift_ = 0;
    std::size_t cursor_ = 0;
    std::optional<Error> error_;
};

// The end of one input's fix-ups in a stretch's list (they start where the previous segment ends).
struct Segment {
    std::size_t file = 0;
    std::size_t fixups_end = 0;
};

// What one thread reads: the bytes it writes, the labels it defines and its fix-ups, by input.
template <typename Off>
class Stretch {
public:
    Stretch(const Hex2Config& config, std::uint32_t base, std::size_t capacity, const keyed_hash::Key& key,
            const std::atomic<bool>* stop)
        : options_{config.byte_mode, word_arch(config.architecture)},
          labels(key),
          out(capacity),
          pass(config, base, labels, out, fixups, stop) {}
    Stretch(const Stretch&) = delete;
    Stretch& operator=(const Stretch&) = delete;

    // Reads the inputs from `from` to `to`. `resume` when this stretch read up to `from`: an input
    // it had started is read on, not started again. Sets word_cut when the input at `to` is cut
    // inside a `.` word.
    std::optional<Error> read(const std::vector<Input>& inputs, Place from, Place to, bool resume) {
        for (std::size_t f = from.file; f < to.file || (f == to.file && to.offset != 0); ++f) {
            const std::string_view view = inputs[f].view();
            const std::size_t begin = f == from.file ? from.offset : 0;
            const std::size_t end = f == to.file ? to.offset : view.size();
            if (!(resume && f == from.file && from.offset != 0)) pass.start_file(view);
            if (const auto e = hex2_lexer::lex(view.substr(begin, end - begin), options_, pass)) {
                word_cut = e->kind == ErrorKind::unterminated_word && end != view.size();
                Error error;
                error.kind = e->kind;
                error.file = f;
                error.offset = begin + e->offset;
                return error;
            }
            segments.push_back({f, fixups.size()});
        }
        return std::nullopt;
    }

private:
    hex2_lexer::Options options_;

public:
    LabelMap labels;
    Output out;
    Chunked<Fixup<Off>> fixups;
    std::vector<Segment> segments;
    LinkPass<Off> pass;  // last: it writes into the members above
    bool word_cut = false;
};

// Where the second thread starts: a line start near the middle. Where `<` pads, the line after a
// line that starts with `<`, if one comes soon: the first stretch then ends at an address that is
// a multiple of 4, as the second thread assumes.
std::optional<Place> cut_place(const Hex2Config& config, const std::vector<Input>& inputs, std::size_t total) {
    const std::optional<Place> middle = split::middle_line_start(inputs, total);
    if (!middle || !encoding::pads(config.architecture) || middle->offset == 0) return middle;
    constexpr std::size_t window = std::size_t{1} << 20;
    const std::string_view bytes = inputs[middle->file].view();
    const std::size_t newline = middle->offset - 1;
    const std::size_t align = bytes.substr(newline, window).find("\n<");
    if (align == std::string_view::npos) return middle;
    const std::size_t end_of_line = bytes.find('\n', newline + align + 2);
    if (end_of_line == std::string_view::npos || end_of_line + 1 == bytes.size()) return middle;
    return Place{middle->file, end_of_line + 1};
}

// Calls visit(file, first, last) for each input's run of `stretch`'s fix-ups, in order, until
// it returns false; false then.
template <typename Off, typename Visit>
bool each_segment(const Stretch<Off>& stretch, Visit&& visit) {
    std::size_t begin = 0;
    for (const Segment& s : stretch.segments) {
        if (!visit(s.file, begin, s.fixups_end)) return false;
        begin = s.fixups_end;
    }
    return true;
}

// Resolves the fix-ups of `stretch`, whose output positions are `shift` short.
template <typename Off>
std::optional<Error> resolve_stretch(Resolver<Off>& resolver, const std::vector<Input>& inputs,
                                     const Stretch<Off>& stretch, std::size_t shift) {
    if (each_segment(stretch, [&](std::size_t file, std::size_t first, std::size_t last) {
            return resolver.resolve(file, inputs[file].view(), stretch.fixups, first, last, shift);
        }))
        return std::nullopt;
    return std::move(*resolver.error());
}

// The output: `first`'s bytes, then `second`'s if there is one, all references resolved (each
// stretch's on a thread of its own when there are two).
template <typename Off>
Result resolve_and_take(const Hex2Config& config, const std::vector<Input>& inputs, Stretch<Off>& first,
                        Stretch<Off>* second) {
    const std::size_t first_size = first.pass.written();
    std::size_t size = first_size;
    if (second != nullptr) {
        const std::size_t n = second->pass.written();
        first.out.append_moving(first_size, second->out, n);
        size += n;
    }
    const Labels labels(first.labels, second != nullptr ? &second->labels : nullptr,
                        config.base_address + static_cast<std::uint32_t>(first_size));
    unsigned char* const out = first.out.at(0);
    Resolver<Off> resolver(config, labels, out, size);
    std::optional<Resolver<Off>> second_resolver;
    std::optional<Error> second_error;
    std::optional<pipeline::Helper> helper;
    if (second != nullptr) {
        try {
            helper.emplace([&](const std::atomic<bool>& stop) {
                second_resolver.emplace(config, labels, out, size, &stop);
                second_error = resolve_stretch(*second_resolver, inputs, *second, first_size);
                if (!second_error) second_resolver->finish();
            });
        } catch (const std::system_error&) {  // no second thread: this one resolves both
        }
    }
    if (std::optional<Error> e = resolve_stretch(resolver, inputs, first, 0)) return std::move(*e);
    if (second != nullptr && !helper) {
        if (std::optional<Error> e = resolve_stretch(resolver, inputs, *second, first_size)) return std::move(*e);
    } else if (second != nullptr) {
        helper->wait();
        if (second_error) return std::move(*second_error);
        each_segment(*second, [&](std::size_t file, std::size_t first_fixup, std::size_t last_fixup) {
            resolver.carry_past(inputs[file].view(), second->fixups, first_fixup, last_fixup, first_size);
            return true;
        });
    }
    resolver.finish();
    return first.out.take(size);
}

// Every input byte makes at most four output bytes (`%` then the end of the file), and data
// takes at least two bytes of text per byte; twice the input covers real programs. Pages the
// output never reaches are never touched.
std::size_t output_capacity(std::size_t input_bytes) { return 2 * input_bytes + 64; }

// The result read in two stretches, the second from `cut` on a thread of its own; nullopt when
// one thread must read it all again (the first stretch ends inside a `.` word, or with a byte
// digit pending, which the lexer of the second stretch would count differently).
template <typename Off>
std::optional<Result> link_in_two_stretches(const Hex2Config& config, const std::vector<Input>& inputs,
                                            std::size_t total, Place cut, const keyed_hash::Key& key) {
    const Place end{inputs.size(), 0};
    const std::size_t first_bytes = split::bytes_before(inputs, cut);
    std::optional<Stretch<Off>> second;
    std::optional<Error> second_error;
    std::optional<pipeline::Helper> helper;
    try {
        helper.emplace([&](const std::atomic<bool>& stop) {
            second.emplace(config, 0u, output_capacity(total - first_bytes), key, &stop);
            second_error = second->read(inputs, cut, end, false);
        });
    } catch (const std::system_error&) {  // no second thread: the first reads on
    }
    Stretch<Off> first(config, config.base_address, output_capacity(total), key, nullptr);
    if (std::optional<Error> e = first.read(inputs, Place{}, cut, false)) {
        if (first.word_cut) return std::nullopt;
        return Result(std::move(*e));
    }
    if (cut.offset != 0 && first.pass.holds_digits()) return std::nullopt;  // a new input starts afresh
    bool take_second = helper.has_value() && !first.pass.carries_state();
    if (take_second) {
        helper->wait();
        take_second = !second->pass.padded() || (first.pass.ip() & 3u) == 0;
    }
    if (!take_second) {
        helper.reset();
        if (std::optional<Error> e = first.read(inputs, cut, end, true)) return Result(std::move(*e));
        return resolve_and_take<Off>(config, inputs, first, nullptr);
    }
    if (second_error) return Result(std::move(*second_error));
    return resolve_and_take<Off>(config, inputs, first, &*second);
}

template <typename Off>
Result link_with(const Hex2Config& config, const std::vector<Input>& inputs, std::size_t total,
                 Threading threading, const keyed_hash::Key& key) {
    if (split::uses_second_thread(threading, total))
        if (const std::optional<Place> cut = cut_place(config, inputs, total))
            if (std::optional<Result> result = link_in_two_stretches<Off>(config, inputs, total, *cut, key))
                return std::move(*result);
    Stretch<Off> all(config, config.base_address, output_capacity(total), key, nullptr);
    if (std::optional<Error> e = all.read(inputs, Place{}, Place{inputs.size(), 0}, false)) return std::move(*e);
    return resolve_and_take<Off>(config, inputs, all, nullptr);
}

}  // namespace

Result link(const Hex2Config& config, const std::vector<Input>& inputs, Threading threading, const keyed_hash::Key& key) {
    const std::size_t total = split::total_size(inputs);
    // 32-bit offsets while four times the input fits with room to spare.
    if (total < (std::size_t{1} << 29)) return link_with<std::uint32_t>(config, inputs, total, threading, key);
    return link_with<std::uint64_t>(config, inputs, total, threading, key);
}

}  // namespace hexproof::hex2_fast
