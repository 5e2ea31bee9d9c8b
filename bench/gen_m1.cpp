// bench/gen_m1.cpp: deterministic generator of large, realistic M1 programs for `make bench`.
//
// The benchmark needs inputs that look like what a compiler (M2-Planet, MesCC) hands to M1 and hex2:
// a table of instruction DEFINEs, then many functions made of labelled basic blocks, calls, branches,
// string literals, global data and jump tables, with comments sprinkled in. This program writes such a
// program for amd64 or riscv64 (both little endian) of a requested size, together with an ELF header
// written in hex2 that goes in front of M1's output when linking. Everything here was written for
// hexproof: the instruction tables are ours, computed from the ISA encodings, not copied from stage0.
//
// The generator is a tiny stack-machine "compiler back end": the arch-neutral part (class Generator)
// invents statements and expressions; an arch back end (class Amd64 / Riscv64) turns each operation into
// M1 lines and knows the exact number of bytes each line becomes. Exact sizes let the generator choose
// short branches (amd64 `!label`, riscv `@label`) and near calls (riscv `$label`) only where hex2 will
// accept them, so every reference is in range and linking succeeds.
//
// Only features on which Debian's mescc-tools 1.4.0 and upstream 1.7.0 agree are used: no `$`/`&`
// immediates in M1 (1.4.0 leaves them as text), no quoted DEFINE values, no riscv `$N` constant, M1
// immediates well inside their signed ranges.
//
// Usage: hexproof_bench_gen --arch amd64|riscv64 --size BYTES [--seed N] --m1 OUT.M1 --elf OUT.hex2
// Prints one summary line (sizes and counts, and the exact size hex2 will produce) on stdout.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "encoding.hpp"
#include "rng.hpp"
#include "write_file.hpp"

