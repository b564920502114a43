// The JSON writer: the report's content for machines. Keys in a fixed order, UTF-8 unescaped,
// one table row per line, so two reports diff line by line.
#include <cmath>

#include <fmt/format.h>

#include "liaison/core/json_text.hpp"
#include "liaison/report/report.hpp"

namespace liaison::report {

namespace {

std::string cell_json(const Cell& c) {
    std::string out =
        fmt::format("{{\"text\": {}, \"dir\": \"{}\"", json_quote(c.text), dir_name(c.dir));
    if (c.number && std::isfinite(*c.number)) out += fmt::format(", \"value\": {}", *c.number);
    if (!c.id.empty()) out += ", \"id\": " + json_quote(c.id);
    if (!c.link.empty()) out += ", \"link\": " + json_quote("#" + c.link);
    if (!c.refs.empty()) {
        out += ", \"refs\": [";
        for (std::size_t i = 0; i < c.refs.size(); ++i)
            out += (i ? ", " : "") + json_quote(c.refs[i].text);
        out += "]";
    }
    return out + "}";
}

std::string strings(const std::vector<std::string>& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + json_quote(list[i]);
    return out + "]";
}

void write_block(std::string& out, const Block& b) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
        out += fmt::format("{{\"type\": \"paragraph\", \"dir\": \"{}\", \"text\": {}}}",
                           dir_name(p->dir), json_quote(p->text));
    } else if (const auto* t = std::get_if<Table>(&b)) {
        std::vector<std::string> kinds;
        for (std::size_t i = 0; i < t->columns.size(); ++i)
            kinds.push_back(i < t->numeric.size() && t->numeric[i] ? "number" : "text");
        out += fmt::format(
            "{{\"type\": \"table\", \"caption\": {}, \"columns\": {}, \"column_types\": {}, "
            "\"omitted\": {}, \"rows\": [",
            json_quote(t->caption), strings(t->columns), strings(kinds), t->omitted);
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
            out += r ? ",\n          [" : "\n          [";
            for (std::size_t i = 0; i < t->rows[r].size(); ++i)
                out += (i ? ", " : "") + cell_json(t->rows[r][i]);
            out += "]";
        }
        out += t->rows.empty() ? "]}" : "\n        ]}";
    } else if (const auto* f = std::get_if<Figure>(&b)) {
        out += fmt::format("{{\"type\": \"figure\", \"caption\": {}, \"svg\": {}}}",
                           json_quote(f->caption), json_quote(f->svg));
    } else if (const auto* c = std::get_if<Code>(&b)) {
        out += fmt::format("{{\"type\": \"code\", \"text\": {}}}", json_quote(c->text));
    }
}

}  // namespace

std::string write_json(const Report& r) {
    std::string out = "{\n";
    out += fmt::format("  \"format\": \"liaison-report\",\n  \"version\": 1,\n");
    out += fmt::format("  \"title\": {},\n  \"inputs\": {},\n  \"sections\": [",
                       json_quote(r.title), strings(r.inputs));
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
        const Section& s = r.sections[i];
        out += i ? ",\n" : "\n";
        out += fmt::format(
            "    {{\"anchor\": {}, \"level\": {}, \"kind\": {}, \"title\": {},\n     \"blocks\": [",
            json_quote(s.anchor), s.level, json_quote(s.kind), json_quote(s.title));
        for (std::size_t k = 0; k < s.blocks.size(); ++k) {
            out += k ? ",\n        " : "\n        ";
            write_block(out, s.blocks[k]);
        }
        out += s.blocks.empty() ? "]}" : "\n     ]}";
    }
    out += r.sections.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace liaison::report
