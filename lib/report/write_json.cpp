// The JSON writer: the report's content for machines. Keys in a fixed order, UTF-8 unescaped,
// one table row per line, so two reports diff line by line.
#include <cmath>

#include <fmt/format.h>

#include "report/report.hpp"

namespace liaison::report {

namespace {

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20)
                    out += fmt::format("\\u{:04x}", static_cast<int>(c));
                else
                    out += c;
        }
    }
    return out + "\"";
}

std::string cell_json(const Cell& c) {
    std::string out =
        fmt::format("{{\"text\": {}, \"dir\": \"{}\"", quote(c.text), dir_name(c.dir));
    if (c.number && std::isfinite(*c.number)) out += fmt::format(", \"value\": {}", *c.number);
    if (!c.id.empty()) out += ", \"id\": " + quote(c.id);
    if (!c.link.empty()) out += ", \"link\": " + quote("#" + c.link);
    if (!c.refs.empty()) {
        out += ", \"refs\": [";
        for (std::size_t i = 0; i < c.refs.size(); ++i)
            out += (i ? ", " : "") + quote(c.refs[i].text);
        out += "]";
    }
    return out + "}";
}

std::string strings(const std::vector<std::string>& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + quote(list[i]);
    return out + "]";
}

void write_block(std::string& out, const Block& b) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
        out += fmt::format("{{\"type\": \"paragraph\", \"dir\": \"{}\", \"text\": {}}}",
                           dir_name(p->dir), quote(p->text));
    } else if (const auto* t = std::get_if<Table>(&b)) {
        std::vector<std::string> kinds;
        for (std::size_t i = 0; i < t->columns.size(); ++i)
            kinds.push_back(i < t->numeric.size() && t->numeric[i] ? "number" : "text");
        out += fmt::format(
            "{{\"type\": \"table\", \"caption\": {}, \"columns\": {}, \"column_types\": {}, "
            "\"omitted\": {}, \"rows\": [",
            quote(t->caption), strings(t->columns), strings(kinds), t->omitted);
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
            out += r ? ",\n          [" : "\n          [";
            for (std::size_t i = 0; i < t->rows[r].size(); ++i)
                out += (i ? ", " : "") + cell_json(t->rows[r][i]);
            out += "]";
        }
        out += t->rows.empty() ? "]}" : "\n        ]}";
    } else if (const auto* f = std::get_if<Figure>(&b)) {
        out += fmt::format("{{\"type\": \"figure\", \"caption\": {}, \"svg\": {}}}",
                           quote(f->caption), quote(f->svg));
    } else if (const auto* c = std::get_if<Code>(&b)) {
        out += fmt::format("{{\"type\": \"code\", \"text\": {}}}", quote(c->text));
    }
}

}  // namespace

std::string write_json(const Report& r) {
    std::string out = "{\n";
    out += fmt::format("  \"format\": \"liaison-report\",\n  \"version\": 1,\n");
    out += fmt::format("  \"title\": {},\n  \"inputs\": {},\n  \"sections\": [", quote(r.title),
                       strings(r.inputs));
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
        const Section& s = r.sections[i];
        out += i ? ",\n" : "\n";
        out += fmt::format(
            "    {{\"anchor\": {}, \"level\": {}, \"kind\": {}, \"title\": {},\n     \"blocks\": [",
            quote(s.anchor), s.level, quote(s.kind), quote(s.title));
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
