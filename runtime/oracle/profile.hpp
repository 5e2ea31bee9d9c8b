// Profiles: what an implementation under test claims to be (docs/oracle.md, "Profiles"). A
// profile names the language subset the tool implements (subset.hpp: architectures, endianness,
// base addresses, byte modes, one input or many, constructs, the errors it reports, its token
// limit), how it is called (command templates), and which mescc-tools release it is, if any (the
// release whose known differences may explain a divergence, once confirmed). The oracle generates
// programs inside the subset and skips, and counts, corpus steps outside it.
//
// Built in: `full` (the default: everything, no release), `seed` (the stage0-posix seed tools
// hex2-0 and M0 of the architecture given with --arch, from their sources: `seed-amd64`, ...),
// `mescc-tools-1.4`, `mescc-tools-1.5`, `mescc-tools-1.6`, and `portable`. A profile can also be a
// file in the same format, which --show-profile prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "subset.hpp"

namespace hexproof::oracle {

// The mescc-tools releases whose behaviour differs from 1.7.0 in known ways (releases.hpp), and
// 1.7.0 itself. 1.5 stands for 1.5.0 to 1.5.2, which do not differ.
enum class Release : std::uint8_t { v1_4, v1_5, v1_6, v1_7 };

std::string_view release_name(Release r);  // "1.4.0", "1.5.x", "1.6.0", "1.7.0"
std::optional<Release> parse_release(
    std::string_view s);  // 1.4, 1.4.0, 1.5, 1.5.0..1.5.2, 1.6, 1.6.0, 1.7, 1.7.0

struct Profile {
    std::string name;
    std::string description;
    std::string origin;              // "built in" or the file's path
    std::optional<Release> release;  // which mescc-tools release the tool is
    std::optional<CommandTemplate> hex2_command, m1_command;
    Subset subset;
};

// The built-in profile NAME (`seed` needs the architecture: seed-ARCH), or nullopt.
std::optional<Profile> builtin_profile(std::string_view name, std::optional<Architecture> architecture);

// The names of the built-in profiles, for messages.
std::string builtin_profile_names();

// Parses a profile file's text; `origin` is its path, for messages (`PATH:LINE: ...`), and
// `architecture` the one --arch given, if any (for `extends: seed`). nullopt with *error when a
// line is not `key: value`, a key is unknown or given twice, a value is not in the key's
// vocabulary, or `extends:` names no built-in profile.
std::optional<Profile> parse_profile(std::string_view text, const std::string& origin, std::string* error,
                                     std::optional<Architecture> architecture = std::nullopt);

// The profile in the file format (parse_profile reads it back to the same profile).
std::string profile_text(const Profile& profile);

}  // namespace hexproof::oracle
