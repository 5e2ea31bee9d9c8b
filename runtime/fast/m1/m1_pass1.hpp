// Pass 1 of the fast M1: the inputs lexed once (a short line met again is not lexed again), each
// distinct text interned, the DEFINE bindings recorded, and the printed tokens kept as a stream
// of ids; on large inputs, two stretches read at once and merged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine.hpp"
#include "keyed_hash.hpp"
#include "m1_printed_stream.hpp"
#include "m1_text_table.hpp"

namespace hexproof::m1_fast {

constexpr std::size_t batch_size = 512;  // tokens per lexer call

// What pass 1 makes of a stretch of the inputs: its distinct texts, numbered by first occurrence
// in the stretch, and its printed stream. A stretch after the first is merged into the first's
// table afterwards; `merged_ids` then maps its ids to the merged ones, and `merged_counts` keeps
// the printed count of each of its texts (by its own ids) for the output's size.
struct Part {
    // `bytes`: the size of the stretch; `texts_room`: the bytes whose texts the table will hold
    // (a first part's table takes in the second part's texts too, but only as entries).
    Part(std::size_t bytes, std::size_t texts_room, const keyed_hash::Key& key)
        : stretch_bytes(bytes), table(key), printed(bytes / 4 + 4096) {
        // Room for the distinct texts of a typical program (about one per 64 input bytes or
        // fewer), so the table of texts rarely moves; the pages never written are never touched.
        // The slots, which only the stretch's own texts use, are sized for one text per 128
        // bytes (large generated programs have about that many labels), so that growth copies
        // rarely.
        table.entries.reserve(texts_room / 64 + 1024);
        table.expect(bytes / 128);
    }

    std::size_t stretch_bytes;
    TextTable table;
    PrintedStream printed;
    std::vector<std::uint32_t> merged_ids;
    std::vector<std::uint32_t> merged_counts;
};

// What pass 1 makes of all the inputs: one part; or, when two threads read, the first part, whose
// table then holds every text (merged, numbered as one thread would), and the second part's
// printed stream with the map from its ids to the merged ones.
struct Parts {
    std::optional<Part> first;
    std::optional<Part> second;
};

// Pass 1 over the inputs, into `parts`: tokenizing errors, then empty_input, then the DEFINE
// errors (docs/contract.md's precedence); with `two_threads`, two stretches at once where that
// gives what one thread gives.
std::optional<Error> read_texts(const M1Config& config, const std::vector<Input>& inputs, bool two_threads,
                                const keyed_hash::Key& key, Parts& parts);

}  // namespace hexproof::m1_fast