namespace hexproof::bench {
namespace {

// ---------------------------------------------------------------------------------------------------
// Output text plus the address hex2 will give the next byte.

struct Code {
    std::string text;
    int64_t ip = 0;
};

constexpr int64_t kBaseAddress = 0x00600000;
constexpr int64_t kElfHeaderSize = 64 + 56;  // one ELF64 header and one program header

std::string hex_le(uint64_t value, int bytes) {
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (int i = 0; i < bytes; ++i) {
        unsigned b = (value >> (8 * i)) & 0xFF;
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

struct Stats {
    uint64_t labels = 0;
    uint64_t references = 0;
    uint64_t immediates = 0;
    uint64_t strings = 0;
    uint64_t functions = 0;
};

enum class BinOp { Add, Sub, Mul, And, Or, Xor, Shl, Sar, Div, Mod, Lt, Le, Gt, Ge, Eq, Ne };
constexpr BinOp kArith[] = {BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::And, BinOp::Or,
                            BinOp::Xor, BinOp::Shl, BinOp::Sar, BinOp::Div, BinOp::Mod,
                            BinOp::Add, BinOp::Sub, BinOp::Add};
constexpr BinOp kCompare[] = {BinOp::Lt, BinOp::Le, BinOp::Gt, BinOp::Ge, BinOp::Eq, BinOp::Ne};

// Branch encodings: Short is the compact form with a small range (amd64 rel8, riscv B-type), Near
// reaches anywhere inside a function (amd64 rel32, riscv branch over a J-type jal).
enum class Form { Short, Near };

// ---------------------------------------------------------------------------------------------------
// Arch back end: the DEFINE table, the ELF header, and one method per stack-machine operation. The
// primary register holds expression values (rax / a0), the secondary the popped left operand (rbx / a1).

class Backend {
public:
    explicit Backend(Stats& stats) : stats_(stats) {}
    virtual ~Backend() = default;

    virtual const char* arch() const = 0;
    virtual void defines(std::string& out) = 0;
    virtual void elf_header(std::string& out) const = 0;

    virtual void start(Code& c, const std::string& main_fn) = 0;
    virtual void prologue(Code& c, int locals) = 0;
    virtual void epilogue(Code& c) = 0;
    virtual void load_local(Code& c, int slot) = 0;
    virtual void load_param(Code& c, int index) = 0;
    virtual void store_local(Code& c, int slot) = 0;
    virtual void load_imm(Code& c, int32_t value) = 0;
    virtual void load_addr(Code& c, const std::string& label, bool absolute) = 0;
    virtual void load_global(Code& c, const std::string& label, bool absolute) = 0;
    virtual void store_global(Code& c, const std::string& label) = 0;
    virtual void deref(Code& c, bool byte) = 0;
    virtual void store_through(Code& c, bool byte) = 0;     // *secondary = primary
    virtual void store_const_half(Code& c, int value) = 0;  // *(short*)secondary = value
    virtual void add_imm(Code& c, int value) = 0;
    virtual void push(Code& c) = 0;
    virtual void pop_secondary(Code& c) = 0;
    virtual void binop(Code& c, BinOp op) = 0;

    // Conditional branch to `label` taken when the primary is zero; `delta` = target - start of sequence.
    virtual int cond_size(Form f) const = 0;
    virtual bool cond_fits(Form f, int64_t delta) const = 0;
    virtual void cond_branch(Code& c, Form f, const std::string& label) = 0;
    virtual int jump_size(Form f) const = 0;
    virtual bool jump_fits(Form f, int64_t delta) const = 0;
    virtual void jump(Code& c, Form f, const std::string& label) = 0;

    // Direct call; `target_start` is the callee's address when already known, else -1.
    virtual void call(Code& c, const std::string& fn, int64_t target_start) = 0;
    virtual void call_indirect(Code& c, const std::string& fn) = 0;
    virtual void drop_args(Code& c, int n) = 0;
    virtual void write_syscall(Code& c, const std::string& str, int length) = 0;
    virtual void switch_dispatch(Code& c, const std::string& table) = 0;
    virtual void table_entry(Code& c, const std::string& target, const std::string& table) = 0;
    virtual void string_literal(Code& c, const std::string& label, const std::string& text) = 0;
    virtual void trap(Code& c) = 0;
    virtual void global_data(Code& c, Rng& rng, const std::string& label, const std::string& some_fn) = 0;

    void label(Code& c, const std::string& name) {
        c.text += ':';
        c.text += name;
        c.text += '\n';
        ++stats_.labels;
    }
    // An 8-byte pointer: 4-byte absolute address, 4 zero bytes (the image lies below 4 GiB).
    void pointer(Code& c, const std::string& target) { line(c, {ref('&', target), imm('%', 0)}); }
    static void comment(Code& c, std::string_view text) {
        c.text += text;
        c.text += '\n';
    }

protected:
    // Registers a DEFINE: the M1 text and the number of output bytes its value stands for.
    void define(std::string& out, std::string name, const std::string& hex) {
        names_.push_back(std::move(name));
        const std::string& stored = names_.back();
        size_[stored] = hex[0] == '.' ? 0 : static_cast<int>(hex.size() / 2);  // `.` words take no space
        out += "DEFINE ";
        out += stored;
        out += ' ';
        out += hex;
        out += '\n';
    }

    // Bytes produced by a sigil token (an immediate or a label reference).
    virtual int sigil_size(char sigil) const = 0;

    // One indented line of tokens. DEFINE names, immediates (`!-8`) and references (`%label`) may be
    // mixed; each token's output size is added to c.ip.
    void line(Code& c, std::initializer_list<std::string_view> tokens) {
        c.text += '\t';
        bool first = true;
        for (std::string_view t : tokens) {
            if (!first) c.text += ' ';
            first = false;
            c.text += t;
            c.ip += token_size(t);
        }
        c.text += '\n';
    }

    int token_size(std::string_view t) {
        auto it = size_.find(t);
        if (it != size_.end()) return it->second;
        char s = t.empty() ? ' ' : t[0];
        if (std::strchr("!@$~%&", s) == nullptr || t.size() < 2) {
            std::fprintf(stderr, "gen_m1: internal error: token %.*s has no size\n",
                         static_cast<int>(t.size()), t.data());
            std::exit(2);
        }
        bool number = (t[1] == '-' || (t[1] >= '0' && t[1] <= '9'));
        if (number)
            ++stats_.immediates;
        else
            ++stats_.references;
        return sigil_size(s);
    }

    static std::string imm(char sigil, int64_t v) { return sigil + std::to_string(v); }
    static std::string ref(char sigil, const std::string& label) { return sigil + label; }

    Stats& stats_;

private:
    std::deque<std::string> names_;  // stable storage for the keys of size_
    std::unordered_map<std::string_view, int> size_;
};

// The ELF header in hex2, shared by both arches except for e_machine. Labels: ELF_base (start of the
// file), ELF_program_header, _start (entry, defined by the program) and ELF_end (defined last).
void write_elf_header(std::string& out, const char* arch, const char* machine, const char* flags) {
    out += "## ELF64 executable header for the hexproof benchmark (";
    out += arch;
    out += "), written for hexproof.\n";
    out += "## One PT_LOAD segment maps the whole file, read/write/execute, at the base address.\n";
    out += ":ELF_base\n";
    out += "7F 45 4C 46            # magic: DEL E L F\n";
    out += "02 01 01 00 00         # 64-bit, little endian, version 1, System V ABI, ABI version 0\n";
    out += "00 00 00 00 00 00 00   # identification padding\n";
    out += "02 00                  # e_type: executable\n";
    out += machine;
    out += "                  # e_machine\n";
    out += "01 00 00 00            # e_version\n";
    out += "&_start 00 00 00 00    # e_entry\n";
    out += "%ELF_program_header>ELF_base 00 00 00 00  # e_phoff\n";
    out += "00 00 00 00 00 00 00 00  # e_shoff: no section headers\n";
    out += flags;
    out += "            # e_flags\n";
    out += "40 00                  # e_ehsize\n";
    out += "38 00                  # e_phentsize\n";
    out += "01 00                  # e_phnum\n";
    out += "40 00                  # e_shentsize\n";
    out += "00 00                  # e_shnum\n";
    out += "00 00                  # e_shstrndx\n";
    out += "\n:ELF_program_header\n";
    out += "01 00 00 00            # p_type: PT_LOAD\n";
    out += "07 00 00 00            # p_flags: read, write, execute\n";
    out += "00 00 00 00 00 00 00 00  # p_offset\n";
    out += "&ELF_base 00 00 00 00  # p_vaddr\n";
    out += "&ELF_base 00 00 00 00  # p_paddr\n";
    out += "%ELF_end>ELF_base 00 00 00 00  # p_filesz\n";
    out += "%ELF_end>ELF_base 00 00 00 00  # p_memsz\n";
    out += "00 10 00 00 00 00 00 00  # p_align\n";
    out += "\n## The program text (M1 output) follows.\n";
}

// ---------------------------------------------------------------------------------------------------
// amd64: Intel-order mnemonics with operand shapes in the name (`mov_rax,[rbp+BYTE]`), values encoded by
// hand from the Intel SDM. Relative fields are the last bytes of their instruction, so hex2's base
// (the address after the field) is the end of the instruction.

class Amd64 final : public Backend {
public:
    using Backend::Backend;
    const char* arch() const override { return "amd64"; }

    void defines(std::string& out) override {
        static const std::pair<const char*, const char*> table[] = {
            // stack and frame
            {"push_rax", "50"},
            {"push_rcx", "51"},
            {"push_rdx", "52"},
            {"push_rbx", "53"},
            {"push_rbp", "55"},
            {"push_rsi", "56"},
            {"push_rdi", "57"},
            {"pop_rax", "58"},
            {"pop_rcx", "59"},
            {"pop_rdx", "5A"},
            {"pop_rbx", "5B"},
            {"pop_rbp", "5D"},
            {"pop_rsi", "5E"},
            {"pop_rdi", "5F"},
            {"mov_rbp,rsp", "4889E5"},
            {"mov_rsp,rbp", "4889EC"},
            {"sub_rsp,imm8", "4883EC"},
            {"sub_rsp,imm32", "4881EC"},
            {"add_rsp,imm8", "4883C4"},
            {"add_rsp,imm32", "4881C4"},
            {"ret", "C3"},
            {"leave", "C9"},
            {"nop", "90"},
            {"syscall", "0F05"},
            // register moves
            {"mov_rax,rbx", "4889D8"},
            {"mov_rbx,rax", "4889C3"},
            {"mov_rcx,rax", "4889C1"},
            {"mov_rcx,rbx", "4889D9"},
            {"mov_rdx,rax", "4889C2"},
            {"mov_rsi,rax", "4889C6"},
            {"mov_rdi,rax", "4889C7"},
            {"mov_rax,rdx", "4889D0"},
            // immediates
            {"mov_eax,", "B8"},
            {"mov_rax,imm32", "48C7C0"},
            {"mov_rdi,imm32", "48C7C7"},
            {"mov_rsi,imm32", "48C7C6"},
            {"mov_rdx,imm32", "48C7C2"},
            {"xor_eax,eax", "31C0"},
            {"add_rax,imm8", "4883C0"},
            {"sub_rax,imm8", "4883E8"},
            {"cmp_rax,imm8", "4883F8"},
            // memory
            {"mov_rax,[rbp+BYTE]", "488B45"},
            {"mov_rax,[rbp+DWORD]", "488B85"},
            {"mov_[rbp+BYTE],rax", "488945"},
            {"mov_[rbp+DWORD],rax", "488985"},
            {"lea_rax,[rbp+BYTE]", "488D45"},
            {"lea_rax,[rbp+DWORD]", "488D85"},
            {"lea_rax,[rip+DWORD]", "488D05"},
            {"lea_rbx,[rip+DWORD]", "488D1D"},
            {"mov_rax,[rip+DWORD]", "488B05"},
            {"mov_[rip+DWORD],rax", "488905"},
            {"mov_rax,[rax]", "488B00"},
            {"movzx_rax,BYTE_PTR_[rax]", "480FB600"},
            {"mov_[rbx],rax", "488903"},
            {"mov_[rbx],al", "8803"},
            {"mov_WORD_PTR_[rbx],imm16", "66C703"},
            {"movsxd_rax,DWORD_PTR_[rbx+rax*4]", "48630483"},
            // arithmetic: rax = rbx OP rax (or rax OP rbx where commutative)
            {"add_rax,rbx", "4801D8"},
            {"sub_rbx,rax", "4829C3"},
            {"imul_rax,rbx", "480FAFC3"},
            {"and_rax,rbx", "4821D8"},
            {"or_rax,rbx", "4809D8"},
            {"xor_rax,rbx", "4831D8"},
            {"shl_rax,cl", "48D3E0"},
            {"sar_rax,cl", "48D3F8"},
            {"cqo", "4899"},
            {"idiv_rcx", "48F7F9"},
            {"neg_rax", "48F7D8"},
            {"not_rax", "48F7D0"},
            {"cmp_rbx,rax", "4839C3"},
            {"test_rax,rax", "4885C0"},
            {"sete_al", "0F94C0"},
            {"setne_al", "0F95C0"},
            {"setl_al", "0F9CC0"},
            {"setge_al", "0F9DC0"},
            {"setle_al", "0F9EC0"},
            {"setg_al", "0F9FC0"},
            {"movzx_rax,al", "480FB6C0"},
            // control flow: 32-bit displacement forms, then the 8-bit ones
            {"call", "E8"},
            {"call_rax", "FFD0"},
            {"jmp", "E9"},
            {"jmp_rax", "FFE0"},
            {"je", "0F84"},
            {"jne", "0F85"},
            {"jl", "0F8C"},
            {"jge", "0F8D"},
            {"jmp8", "EB"},
            {"je8", "74"},
            {"jne8", "75"},
            {"jl8", "7C"},
            {"jge8", "7D"},
            // data
            {"NULL", "0000000000000000"},
        };
        out += "## amd64 instruction table (hexproof benchmark)\n";
        for (const auto& [name, hex] : table) define(out, name, hex);
    }

    void elf_header(std::string& out) const override {
        write_elf_header(out, "amd64", "3E 00", "00 00 00 00");
    }

    void start(Code& c, const std::string& main_fn) override {
        comment(c, "\n# Program entry: call main, exit with its result");
        label(c, "_start");
        line(c, {"mov_rbp,rsp"});
        line(c, {"call", ref('%', main_fn)});
        line(c, {"mov_rdi,rax"});
        line(c, {"mov_eax,", imm('%', 60)});
        line(c, {"syscall"});
    }

    void prologue(Code& c, int locals) override {
        line(c, {"push_rbp"});
        line(c, {"mov_rbp,rsp"});
        int frame = 8 * locals;
        if (frame == 0) return;
        if (frame <= 127)
            line(c, {"sub_rsp,imm8", imm('!', frame)});
        else
            line(c, {"sub_rsp,imm32", imm('%', frame)});
    }
    void epilogue(Code& c) override {
        line(c, {"mov_rsp,rbp"});
        line(c, {"pop_rbp"});
        line(c, {"ret"});
    }
    static int slot_offset(int slot) { return -8 * (slot + 1); }
    void load_local(Code& c, int slot) override {
        int off = slot_offset(slot);
        if (off >= -128)
            line(c, {"mov_rax,[rbp+BYTE]", imm('!', off)});
        else
            line(c, {"mov_rax,[rbp+DWORD]", imm('%', off)});
    }
    void load_param(Code& c, int index) override {
        line(c, {"mov_rax,[rbp+BYTE]", imm('!', 16 + 8 * index)});
    }
    void store_local(Code& c, int slot) override {
        int off = slot_offset(slot);
        if (off >= -128)
            line(c, {"mov_[rbp+BYTE],rax", imm('!', off)});
        else
            line(c, {"mov_[rbp+DWORD],rax", imm('%', off)});
    }
    void load_imm(Code& c, int32_t value) override {
        if (value == 0)
            line(c, {"xor_eax,eax"});
        else if (value > 0 && (value & 1))
            line(c, {"mov_eax,", imm('%', value)});
        else
            line(c, {"mov_rax,imm32", imm('%', value)});
    }
    void load_addr(Code& c, const std::string& label, bool absolute) override {
        if (absolute)
            line(c, {"mov_rax,imm32", ref('&', label)});
        else
            line(c, {"lea_rax,[rip+DWORD]", ref('%', label)});
    }
    void load_global(Code& c, const std::string& label, bool absolute) override {
        if (absolute) {
            line(c, {"mov_rax,imm32", ref('&', label)});
            line(c, {"mov_rax,[rax]"});
        } else {
            line(c, {"mov_rax,[rip+DWORD]", ref('%', label)});
        }
    }
    void store_global(Code& c, const std::string& label) override {
        line(c, {"mov_[rip+DWORD],rax", ref('%', label)});
    }
    void deref(Code& c, bool byte) override {
        line(c, {byte ? "movzx_rax,BYTE_PTR_[rax]" : "mov_rax,[rax]"});
    }
    void store_through(Code& c, bool byte) override { line(c, {byte ? "mov_[rbx],al" : "mov_[rbx],rax"}); }
    void store_const_half(Code& c, int value) override {
        line(c, {"mov_WORD_PTR_[rbx],imm16", imm('@', value)});
    }
    void add_imm(Code& c, int value) override {
        if (value >= 0)
            line(c, {"add_rax,imm8", imm('!', value)});
        else
            line(c, {"sub_rax,imm8", imm('!', -value)});
    }
    void push(Code& c) override { line(c, {"push_rax"}); }
    void pop_secondary(Code& c) override { line(c, {"pop_rbx"}); }

    void binop(Code& c, BinOp op) override {
        switch (op) {
            case BinOp::Add: line(c, {"add_rax,rbx"}); return;
            case BinOp::Sub:
                line(c, {"sub_rbx,rax"});
                line(c, {"mov_rax,rbx"});
                return;
            case BinOp::Mul: line(c, {"imul_rax,rbx"}); return;
            case BinOp::And: line(c, {"and_rax,rbx"}); return;
            case BinOp::Or: line(c, {"or_rax,rbx"}); return;
            case BinOp::Xor: line(c, {"xor_rax,rbx"}); return;
            case BinOp::Shl:
                line(c, {"mov_rcx,rax"});
                line(c, {"mov_rax,rbx"});
                line(c, {"shl_rax,cl"});
                return;
            case BinOp::Sar:
                line(c, {"mov_rcx,rax"});
                line(c, {"mov_rax,rbx"});
                line(c, {"sar_rax,cl"});
                return;
            case BinOp::Div:
            case BinOp::Mod:
                line(c, {"mov_rcx,rax"});
                line(c, {"mov_rax,rbx"});
                line(c, {"cqo"});
                line(c, {"idiv_rcx"});
                if (op == BinOp::Mod) line(c, {"mov_rax,rdx"});
                return;
            case BinOp::Lt: compare(c, "setl_al"); return;
            case BinOp::Le: compare(c, "setle_al"); return;
            case BinOp::Gt: compare(c, "setg_al"); return;
            case BinOp::Ge: compare(c, "setge_al"); return;
            case BinOp::Eq: compare(c, "sete_al"); return;
            case BinOp::Ne: compare(c, "setne_al"); return;
        }
    }

    // test_rax,rax (3 bytes) then je8 (2) or je (6); the displacement field ends the sequence.
    int cond_size(Form f) const override { return f == Form::Short ? 5 : 9; }
    bool cond_fits(Form f, int64_t delta) const override {
        return f == Form::Near || fits8(delta - cond_size(f));
    }
    void cond_branch(Code& c, Form f, const std::string& label) override {
        line(c, {"test_rax,rax"});
        if (f == Form::Short)
            line(c, {"je8", ref('!', label)});
        else
            line(c, {"je", ref('%', label)});
    }
    int jump_size(Form f) const override { return f == Form::Short ? 2 : 5; }
    bool jump_fits(Form f, int64_t delta) const override {
        return f == Form::Near || fits8(delta - jump_size(f));
    }
    void jump(Code& c, Form f, const std::string& label) override {
        if (f == Form::Short)
            line(c, {"jmp8", ref('!', label)});
        else
            line(c, {"jmp", ref('%', label)});
    }

    void call(Code& c, const std::string& fn, int64_t) override { line(c, {"call", ref('%', fn)}); }
    void call_indirect(Code& c, const std::string& fn) override {
        line(c, {"mov_rax,imm32", ref('&', fn)});
        line(c, {"call_rax"});
    }
    void drop_args(Code& c, int n) override {
        if (n > 0) line(c, {"add_rsp,imm8", imm('!', 8 * n)});
    }
    void write_syscall(Code& c, const std::string& str, int length) override {
        line(c, {"lea_rax,[rip+DWORD]", ref('%', str)});
        line(c, {"mov_rsi,rax"});
        line(c, {"mov_rdi,imm32", imm('%', 1)});
        line(c, {"mov_rdx,imm32", imm('%', length)});
        line(c, {"mov_eax,", imm('%', 1)});
        line(c, {"syscall"});
    }
    void switch_dispatch(Code& c, const std::string& table) override {
        line(c, {"lea_rbx,[rip+DWORD]", ref('%', table)});
        line(c, {"movsxd_rax,DWORD_PTR_[rbx+rax*4]"});
        line(c, {"add_rax,rbx"});
        line(c, {"jmp_rax"});
    }
    void table_entry(Code& c, const std::string& target, const std::string& table) override {
        line(c, {ref('%', target + ">" + table)});
    }
    void string_literal(Code& c, const std::string& label, const std::string& text) override {
        Backend::label(c, label);
        c.text += '"';
        c.text += text;
        c.text += "\"\n";
        c.ip += static_cast<int64_t>(text.size()) + 1;
        ++stats_.strings;
    }
    void trap(Code& c) override {
        c.text += "\t'0F0B'\t# ud2: not reached\n";
        c.ip += 2;
    }
    void global_data(Code& c, Rng& rng, const std::string& label, const std::string& some_fn) override {
        Backend::label(c, label);
        switch (rng.below(6)) {
            case 0:
            case 1: line(c, {"NULL"}); break;
            case 2: line(c, {imm('%', rng.range(-100000, 100000)), imm('%', 0)}); break;
            case 3: line(c, {ref('&', some_fn), imm('%', 0)}); break;
            case 4:
                line(c, {imm('@', rng.range(-32768, 32767)), imm('@', rng.range(0, 32767)),
                         imm('%', rng.range(0, 1 << 30))});
                break;
            default:
                line(c,
                     {imm('~', rng.range(-8388608, 8388607)), imm('!', rng.range(-128, 255)), imm('%', 0)});
                break;
        }
    }

protected:
    int sigil_size(char s) const override { return static_cast<int>(encoding::ref_size(s)); }

private:
    static bool fits8(int64_t disp) { return disp >= -128 && disp <= 127; }
    void compare(Code& c, const char* set) {
        line(c, {"cmp_rbx,rax"});
        line(c, {set});
        line(c, {"movzx_rax,al"});
    }
};

// ---------------------------------------------------------------------------------------------------
// riscv64: stage0-style M1 where register fields are `.`-words that hex2 XORs into the next
// instruction (`rd_a0 rs1_s0 !-8 ld`). Immediates `!N` (I-type), `@N` (S-type), `~N` (U-type) are words
// too; label references `@label` (B-type), `$label` (J-type), `~label`/`!label` (auipc pair) occupy no
// space; `%` and `&` are 4-byte fields. All values below are computed from the RV64IM encodings.

class Riscv64 final : public Backend {
public:
    using Backend::Backend;
    const char* arch() const override { return "riscv64"; }

    void defines(std::string& out) override {
        static const char* const regs[32] = {"zero", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2",
                                             "s0",   "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
                                             "a6",   "a7", "s2",  "s3",  "s4", "s5", "s6", "s7",
                                             "s8",   "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
        out += "## riscv64 register fields (hexproof benchmark): XOR words for rd, rs1, rs2\n";
        for (uint32_t r = 0; r < 32; ++r) define(out, std::string("rd_") + regs[r], "." + hex_le(r << 7, 4));
        for (uint32_t r = 0; r < 32; ++r)
            define(out, std::string("rs1_") + regs[r], "." + hex_le(r << 15, 4));
        for (uint32_t r = 0; r < 32; ++r)
            define(out, std::string("rs2_") + regs[r], "." + hex_le(r << 20, 4));

        struct Insn {
            const char* name;
            uint32_t opcode, funct3, funct7;
        };
        static const Insn insns[] = {
            {"lui", 0x37, 0, 0},     {"auipc", 0x17, 0, 0},      {"jal", 0x6F, 0, 0},
            {"jalr", 0x67, 0, 0},    {"beq", 0x63, 0, 0},        {"bne", 0x63, 1, 0},
            {"blt", 0x63, 4, 0},     {"bge", 0x63, 5, 0},        {"bltu", 0x63, 6, 0},
            {"bgeu", 0x63, 7, 0},    {"lb", 0x03, 0, 0},         {"lh", 0x03, 1, 0},
            {"lw", 0x03, 2, 0},      {"ld", 0x03, 3, 0},         {"lbu", 0x03, 4, 0},
            {"lhu", 0x03, 5, 0},     {"lwu", 0x03, 6, 0},        {"sb", 0x23, 0, 0},
            {"sh", 0x23, 1, 0},      {"sw", 0x23, 2, 0},         {"sd", 0x23, 3, 0},
            {"addi", 0x13, 0, 0},    {"slti", 0x13, 2, 0},       {"sltiu", 0x13, 3, 0},
            {"xori", 0x13, 4, 0},    {"ori", 0x13, 6, 0},        {"andi", 0x13, 7, 0},
            {"slli", 0x13, 1, 0},    {"srli", 0x13, 5, 0},       {"srai", 0x13, 5, 0x20},
            {"addiw", 0x1B, 0, 0},   {"add", 0x33, 0, 0},        {"sub", 0x33, 0, 0x20},
            {"sll", 0x33, 1, 0},     {"slt", 0x33, 2, 0},        {"sltu", 0x33, 3, 0},
            {"xor", 0x33, 4, 0},     {"srl", 0x33, 5, 0},        {"sra", 0x33, 5, 0x20},
            {"or", 0x33, 6, 0},      {"and", 0x33, 7, 0},        {"addw", 0x3B, 0, 0},
            {"subw", 0x3B, 0, 0x20}, {"mul", 0x33, 0, 1},        {"div", 0x33, 4, 1},
            {"divu", 0x33, 5, 1},    {"rem", 0x33, 6, 1},        {"remu", 0x33, 7, 1},
            {"ecall", 0x73, 0, 0},   {"ebreak", 0x100073, 0, 0}, {"fence", 0x0F, 0, 0},
        };
        out += "## riscv64 instructions (opcode, funct3, funct7; fields come from the words before)\n";
        for (const Insn& i : insns)
            define(out, i.name, hex_le(i.opcode | (i.funct3 << 12) | (i.funct7 << 25), 4));
        define(out, "NULL", "0000000000000000");
    }

    void elf_header(std::string& out) const override {
        write_elf_header(out, "riscv64", "F3 00", "04 00 00 00");
    }

    void start(Code& c, const std::string& main_fn) override {
        comment(c, "\n# Program entry: call main, exit with its result");
        label(c, "_start");
        line(c, {"rd_s0", "rs1_sp", "addi"});
        far_call(c, main_fn);
        line(c, {"rd_a7", imm('!', 93), "addi"});
        line(c, {"ecall"});
    }

    void prologue(Code& c, int locals) override {
        line(c, {"rd_sp", "rs1_sp", imm('!', -16), "addi"});
        line(c, {"rs1_sp", "rs2_ra", imm('@', 8), "sd"});
        line(c, {"rs1_sp", "rs2_s0", "sd"});
        line(c, {"rd_s0", "rs1_sp", "addi"});
        if (locals > 0) line(c, {"rd_sp", "rs1_sp", imm('!', -8 * locals), "addi"});
    }
    void epilogue(Code& c) override {
        line(c, {"rd_sp", "rs1_s0", "addi"});
        line(c, {"rd_ra", "rs1_sp", imm('!', 8), "ld"});
        line(c, {"rd_s0", "rs1_sp", "ld"});
        line(c, {"rd_sp", "rs1_sp", imm('!', 16), "addi"});
        line(c, {"rs1_ra", "jalr"});
    }
    void load_local(Code& c, int slot) override {
        line(c, {"rd_a0", "rs1_s0", imm('!', -8 * (slot + 1)), "ld"});
    }
    void load_param(Code& c, int index) override {
        line(c, {"rd_a0", "rs1_s0", imm('!', 16 + 8 * index), "ld"});
    }
    void store_local(Code& c, int slot) override {
        line(c, {"rs1_s0", "rs2_a0", imm('@', -8 * (slot + 1)), "sd"});
    }
    void load_imm(Code& c, int32_t value) override {
        if (value >= -2048 && value <= 2047) {
            line(c, {"rd_a0", imm('!', value), "addi"});
        } else {
            line(c, {"rd_a0", imm('~', value), "lui"});
            line(c, {"rd_a0", "rs1_a0", imm('!', value), "addiw"});
        }
    }
    void load_addr(Code& c, const std::string& label, bool) override { address(c, "a0", label); }
    void load_global(Code& c, const std::string& label, bool) override {
        address(c, "a0", label);
        line(c, {"rd_a0", "rs1_a0", "ld"});
    }
    void store_global(Code& c, const std::string& label) override {
        address(c, "t0", label);
        line(c, {"rs1_t0", "rs2_a0", "sd"});
    }
    void deref(Code& c, bool byte) override { line(c, {"rd_a0", "rs1_a0", byte ? "lbu" : "ld"}); }
    void store_through(Code& c, bool byte) override { line(c, {"rs1_a1", "rs2_a0", byte ? "sb" : "sd"}); }
    void store_const_half(Code& c, int value) override {
        line(c, {"rd_t0", imm('!', value), "addi"});
        line(c, {"rs1_a1", "rs2_t0", "sh"});
    }
    void add_imm(Code& c, int value) override { line(c, {"rd_a0", "rs1_a0", imm('!', value), "addi"}); }
    void push(Code& c) override {
        line(c, {"rd_sp", "rs1_sp", imm('!', -8), "addi"});
        line(c, {"rs1_sp", "rs2_a0", "sd"});
    }
    void pop_secondary(Code& c) override {
        line(c, {"rd_a1", "rs1_sp", "ld"});
        line(c, {"rd_sp", "rs1_sp", imm('!', 8), "addi"});
    }

    void binop(Code& c, BinOp op) override {
        switch (op) {
            case BinOp::Add: r3(c, "a1", "a0", "add"); return;
            case BinOp::Sub: r3(c, "a1", "a0", "sub"); return;
            case BinOp::Mul: r3(c, "a1", "a0", "mul"); return;
            case BinOp::And: r3(c, "a1", "a0", "and"); return;
            case BinOp::Or: r3(c, "a1", "a0", "or"); return;
            case BinOp::Xor: r3(c, "a1", "a0", "xor"); return;
            case BinOp::Shl: r3(c, "a1", "a0", "sll"); return;
            case BinOp::Sar: r3(c, "a1", "a0", "sra"); return;
            case BinOp::Div: r3(c, "a1", "a0", "div"); return;
            case BinOp::Mod: r3(c, "a1", "a0", "rem"); return;
            case BinOp::Lt: r3(c, "a1", "a0", "slt"); return;
            case BinOp::Gt: r3(c, "a0", "a1", "slt"); return;
            case BinOp::Le:
                r3(c, "a0", "a1", "slt");
                line(c, {"rd_a0", "rs1_a0", imm('!', 1), "xori"});
                return;
            case BinOp::Ge:
                r3(c, "a1", "a0", "slt");
                line(c, {"rd_a0", "rs1_a0", imm('!', 1), "xori"});
                return;
            case BinOp::Eq:
                r3(c, "a1", "a0", "sub");
                line(c, {"rd_a0", "rs1_a0", imm('!', 1), "sltiu"});
                return;
            case BinOp::Ne:
                r3(c, "a1", "a0", "sub");
                line(c, {"rd_a0", "rs1_zero", "rs2_a0", "sltu"});
                return;
        }
    }

    // Short: `beq a0, zero` with a B-type `@label` (even, -4096..4095 from the branch itself).
    // Near: `bne` over the next instruction, then a J-type `jal` (range +-1 MiB, always enough in a
    // function).
    int cond_size(Form f) const override { return f == Form::Short ? 4 : 8; }
    bool cond_fits(Form f, int64_t delta) const override {
        if (f == Form::Short) return delta >= -4096 && delta <= 4095 && (delta & 1) == 0;
        return fits_j(delta - 4);
    }
    void cond_branch(Code& c, Form f, const std::string& label) override {
        if (f == Form::Short) {
            line(c, {"rs1_a0", ref('@', label), "beq"});
            return;
        }
        std::string skip = "_SKIP_" + std::to_string(skip_counter_++);
        line(c, {"rs1_a0", ref('@', skip), "bne"});
        line(c, {ref('$', label), "jal"});
        Backend::label(c, skip);
    }
    int jump_size(Form) const override { return 4; }
    bool jump_fits(Form, int64_t delta) const override { return fits_j(delta); }
    void jump(Code& c, Form, const std::string& label) override { line(c, {ref('$', label), "jal"}); }

    void call(Code& c, const std::string& fn, int64_t target_start) override {
        if (target_start >= 0 && fits_j(target_start - c.ip) && std::llabs(target_start - c.ip) < 900000) {
            line(c, {"rd_ra", ref('$', fn), "jal"});
        } else {
            far_call(c, fn);
        }
    }
    void call_indirect(Code& c, const std::string& fn) override {
        address(c, "a0", fn);
        line(c, {"rd_ra", "rs1_a0", "jalr"});
    }
    void drop_args(Code& c, int n) override {
        if (n > 0) line(c, {"rd_sp", "rs1_sp", imm('!', 8 * n), "addi"});
    }
    void write_syscall(Code& c, const std::string& str, int length) override {
        line(c, {"rd_a0", imm('!', 1), "addi"});
        address(c, "a1", str);
        line(c, {"rd_a2", imm('!', length), "addi"});
        line(c, {"rd_a7", imm('!', 64), "addi"});
        line(c, {"ecall"});
    }
    void switch_dispatch(Code& c, const std::string& table) override {
        address(c, "a1", table);
        line(c, {"rd_a0", "rs1_a0", imm('!', 2), "slli"});
        r3(c, "a0", "a1", "add");
        line(c, {"rd_a0", "rs1_a0", "lw"});
        r3(c, "a0", "a1", "add");
        line(c, {"rs1_a0", "jalr"});
    }
    void table_entry(Code& c, const std::string& target, const std::string& table) override {
        line(c, {ref('%', target + ">" + table)});
    }
    // The string is followed by hex2's `<`, which pads with zeros to the next multiple of 4.
    void string_literal(Code& c, const std::string& label, const std::string& text) override {
        Backend::label(c, label);
        c.text += '"';
        c.text += text;
        c.text += "\"\n<\n";
        c.ip += static_cast<int64_t>(text.size()) + 1;
        c.ip = (c.ip + 3) & ~int64_t{3};
        ++stats_.strings;
    }
    void trap(Code& c) override {
        c.text += "\t'73001000'\t# ebreak: not reached\n";
        c.ip += 4;
    }
    void global_data(Code& c, Rng& rng, const std::string& label, const std::string& some_fn) override {
        Backend::label(c, label);
        switch (rng.below(5)) {
            case 0:
            case 1: line(c, {"NULL"}); break;
            case 2: line(c, {imm('%', rng.range(-100000, 100000)), imm('%', 0)}); break;
            case 3: line(c, {ref('&', some_fn), imm('%', 0)}); break;
            default:
                line(c, {imm('%', rng.range(0, 1 << 30)), imm('%', rng.range(-(1 << 30), 1 << 30))});
                break;
        }
    }

protected:
    int sigil_size(char s) const override {
        return encoding::is_word_immediate(s) ? 0 : static_cast<int>(encoding::ref_size(s));  // word mode
    }

private:
    static bool fits_j(int64_t delta) { return delta >= -(1 << 20) && delta < (1 << 20) && (delta & 1) == 0; }
    // rd = rs1 OP rs2 with rd = a0.
    void r3(Code& c, const char* rs1, const char* rs2, const char* insn) {
        std::string f1 = std::string("rs1_") + rs1, f2 = std::string("rs2_") + rs2;
        line(c, {"rd_a0", f1, f2, insn});
    }
    // auipc + addi pair: `~label` gives the upper part, `!label` the lower (relative to the auipc).
    void address(Code& c, const char* reg, const std::string& label) {
        std::string rd = std::string("rd_") + reg, rs1 = std::string("rs1_") + reg;
        line(c, {rd, ref('~', label), "auipc"});
        line(c, {rd, rs1, ref('!', label), "addi"});
    }
    void far_call(Code& c, const std::string& fn) {
        line(c, {"rd_ra", ref('~', fn), "auipc"});
        line(c, {"rd_ra", "rs1_ra", ref('!', fn), "jalr"});
    }
    uint64_t skip_counter_ = 0;
};

// ---------------------------------------------------------------------------------------------------
// The arch-neutral part: functions, statements, expressions, data.

const char* const kVerbs[] = {"parse", "emit",   "read",    "write",   "lookup",  "insert",
                              "check", "alloc",  "release", "scan",    "match",   "hash",
                              "print", "load",   "store",   "init",    "copy",    "compare",
                              "walk",  "reduce", "expand",  "resolve", "collect", "skip"};
const char* const kNouns[] = {"token",  "label", "string", "buffer", "node",  "table",  "entry",  "macro",
                              "symbol", "file",  "line",   "char",   "block", "list",   "word",   "number",
                              "expr",   "type",  "scope",  "stack",  "field", "record", "offset", "section"};
const char* const kWords[] = {"error",
                              "unexpected",
                              "token",
                              "at",
                              "line",
                              "expected",
                              "a",
                              "the",
                              "label",
                              "is",
                              "not",
                              "defined",
                              "value",
                              "out",
                              "of",
                              "range",
                              "in",
                              "file",
                              "missing",
                              "closing",
                              "quote",
                              "unknown",
                              "architecture",
                              "usage",
                              "--file",
                              "input",
                              "output",
                              "<",
                              ">",
                              "=",
                              "(",
                              ")",
                              "#",
                              ";",
                              ":",
                              "%d",
                              "\\n",
                              "0x",
                              "OK",
                              "done",
                              "[",
                              "]",
                              "{",
                              "}",
                              "'",
                              "!",
                              "?",
                              "&",
                              "$"};

class Generator {
public:
    Generator(Backend& be, uint64_t seed, Stats& stats) : rng_(seed), be_(be), stats_(stats) {}

    // Writes the whole program into m1; returns the number of bytes hex2 will emit for it.
    int64_t run(std::string& m1, uint64_t target_size) {
        Code c;
        c.ip = kBaseAddress + kElfHeaderSize;
        c.text.reserve(target_size + target_size / 8 + 65536);
        c.text += "## hexproof benchmark program for ";
        c.text += be_.arch();
        c.text += ", generated by hexproof_bench_gen (deterministic; do not edit)\n";
        c.text += "## Link: hex2 -f ELF header -f this file's M1 output, base address 0x00600000\n\n";
        be_.defines(c.text);
        fn_index(0);
        be_.start(c, functions_[0].name);

        // Functions until the requested size is reached; the short tail (pending functions, data) comes on
        // top.
        size_t body_target = target_size;
        size_t next = 0;
        while (next == 0 || c.text.size() < body_target) {
            fn_index(next);
            function(c, next++, false);
        }
        while (next < functions_.size()) function(c, next++, true);  // referenced forward, keep them short
        data(c);
        be_.comment(c, "\n# End of the program image");
        be_.label(c, "ELF_end");
        m1 = std::move(c.text);
        return c.ip - kBaseAddress;
    }

private:
    struct Function {
        std::string name;
        int params = 0;
        int64_t start = -1;  // address once emitted
    };

    // The name of function i, creating it (and those before it) on first mention.
    const Function& fn_index(size_t i) {
        while (functions_.size() <= i) {
            Function f;
            size_t k = functions_.size();
            if (k == 0) {
                f.name = "FUNCTION_main";
            } else {
                // One draw per statement: the order of operands of `+` is unspecified.
                const char* verb = rng_.pick(kVerbs);
                const char* noun = rng_.pick(kNouns);
                f.name = std::string("FUNCTION_") + verb + "_" + noun + "_" + std::to_string(k);
            }
            f.params = static_cast<int>(rng_.below(4));
            functions_.push_back(std::move(f));
        }
        return functions_[i];
    }

    const std::string& global() {
        // About one global per 40 functions' worth of code, at least 16; reuse is the common case.
        if (globals_.size() < 16 || rng_.percent(3)) {
            const char* noun = rng_.pick(kNouns);
            const char* verb = rng_.pick(kVerbs);
            globals_.push_back(std::string("GLOBAL_") + noun + "_" + verb + "_" +
                               std::to_string(globals_.size()));
            return globals_.back();
        }
        return globals_[rng_.below(globals_.size())];
    }

    std::string local_label(const char* kind) {
        return "_" + std::string(kind) + "_" + fn_short_ + "_" + std::to_string(label_counter_++);
    }

    std::string string_text() {
        std::string s;
        int n = static_cast<int>(rng_.range(1, 9));
        for (int i = 0; i < n; ++i) {
            if (i) s += ' ';
            s += rng_.pick(kWords);
        }
        return s;
    }

    void function(Code& c, size_t index, bool small) {
        const Function f = fn_index(index);
        fn_short_ = f.name.substr(9);
        label_counter_ = 0;
        locals_ = static_cast<int>(rng_.range(1, 40));
        params_ = f.params;
        strings_.clear();
        small_ = small;
        ++stats_.functions;

        c.text += "\n# Defining function ";
        c.text += fn_short_;
        c.text += '\n';
        functions_[index].start = c.ip;
        be_.label(c, f.name);
        be_.prologue(c, locals_);
        int statements = small ? static_cast<int>(rng_.range(1, 4)) : static_cast<int>(rng_.range(2, 16));
        int64_t start = c.ip;
        for (int i = 0; i < statements && c.ip - start < 16384; ++i) statement(c, 0, index);
        std::string ret = "_RETURN_" + fn_short_;
        be_.label(c, ret);
        be_.epilogue(c);
        for (const auto& [label, text] : strings_) be_.string_literal(c, label, text);
        if (c.ip - functions_[index].start > 900000) {
            std::fprintf(stderr, "gen_m1: internal error: function %s too large for near jumps\n",
                         f.name.c_str());
            std::exit(2);
        }
    }

    // Generates a nested block into its own buffer, so its exact size is known before the branch
    // that jumps over it is chosen. The buffer's ip starts a few bytes late: that only matters for
    // the riscv near-call choice, which keeps a wide margin.
    Code block(const Code& parent, int depth, size_t fn, int count) {
        Code b;
        b.ip = parent.ip + 16;
        for (int i = 0; i < count; ++i) statement(b, depth, fn);
        return b;
    }
    static int64_t size_of(const Code& b, const Code& parent) { return b.ip - (parent.ip + 16); }
    static void splice(Code& c, Code& b, int64_t size) {
        c.text += b.text;
        c.ip += size;
    }

    void statement(Code& c, int depth, size_t fn) {
        // Compound statements nest at most two deep, which bounds a function far below riscv's 1 MiB
        // J-type reach (the `return` jump relies on it).
        unsigned kind = static_cast<unsigned>(rng_.below(depth < 2 ? 100 : 60));
        if (kind < 18) {  // local = expression
            int slot = static_cast<int>(rng_.below(locals_));
            if (rng_.percent(20)) c.text += "\t# local_" + std::to_string(slot) + " = ...\n";
            expr(c, 0, fn);
            be_.store_local(c, slot);
        } else if (kind < 26) {  // global = expression
            expr(c, 1, fn);
            be_.store_global(c, global());
        } else if (kind < 32) {  // *pointer = expression, or a constant halfword
            const std::string& g = global();
            be_.load_global(c, g, rng_.percent(50));
            be_.push(c);
            if (rng_.percent(25)) {
                be_.pop_secondary(c);
                be_.store_const_half(c, static_cast<int>(rng_.range(-2048, 2047)));
            } else {
                expr(c, 1, fn);
                be_.pop_secondary(c);
                be_.store_through(c, rng_.percent(30));
            }
        } else if (kind < 44) {  // call statement
            call(c, fn);
        } else if (kind < 48) {  // local += small constant
            int slot = static_cast<int>(rng_.below(locals_));
            be_.load_local(c, slot);
            be_.add_imm(c, static_cast<int>(rng_.range(-100, 100)));
            be_.store_local(c, slot);
        } else if (kind < 52) {  // write(1, "literal", n)
            std::string label = "STRING_" + fn_short_ + "_" + std::to_string(label_counter_++);
            std::string text = string_text();
            be_.write_syscall(c, label, static_cast<int>(text.size()));
            strings_.emplace_back(std::move(label), std::move(text));
        } else if (kind < 56) {  // return expression
            expr(c, 1, fn);
            be_.jump(c, Form::Near, "_RETURN_" + fn_short_);
        } else if (kind < 60) {  // comment
            c.text += rng_.percent(50) ? "\t;; " : "\t# ";
            c.text += string_text();
            c.text += '\n';
        } else if (kind < 78) {
            if_statement(c, depth, fn);
        } else if (kind < 92) {
            while_statement(c, depth, fn);
        } else {
            switch_statement(c, depth, fn);
        }
    }

    void expr(Code& c, int depth, size_t fn) {
        if (depth >= 3 || rng_.percent(45)) {
            leaf(c, fn);
            return;
        }
        expr(c, depth + 1, fn);
        be_.push(c);
        expr(c, depth + 1, fn);
        be_.pop_secondary(c);
        be_.binop(c, rng_.pick(kArith));
    }

    void leaf(Code& c, size_t fn) {
        switch (rng_.below(12)) {
            case 0:
            case 1:
            case 2: be_.load_local(c, static_cast<int>(rng_.below(locals_))); break;
            case 3:
                if (params_ > 0)
                    be_.load_param(c, static_cast<int>(rng_.below(params_)));
                else
                    be_.load_imm(c, static_cast<int32_t>(rng_.range(0, 9)));
                break;
            case 4:
            case 5: be_.load_imm(c, static_cast<int32_t>(rng_.range(-2048, 2047))); break;
            case 6: be_.load_imm(c, static_cast<int32_t>(rng_.range(-0x7FFF0000, 0x7FFF0000))); break;
            case 7:
            case 8: {
                const std::string& g = global();
                be_.load_global(c, g, rng_.percent(40));
                break;
            }
            case 9: {
                std::string label = "STRING_" + fn_short_ + "_" + std::to_string(label_counter_++);
                be_.load_addr(c, label, rng_.percent(30));
                strings_.emplace_back(std::move(label), string_text());
                break;
            }
            case 10:
                be_.load_global(c, global(), false);
                be_.deref(c, rng_.percent(50));
                break;
            default:
                if (call_depth_ < 2)
                    call(c, fn);
                else
                    be_.load_local(c, 0);
                break;
        }
    }

    void cond(Code& c, size_t fn) {
        expr(c, 1, fn);
        be_.push(c);
        expr(c, 2, fn);
        be_.pop_secondary(c);
        be_.binop(c, rng_.pick(kCompare));
    }

    void call(Code& c, size_t fn) {
        size_t target;
        unsigned how = static_cast<unsigned>(rng_.below(10));
        if (small_)
            target = static_cast<size_t>(rng_.below(functions_.size()));  // tail: no new functions
        else if (how < 5 && fn > 0)
            target = static_cast<size_t>(rng_.below(fn));  // an earlier function
        else if (how < 9)
            target = fn + 1 + static_cast<size_t>(rng_.below(24));  // a later one
        else
            target = fn;  // recursion
        const Function& f = fn_index(target);
        std::string name = f.name;
        int params = f.params;
        int64_t start = f.start;
        ++call_depth_;
        for (int i = 0; i < params; ++i) {
            expr(c, 2, fn);
            be_.push(c);
        }
        --call_depth_;
        if (rng_.percent(8))
            be_.call_indirect(c, name);
        else
            be_.call(c, name, start);
        be_.drop_args(c, params);
        if (rng_.percent(2)) be_.trap(c);
    }

    void if_statement(Code& c, int depth, size_t fn) {
        std::string else_label = local_label("ELSE");
        std::string end_label = local_label("END_IF");
        c.text += "\t# if\n";
        cond(c, fn);
        bool small = rng_.percent(50);
        Code then_b = block(c, depth + 1, fn, small ? 1 : static_cast<int>(rng_.range(1, 5)));
        int64_t then_size = size_of(then_b, c);
        if (rng_.percent(50)) {  // no else
            Form f =
                be_.cond_fits(Form::Short, be_.cond_size(Form::Short) + then_size) ? Form::Short : Form::Near;
            be_.cond_branch(c, f, end_label);
            splice(c, then_b, then_size);
            be_.label(c, end_label);
            return;
        }
        Code else_b = block(c, depth + 1, fn, small ? 1 : static_cast<int>(rng_.range(1, 4)));
        int64_t else_size = size_of(else_b, c);
        Form j =
            be_.jump_fits(Form::Short, be_.jump_size(Form::Short) + else_size) ? Form::Short : Form::Near;
        int64_t to_else = then_size + be_.jump_size(j);
        Form f = be_.cond_fits(Form::Short, be_.cond_size(Form::Short) + to_else) ? Form::Short : Form::Near;
        be_.cond_branch(c, f, else_label);
        splice(c, then_b, then_size);
        be_.jump(c, j, end_label);
        be_.label(c, else_label);
        splice(c, else_b, else_size);
        be_.label(c, end_label);
    }

    void while_statement(Code& c, int depth, size_t fn) {
        std::string top = local_label("WHILE");
        std::string end = local_label("END_WHILE");
        Code cond_b;
        cond_b.ip = c.ip;
        cond(cond_b, fn);
        int64_t cond_size = cond_b.ip - c.ip;
        Code body = block(c, depth + 1, fn, rng_.percent(50) ? 1 : static_cast<int>(rng_.range(1, 4)));
        int64_t body_size = size_of(body, c);
        // Pick the smallest pair of encodings that reaches both ways.
        for (Form f : {Form::Short, Form::Near}) {
            for (Form j : {Form::Short, Form::Near}) {
                int64_t forward = be_.cond_size(f) + body_size + be_.jump_size(j);
                int64_t backward = -(cond_size + be_.cond_size(f) + body_size);
                if (!be_.cond_fits(f, forward) || !be_.jump_fits(j, backward)) continue;
                be_.label(c, top);
                c.text += cond_b.text;
                c.ip += cond_size;
                be_.cond_branch(c, f, end);
                splice(c, body, body_size);
                be_.jump(c, j, top);
                be_.label(c, end);
                return;
            }
        }
        std::fprintf(stderr, "gen_m1: internal error: loop too large for near branches\n");
        std::exit(2);
    }

    void switch_statement(Code& c, int depth, size_t fn) {
        std::string table = local_label("SWITCH_TABLE");
        std::string end = local_label("END_SWITCH");
        int cases = static_cast<int>(rng_.range(2, 8));
        c.text += "\t# switch\n";
        expr(c, 1, fn);
        be_.switch_dispatch(c, table);
        be_.label(c, table);
        std::vector<std::string> labels;
        for (int i = 0; i < cases; ++i) {
            labels.push_back(local_label("CASE"));
            be_.table_entry(c, labels.back(), table);
        }
        std::vector<Code> bodies;
        std::vector<int64_t> sizes;
        for (int i = 0; i < cases; ++i) {
            bodies.push_back(block(c, depth + 1, fn, static_cast<int>(rng_.range(1, 3))));
            sizes.push_back(size_of(bodies.back(), c));
        }
        // Each case but the last ends with a jump to the end; choose forms from the last case backwards.
        std::vector<Form> jumps(cases, Form::Near);
        int64_t after = 0;  // bytes from the end of case i's jump to the end label
        for (int i = cases - 2; i >= 0; --i) {
            after += sizes[i + 1] + (i + 1 < cases - 1 ? be_.jump_size(jumps[i + 1]) : 0);
            jumps[i] =
                be_.jump_fits(Form::Short, be_.jump_size(Form::Short) + after) ? Form::Short : Form::Near;
        }
        for (int i = 0; i < cases; ++i) {
            be_.label(c, labels[i]);
            splice(c, bodies[i], sizes[i]);
            if (i < cases - 1) be_.jump(c, jumps[i], end);
        }
        be_.label(c, end);
    }

    void data(Code& c) {
        be_.comment(c, "\n# Global variables");
        for (const std::string& g : globals_)
            be_.global_data(c, rng_, g, functions_[rng_.below(functions_.size())].name);
        be_.comment(c, "\n# Function pointer table");
        be_.label(c, "GLOBAL_function_table");
        size_t n = functions_.size() < 256 ? functions_.size() : 256;
        for (size_t i = 0; i < n; ++i) be_.pointer(c, functions_[i].name);
    }

    Rng rng_;
    Backend& be_;
    Stats& stats_;
    std::vector<Function> functions_;
    std::vector<std::string> globals_;
    // per function
    std::string fn_short_;
    int label_counter_ = 0;
    int locals_ = 1;
    int params_ = 0;
    int call_depth_ = 0;
    bool small_ = false;
    std::vector<std::pair<std::string, std::string>> strings_;
};

int usage() {
    std::fprintf(stderr,
                 "usage: hexproof_bench_gen --arch amd64|riscv64 --size BYTES [--seed N] --m1 OUT.M1 --elf "
                 "OUT.hex2\n");
    return 2;
}

int main_impl(int argc, char** argv) {
    std::string arch, m1_path, elf_path;
    uint64_t size = 0, seed = 1;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        std::string v = argv[++i];
        char* end = nullptr;
        if (a == "--arch")
            arch = v;
        else if (a == "--m1")
            m1_path = v;
        else if (a == "--elf")
            elf_path = v;
        else if (a == "--size")
            size = std::strtoull(v.c_str(), &end, 0);
        else if (a == "--seed")
            seed = std::strtoull(v.c_str(), &end, 0);
        else
            return usage();
        if (end != nullptr && *end != '\0') return usage();
    }
    if (m1_path.empty() || elf_path.empty() || size == 0) return usage();

    Stats stats;
    std::unique_ptr<Backend> be;
    if (arch == "amd64")
        be = std::make_unique<Amd64>(stats);
    else if (arch == "riscv64")
        be = std::make_unique<Riscv64>(stats);
    else
        return usage();

    std::string m1, elf;
    Generator gen(*be, seed, stats);
    int64_t image = gen.run(m1, size);
    be->elf_header(elf);
    if (!write_file("gen_m1", m1_path, m1) || !write_file("gen_m1", elf_path, elf)) return 1;
    std::printf(
        "arch=%s seed=%llu m1_bytes=%zu functions=%llu labels=%llu references=%llu immediates=%llu "
        "strings=%llu hex2_output_bytes=%lld\n",
        be->arch(), static_cast<unsigned long long>(seed), m1.size(),
        static_cast<unsigned long long>(stats.functions), static_cast<unsigned long long>(stats.labels),
        static_cast<unsigned long long>(stats.references), static_cast<unsigned long long>(stats.immediates),
        static_cast<unsigned long long>(stats.strings), static_cast<long long>(image));
    return 0;
}

}  // namespace
}  // namespace hexproof::bench

int main(int argc, char** argv) { return hexproof::bench::main_impl(argc, argv); }
