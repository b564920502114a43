// The fast path checks a file a piece at a time as it parses, and drops what it has read from
// memory behind it. Both must be invisible: any split of a text gives the answer of checking it
// whole, and a file larger than the pieces reads exactly as the validated path reads it. A file
// that shrinks while mapped is refused (and then read by the validated path), never a crash.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "io/mapped_text.hpp"
#include "io/native_reader_paths.hpp"
#include "io/text_checks.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

bool check_whole(std::string_view text) {
    detail::TextChecks c;
    return c.next(text) && c.finish();
}

bool check_split(std::string_view text, std::size_t a, std::size_t b) {
    detail::TextChecks c;
    return c.next(text.substr(0, a)) && c.next(text.substr(a, b - a)) && c.next(text.substr(b)) &&
           c.finish();
}

std::string outcome(const std::function<PropertyGraph()>& read) {
    try {
        PropertyGraph g = read();
        return "graph:" + write_graph_json(g);
    } catch (const InputError& e) {
        return std::string("error:") + e.what();
    }
}

}  // namespace

TEST_CASE("text checks: every split of a text gives the answer of the whole") {
    const std::vector<std::string> texts = {
        "{\"a\": \"abc\"}",
        "\xEF\xBB\xBF{}",
        "x\xEF\xBB\xBF",
        "\"\\u0000\"",
        "\"\\\\u0000\"",
        "\"\\u00000\"",
        "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xD9\x81",
        "\xC3",
        "ab\xE2\x82",
        "\xF0\x9F\x98",
        "a\xC3\xC3\xA9",
        "\x80\x80\x80\x80\x80",
        "a\xE0\x80\x80",
        "\xED\xA0\x80",
        "\xF4\x90\x80\x80",
        "\xC0\xAF",
        std::string("a\0b", 3),
        "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC",
        "\"\\udc00\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\ud7ff\\ue000\"",
    };
    for (const std::string& text : texts) {
        const bool whole = check_whole(text);
        for (std::size_t a = 0; a <= text.size(); ++a)
            for (std::size_t b = a; b <= text.size(); ++b) {
                INFO("text ", text, " split at ", a, " and ", b);
                CHECK(check_split(text, a, b) == whole);
            }
    }
    CHECK(check_whole(texts[0]));
    CHECK(!check_whole(texts[1]));
    CHECK(check_whole(texts[2]));
    CHECK(!check_whole(texts[3]));
    CHECK(check_whole(texts[6]));
    CHECK(!check_whole(texts[7]));
    CHECK(!check_whole(texts[texts.size() - 3]));  // a lone surrogate escape
    CHECK(!check_whole(texts[texts.size() - 2]));  // a pair: the validated path reads it
    CHECK(check_whole(texts[texts.size() - 1]));   // no surrogate
}

TEST_CASE("fast path: a file larger than the pieces it is checked and dropped in") {
    // About 20 MB: past the 16 MB the mapped text is dropped from memory in.
    std::string text = R"({"graph": {"metadata": {"liaison": {"profile": 1, "relations": )"
                       R"({"R": {"symmetric": true}}}}, "nodes": {)";
    const int nodes = 1000;
    for (int n = 0; n < nodes; ++n)
        text += (n ? ",\n\"v" : "\n\"v") + std::to_string(n) +
                R"(": {"metadata": {"names": )"
                R"({"en": "قرية )" +
                std::to_string(n) + "\"}}}";
    text += "},\n\"edges\": [";
    for (int e = 0; text.size() < (std::size_t{20} << 20); ++e)
        text += (e ? ",\n" : "\n") + std::string(R"({"source": "v)") + std::to_string(e % nodes) +
                R"(", "target": "v)" + std::to_string((e * 7 + 3) % nodes) +
                R"(", "relation": "R", "metadata": {"date": "2020-01-02", "properties": )"
                R"({"weight": 1.5, "note": "ملاحظة"}}})";
    text += "\n]}}\n";

    const fs::path path =
        fs::temp_directory_path() / ("liaison-streamed-" + std::to_string(::getpid()) + ".json");
    auto read_both = [&](const std::string& content) {
        write_file_atomic(path.string(), content);
        const std::string mapped = outcome([&] { return read_graph_file(path.string()); });
        CHECK(mapped ==
              outcome([&] { return detail::parse_graph_json_validated(content, path.string()); }));
        return mapped;
    };
    CHECK(read_both(text).rfind("graph:", 0) == 0);
    CHECK(detail::read_graph_file_fast(path.string()).has_value());  // not by the fallback
    // Refusals found only near the end, after most of the text was dropped from memory.
    for (const std::string& bad :
         {std::string("\xC3"), std::string("\\u0000"), std::string(1, '\0')}) {
        std::string broken = text;
        broken.insert(broken.size() - 200, bad);
        CHECK(read_both(broken).rfind("error:", 0) == 0);
    }
    std::string trailing = text + std::string(1, '\0');
    CHECK(read_both(trailing).rfind("error:", 0) == 0);
    fs::remove(path);
}

TEST_CASE("a file truncated while mapped reads as zeros and is refused, without SIGBUS") {
    const fs::path path =
        fs::temp_directory_path() / ("liaison_mapped_" + std::to_string(::getpid()) + ".json");
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        REQUIRE(f != nullptr);
        const std::string text(4 * page, ' ');
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
    detail::MappedText mapped(detail::MappedText::File{path.string()});
    REQUIRE(mapped.ok());
    CHECK(mapped.data()[0] == ' ');  // before: the file's bytes
    CHECK_FALSE(mapped.shrank());
    REQUIRE(::truncate(path.c_str(), static_cast<off_t>(page)) == 0);
    // Past the new end: a zero instead of a bus error.
    const volatile char* past = mapped.data() + 3 * page + 7;
    CHECK(*past == 0);
    CHECK(mapped.shrank());
    CHECK_FALSE(mapped.accepted());
    fs::remove(path);
    // A second text maps and reads as before: the guard's slot was the first's alone.
    detail::MappedText again(detail::MappedText::File{std::string(LIAISON_SOURCE_DIR) +
                                                      "/graphs/morocco-interpol.json"});
    REQUIRE(again.ok());
    CHECK(again.data()[0] == '{');
    CHECK(again.accepted());
}

TEST_CASE("a bus error outside mapped texts still goes to the previous handler") {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        detail::MappedText mapped(detail::MappedText::File{std::string(LIAISON_SOURCE_DIR) +
                                                           "/graphs/morocco-interpol.json"});
        ::raise(SIGBUS);  // not a fault in the mapping: the default action ends the child
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    // Killed by the signal, or (under AddressSanitizer, whose handler came first) exited with
    // its report: either way the child never went on to exit 0.
    CHECK_FALSE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGBUS);
}
