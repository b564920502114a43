#include "liaison/io/provenance.hpp"

#include <filesystem>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison {

namespace {

// The byte offset where each code point of a UTF-8 text starts, and the text's size last.
std::vector<std::size_t> code_point_starts(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
    out.push_back(text.size());
    return out;
}

}  // namespace

std::vector<std::string> check_provenance(const PropertyGraph& g, const std::string& documents_dir,
                                          bool require_sources) {
    std::vector<std::string> problems;
    std::map<std::string, std::string, std::less<>> texts;  // document id → text
    for (const auto& [id, doc] : g.documents()) {
        if (doc.file.empty()) continue;
        auto path = std::filesystem::path(documents_dir) / doc.file;
        try {
            texts.emplace(id, read_file(path.string()));
        } catch (const SystemError& e) {
            problems.push_back(fmt::format("document {}: {}", id, e.what()));
        }
    }
    std::map<std::string, std::vector<std::size_t>, std::less<>> starts;  // of code points
    auto check = [&](const std::string& what, const Sources& sources) {
        if (require_sources && sources.empty()) problems.push_back(what + ": no source");
        for (std::size_t i = 0; i < sources.size(); ++i) {
            const Source& s = sources[i];
            auto it = texts.find(s.document);
            if (it == texts.end()) continue;  // reported above, or a document without a file
            const std::string& file = g.documents().at(s.document).file;
            if (it->second.find(s.quote) == std::string::npos)
                problems.push_back(fmt::format("{}: quote not found in {} ({}): «{}»", what,
                                               s.document, file, s.quote));
            if (!s.start || !s.end) continue;
            auto& cps = starts[s.document];
            if (cps.empty()) cps = code_point_starts(it->second);
            const auto count = static_cast<std::int64_t>(cps.size() - 1);
            const std::string where = fmt::format("{}: source {} [{}, {}) in {} ({})", what, i + 1,
                                                  *s.start, *s.end, s.document, file);
            if (*s.start < 0 || *s.start > *s.end || *s.end > count) {
                problems.push_back(
                    fmt::format("{}: outside the text ({} characters); "
                                "expected offsets of the quote «{}»",
                                where, count, s.quote));
                continue;
            }
            const std::size_t from = cps[static_cast<std::size_t>(*s.start)];
            const std::size_t to = cps[static_cast<std::size_t>(*s.end)];
            const std::string_view there = std::string_view(it->second).substr(from, to - from);
            if (there != s.quote)
                problems.push_back(fmt::format(
                    "{}: the text there is «{}»; expected the quote «{}»", where, there, s.quote));
        }
    };
    for (const Node& n : g.nodes()) check("node " + n.id, n.sources);
    for (const Edge& e : g.edges())
        check(fmt::format("edge {} -{}-> {}", g.node(e.source).id, g.type_name(e),
                          g.node(e.target).id),
              e.sources);
    return problems;
}

}  // namespace liaison
