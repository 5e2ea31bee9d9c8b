// Unit tests for diagnostics: offsets to line/column, escaping, and messages in upstream wording.
#include "diagnostics.hpp"

#include <gtest/gtest.h>

namespace hexproof {
namespace {

TEST(LineColumn, CountsNewlinesOnly) {
    const std::string text = "ab\ncd\r\nef";
    EXPECT_EQ(line_column(text, 0).line, 1u);
    EXPECT_EQ(line_column(text, 0).column, 1u);
    EXPECT_EQ(line_column(text, 2).column, 3u);  // the '\n' itself is on line 1
    EXPECT_EQ(line_column(text, 3).line, 2u);
    EXPECT_EQ(line_column(text, 3).column, 1u);
    EXPECT_EQ(line_column(text, 7).line, 3u);  // '\r' is an ordinary byte
    EXPECT_EQ(line_column(text, 8).column, 2u);
}

TEST(LineColumn, OffsetAtEndOfFile) {
    EXPECT_EQ(line_column("abc", 3).column, 4u);
    EXPECT_EQ(line_column("abc\n", 4).line, 2u);
    EXPECT_EQ(line_column("", 0).line, 1u);
}

TEST(EscapeBytes, NonPrintableAsHex) {
    EXPECT_EQ(escape_bytes("a\r"), "a\\x0D");
    EXPECT_EQ(escape_bytes(std::string("\xff\0z", 3)), "\\xFF\\x00z");
    EXPECT_EQ(escape_bytes("back\\slash"), "back\\x5Cslash");
}

std::vector<Input> one(const std::string& name, const std::string& bytes) { return {Input{name, bytes}}; }

TEST(FormatError, UndefinedLabelAtName) {
    Error e{ErrorKind::undefined_label, 0, 5, 0, "loop"};
    EXPECT_EQ(format_error(e, one("a.hex2", "00\n !loop\n")),
              "a.hex2:2:3: error: Target label loop is not valid");
}

TEST(FormatError, DisplacementWordingFollowsSigil) {
    const auto in = one("f", "!a @b $c ~d");
    EXPECT_EQ(error_message({ErrorKind::displacement_out_of_range, 0, 0, 200, ""}, in),
              "A relative displacement of 200 does not fit in 1 byte");
    EXPECT_EQ(error_message({ErrorKind::displacement_out_of_range, 0, 3, -40000, ""}, in),
              "A relative displacement of -40000 does not fit in 2 bytes");
    EXPECT_EQ(error_message({ErrorKind::displacement_out_of_range, 0, 6, 70000, ""}, in),
              "An absolute displacement of 70000 does not fit in 2 bytes");
    EXPECT_EQ(error_message({ErrorKind::displacement_out_of_range, 0, 9, 9000000, ""}, in),
              "A relative displacement of 9000000 does not fit in 3 bytes");
}

TEST(FormatError, RiscvFieldType) {
    const auto in = one("f", "@a $b");
    EXPECT_EQ(error_message({ErrorKind::riscv_field_out_of_range, 0, 0, 4097, ""}, in),
              "value 4097 out of range for field type B");
    EXPECT_EQ(error_message({ErrorKind::riscv_field_out_of_range, 0, 3, 3, ""}, in),
              "value 3 out of range for field type J");
}

TEST(FormatError, NoPlace) {
    Error e{ErrorKind::empty_input, no_file, 0, 0, ""};
    EXPECT_EQ(format_error(e, {}), "error: Either no input files were given or they were empty");
}

TEST(FormatError, SubjectEscaped) {
    Error e{ErrorKind::invalid_other, 0, 0, 0, "mov\r"};
    EXPECT_EQ(format_error(e, one("x.M1", "mov\r\n")), "x.M1:1:1: error: Received invalid other; mov\\x0D");
}

TEST(FormatError, LongSubjectCut) {
    // 80 bytes are shown, then how many more there are; 80 bytes exactly are shown whole.
    const std::string name = std::string(80, 'a') + std::string(5242800, 'b');
    Error e{ErrorKind::undefined_label, 0, 1, 0, name};
    EXPECT_EQ(error_message(e, one("f", "!" + name)),
              "Target label " + std::string(80, 'a') + "...(5242800 more bytes) is not valid");
    e.subject = std::string(80, 'c');
    EXPECT_EQ(error_message(e, one("f", "!" + e.subject)),
              "Target label " + std::string(80, 'c') + " is not valid");
    e.subject = std::string(81, 'd');
    EXPECT_EQ(error_message(e, one("f", "!" + e.subject)),
              "Target label " + std::string(80, 'd') + "...(1 more byte) is not valid");
}

TEST(FormatError, CutSubjectEscapedBeforeCut) {
    // The cut counts the subject's bytes, not their escaped forms.
    const std::string subject = std::string(79, 'x') + "\x1b" + std::string(10, 'y');
    Error e{ErrorKind::invalid_other, 0, 0, 0, subject};
    EXPECT_EQ(error_message(e, one("f", subject)),
              "Received invalid other; " + std::string(79, 'x') + "\\x1B...(10 more bytes)");
}

TEST(FormatError, NameControlBytesEscaped) {
    // A file name's control bytes would reach the terminal raw; its other bytes (UTF-8) do not
    // need escaping.
    Error e{ErrorKind::invalid_other, 0, 0, 0, "a"};
    EXPECT_EQ(format_error(e, one("\x1b[31mred\x7f\xc3\xa9", "a\n")),
              "\\x1B[31mred\\x7F\xc3\xa9:1:1: error: Received invalid other; a");
}

}  // namespace
}  // namespace hexproof
