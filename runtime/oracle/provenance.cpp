// Provenance: see provenance.hpp.
#include "provenance.hpp"

#include <set>

#include "diagnostics.hpp"

namespace hexproof::oracle {

Place place_of(const std::vector<Input>& inputs, const source_scan::Span& s) {
    const LineColumn lc = line_column(inputs[s.file].bytes, s.offset);
    std::string tok(source_scan::text_of(inputs, s));
    while (!tok.empty() &&
           (tok.back() == ' ' || tok.back() == '\t' || tok.back() == '\n' || tok.back() == '>'))
        tok.pop_back();  // the terminator a name scan consumed
    if (tok.size() > 60) tok = tok.substr(0, 60) + "...";
    return Place{inputs[s.file].name + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column),
                 escape_bytes(tok)};
}

std::optional<Place> provenance(const Engine& engine, const Invocation& inv, const std::string& expected,
                                std::size_t offset, std::string* why) {
    if (inv.tool == Tool::hex2) {
        const auto origins = source_scan::hex2_origins(inv.hex2, inv.inputs);
        if (!origins) {
            *why = "the layout scan did not finish";
            return std::nullopt;
        }
        const std::size_t total = origins->empty() ? 0 : origins->back().end;
        if (total != expected.size()) {
            *why = "the layout scan (" + std::to_string(total) +
                   " bytes) disagrees with the reference output (" + std::to_string(expected.size()) +
                   " bytes)";
            return std::nullopt;
        }
        for (const auto& o : *origins)
            if (offset >= o.begin && offset < o.end) return place_of(inv.inputs, o.source);
        *why = "no token produced that byte";
        return std::nullopt;
    }
    // M1: each token's own expansion (the DEFINE table plus that token alone, through the
    // reference), found in order in the reference output.
    const auto tokens = source_scan::m1_tokens(inv.inputs);
    std::string defines;
    std::set<std::size_t> in_define;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == source_scan::M1TokenKind::atom &&
            source_scan::text_of(inv.inputs, tokens[i].span) == "DEFINE" && i + 2 < tokens.size()) {
            defines += "DEFINE " + std::string(source_scan::text_of(inv.inputs, tokens[i + 1].span)) + " " +
                       std::string(source_scan::text_of(inv.inputs, tokens[i + 2].span)) + "\n";
            in_define.insert({i, i + 1, i + 2});
        }
    }
    std::size_t pos = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == source_scan::M1TokenKind::newline || in_define.count(i)) continue;
        Invocation one = inv;
        one.inputs = {Input{"defines", defines},
                      Input{"token", std::string(source_scan::text_of(inv.inputs, tokens[i].span)) + "\n"}};
        const Result r = run_reference(engine, one);
        if (!is_ok(r)) break;
        std::string e = std::get<std::string>(r);
        const auto b = e.find_first_not_of(" \n");
        if (b == std::string::npos) continue;
        e = e.substr(b, e.find_last_not_of(" \n") + 1 - b);
        while (pos < expected.size() && (expected[pos] == ' ' || expected[pos] == '\n')) {
            if (pos == offset) return place_of(inv.inputs, tokens[i].span);  // the separator before it
            ++pos;
        }
        if (expected.compare(pos, e.size(), e) != 0) break;
        if (offset >= pos && offset < pos + e.size()) return place_of(inv.inputs, tokens[i].span);
        pos += e.size();
    }
    *why = "the token expansions could not be lined up with the output";
    return std::nullopt;
}

}  // namespace hexproof::oracle
