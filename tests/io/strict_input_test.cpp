// Input JSON allows but the model cannot keep exactly is an error with its position, never a
// silent change (docs/format.md, "Strict JSON"): on both reader paths, which must agree.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "io/json_strict.hpp"
#include "io/native_reader_paths.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

// The validated path's message; the fast path must refuse the same text.
std::string error_of(const std::string& text) {
    CHECK_FALSE(detail::parse_graph_json_fast(text).has_value());
    try {
        detail::parse_graph_json_validated(text, "in.json");
    } catch (const InputError& e) {
        // The public reader says the same.
        try {
            parse_graph_json(text, "in.json");
        } catch (const InputError& public_error) {
            CHECK(std::string(public_error.what()) == e.what());
        }
        return e.what();
    }
    return "(no error)";
}

// Both paths read the text, to the same graph; returns its canonical text.
std::string canonical(const std::string& text) {
    auto fast = detail::parse_graph_json_fast(text);
    const std::string validated = write_graph_json(detail::parse_graph_json_validated(text, "in"));
    if (fast) CHECK(write_graph_json(*fast) == validated);
    return validated;
}

const std::string kLoneSurrogate =
    "lone surrogate escape \"\\u{}\"; expected a character (a high "
    "surrogate followed by a low one)";

std::string lone(const std::string& unit) {
    std::string m = kLoneSurrogate;
    return m.replace(m.find("{}"), 2, unit);
}

}  // namespace

TEST_CASE("escapes the writer could not write back are refused where they stand") {
    CHECK(error_of(R"({"graph": {"nodes": {"a": {"metadata": {"names": {"en": "A\udc00"}}}}}})") ==
          "in.json:1:59: " + lone("dc00"));
    CHECK(error_of(R"({"graph": {"nodes": {"a": {"metadata": {"names": {"en": "A\ud83d"}}}}}})") ==
          "in.json:1:59: " + lone("d83d"));
    CHECK(error_of(R"({"graph": {"nodes": {"a": {"metadata": {"aliases": ["\ud83d\ud83d"]}}}}})") ==
          "in.json:1:54: " + lone("d83d"));
    CHECK(
        error_of(
            R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"k": 1, "k\u0000x": 2}}}}}})") ==
        "in.json:1:66: \"\\u0000\" escape (a NUL character); expected text without NUL "
        "characters");
    // A pair is a character; an escaped backslash before "u" is no escape at all.
    CHECK(
        canonical(
            R"({"graph": {"nodes": {"a": {"metadata": {"names": {"en": "\ud83d\ude00 \\udc00"}}}}}})")
            .find("\"en\":\"\xF0\x9F\x98\x80 \\\\udc00\"") != std::string::npos);
}

TEST_CASE("duplicate members are refused at the second one") {
    CHECK(error_of(
              R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"k": 1, "k": 2}}}}}})") ==
          "in.json:1:64: duplicate member 'k'; expected each member once");
    CHECK(error_of(R"({"graph": {"nodes": {}}, "graph": {"nodes": {"a": {}}}})") ==
          "in.json:1:26: duplicate member 'graph'; expected each member once");
    CHECK(error_of(
              R"({"graph": {"nodes": {"a": {"metadata": {"names": {"en": "A", "en": "B"}}}}}})") ==
          "in.json:1:62: duplicate member 'en'; expected each member once");
    CHECK(error_of(R"({"graph": {"edges": [{"source": "a", "target": "a", "relation": "R",)"
                   R"( "metadata": {"properties": {"w": 1, "w": 2}}}], "nodes": {"a": {}},)"
                   R"( "metadata": {"liaison": {"relations": {"R": {"symmetric": false}}}}}})") ==
          "in.json:1:106: duplicate member 'w'; expected each member once");
    CHECK(error_of(R"({"graph": {"nodes": {"a": {}}, "metadata": {"liaison": {"relations": )"
                   R"({"R": {"symmetric": false}, "R": {"symmetric": false}}}}}})") ==
          "in.json:1:98: duplicate relation type 'R'");
    CHECK(error_of(R"({"graph": {"nodes": {"a": {}, "a": {}}}})") ==
          "in.json:1:31: duplicate node id 'a'");
}

