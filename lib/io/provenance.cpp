#include "io/provenance.hpp"

#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/native_format.hpp"

namespace liaison {

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
    auto check = [&](const std::string& what, const std::vector<Source>& sources) {
        if (require_sources && sources.empty()) problems.push_back(what + ": no source");
        for (const Source& s : sources) {
            auto it = texts.find(s.document);
            if (it == texts.end()) continue;  // reported above, or a document without a file
            if (it->second.find(s.quote) == std::string::npos)
                problems.push_back(fmt::format("{}: quote not found in {} ({}): «{}»", what,
                                               s.document, g.documents().at(s.document).file,
                                               s.quote));
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
