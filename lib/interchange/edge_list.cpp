// Plain edge lists: one "SOURCE TARGET [TYPE]" per line (tab- or space-separated), a node alone
// on a line for an isolated node, "#" comments. What most tools can read and write.
#include <fmt/format.h>

#include "interchange/formats.hpp"

namespace liaison::detail {

std::string write_edge_list(const PropertyGraph& g) {
    std::string out = "# liaison edge list: source<TAB>target<TAB>type; a lone id is a node\n";
    std::vector<bool> linked(g.node_count(), false);
    for (const Edge& e : g.edges()) {
        linked[e.source] = linked[e.target] = true;
        out +=
            fmt::format("{}\t{}\t{}\n", g.node(e.source).id, g.node(e.target).id, g.type_name(e));
    }
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (!linked[i]) out += g.node(static_cast<NodeIndex>(i)).id + "\n";
    return out;
}

void read_edge_list(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    out.set_create_missing_nodes(true);
    const std::string& t = in.text;
    std::size_t line = 0;
    for (std::size_t start = 0; start < t.size();) {
        std::size_t end = t.find('\n', start);
        if (end == t.npos) end = t.size();
        std::string_view row(t.data() + start, end - start);
        ++line;
        start = end + 1;
        if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
        bool tabs = row.find('\t') != row.npos;
        struct Token {
            std::string text;
            std::size_t column;
        };
        std::vector<Token> tokens;
        std::size_t column = 1;
        for (std::size_t i = 0; i < row.size();) {
            char c = row[i];
            bool sep = tabs ? c == '\t' : (c == ' ' || c == '\t');
            if (sep) {
                ++i;
                ++column;
                if (tabs && (i == row.size() || row[i] == '\t'))
                    tokens.push_back({"", column});  // an empty field between two tabs
                continue;
            }
            if (c == '#') break;  // a comment starts where a field would
            Token tok{"", column};
            while (i < row.size() && !(tabs ? row[i] == '\t' : (row[i] == ' ' || row[i] == '\t'))) {
                if ((static_cast<unsigned char>(row[i]) & 0xC0) != 0x80) ++column;
                tok.text += row[i++];
            }
            if (tabs) {  // fields may be padded
                while (!tok.text.empty() && tok.text.back() == ' ') tok.text.pop_back();
                while (!tok.text.empty() && tok.text.front() == ' ') tok.text.erase(0, 1);
            }
            tokens.push_back(std::move(tok));
        }
        if (tokens.empty() || (tokens.size() == 1 && tokens[0].text.empty())) continue;
        TextPosition where{in.name, line, tokens[0].column};
        bool blank = false;
        for (const auto& tok : tokens) {
            if (!tok.text.empty()) continue;
            log.report({in.name, line, tok.column}, "empty field");
            blank = true;
        }
        if (blank) continue;
        if (tokens.size() == 1) {
            out.add_node({tokens[0].text, where, {}});
        } else if (tokens.size() <= 3) {
            ImportedEdge e{"", tokens[0].text, tokens[1].text, where, {}};
            if (tokens.size() == 3) e.attributes.emplace_back("type", Value(tokens[2].text));
            out.add_edge(std::move(e));
        } else {
            log.report(
                {in.name, line, tokens[3].column},
                fmt::format("expected SOURCE TARGET [TYPE], found {} fields", tokens.size()));
        }
    }
}

}  // namespace liaison::detail