TEST_CASE("numbers are kept exactly or refused") {
    const std::string range =
        "integer out of range (int64); expected an integer from -9223372036854775808 to "
        "9223372036854775807, or a float written with a fraction or exponent";
    auto with = [](const std::string& number) {
        return R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"n": )" + number +
               "}}}}}}";
    };
    CHECK(error_of(with("123456789012345678901234567890")) == "in.json:1:61: " + range);
    CHECK(error_of(with("9223372036854775808")) == "in.json:1:61: " + range);
    CHECK(error_of(with("-9223372036854775809")) == "in.json:1:61: " + range);
    CHECK(error_of(with("[1, 1e-400]")) ==
          "in.json:1:65: number out of range (underflows to 0); expected 0 or a magnitude of at "
          "least 4.9e-324");
    CHECK(error_of(with("1e400")) ==
          "in.json:1:61: invalid JSON: Number too big to be stored in double.");
    // The edges of the ranges, and zeros written any way, are kept.
    CHECK(canonical(with("9223372036854775807")).find("\"n\":9223372036854775807") !=
          std::string::npos);
    CHECK(canonical(with("-9223372036854775808")).find("\"n\":-9223372036854775808") !=
          std::string::npos);
    CHECK(canonical(with("1e30")).find("\"n\":1e30") != std::string::npos);
    CHECK(canonical(with("0e-400")).find("\"n\":0.0") != std::string::npos);
    CHECK(canonical(with("4.9e-324")).find("\"n\":5e-324") != std::string::npos);
}

TEST_CASE("the shared strict parse serves the other JSON readers") {
    rapidjson::Document doc;
    auto p = detail::parse_strict(R"({"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}})", doc);
    REQUIRE(p.has_value());
    CHECK(p->kind == detail::JsonProblem::Kind::DuplicateMember);
    CHECK(p->offset == 33);
    CHECK(p->path == std::vector<std::string>{"b", "c", "1"});
    CHECK(detail::parse_strict(R"(["\udfff"])", doc)->offset == 2);
    CHECK(detail::parse_strict(R"([1e-999])", doc)->offset == 1);
    CHECK_FALSE(detail::parse_strict(R"({"a": [1, 2.5, "\u00e9"]})", doc).has_value());
    CHECK(doc["a"][2].GetStringLength() == 2);
    CHECK_FALSE(detail::parse_strict(R"({"a": )", doc).has_value());
    CHECK(doc.HasParseError());
}

TEST_CASE("duplicate members are found in objects of any size, and siblings do not share names") {
    rapidjson::Document doc;
    // Sibling objects at one depth reuse the parser's frame: their names must not leak.
    CHECK_FALSE(detail::parse_strict(R"({"a": {"x": 1, "y": [{"x": 2}]}, "b": {"x": 3}})", doc)
                    .has_value());
    CHECK(doc["b"]["x"].GetInt() == 3);
    // Past 16 members the names move to a hash set; a repeat is found on either side of that.
    for (const int members : {3, 16, 17, 40}) {
        for (const int repeated : {0, members / 2, members - 1}) {
            std::string text = "[{\"k\": {";
            for (int i = 0; i < members; ++i) text += fmt::format("\"m{}\": {}, ", i, i);
            const std::size_t at = text.size();
            text += fmt::format("\"m{}\": 0}}}}, {{\"m0\": 1}}]", repeated);
            CAPTURE(members);
            CAPTURE(repeated);
            auto p = detail::parse_strict(text, doc);
            REQUIRE(p.has_value());
            CHECK(p->kind == detail::JsonProblem::Kind::DuplicateMember);
            CHECK(p->offset == at);
            CHECK(p->key == fmt::format("m{}", repeated));
            CHECK(p->path == std::vector<std::string>{"0", "k"});
            // Without the repeat the same text parses, and so does a large object's sibling.
            text.replace(at, fmt::format("\"m{}\"", repeated).size(), "\"last\"");
            CHECK_FALSE(detail::parse_strict(text, doc).has_value());
            CHECK(doc[1]["m0"].GetInt() == 1);
        }
    }
}
