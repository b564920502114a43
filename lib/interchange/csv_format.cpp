// CSV in the header convention of Neo4j's import tool (neo4j-admin database import): node files
// with `id:ID` and `:LABEL`, relationship files with `:START_ID`, `:END_ID`, `:TYPE`, typed
// columns `name:type`, arrays `name:type[]` separated by ';'. Documents and relation types go
// to two more small files so the set round-trips.
#include <fmt/format.h>

#include "interchange/csv.hpp"
#include "interchange/csv_columns.hpp"
#include "interchange/formats.hpp"

namespace liaison::detail {

namespace {

std::string neo4j_type(flat::AttrType t) {
    switch (t) {
        case flat::AttrType::Bool:
            return ":boolean";
        case flat::AttrType::Int:
            return ":long";
        case flat::AttrType::Float:
            return ":double";
        case flat::AttrType::Date:
            return ":date";
        case flat::AttrType::LocalTime:
            return ":localtime";
        case flat::AttrType::Time:
            return ":time";
        case flat::AttrType::LocalDateTime:
            return ":localdatetime";
        case flat::AttrType::DateTime:
            return ":datetime";
        case flat::AttrType::Duration:
            return ":duration";
        case flat::AttrType::List:
            return ":string[]";
        default:
            return "";  // strings (and JSON text) need no type
    }
}

}  // namespace

std::optional<Column> parse_header(const std::string& header, std::string& error) {
    Column c;
    std::size_t colon = header.rfind(':');
    std::string name = colon == header.npos ? header : header.substr(0, colon);
    std::string type = colon == header.npos ? "" : header.substr(colon + 1);
    if (std::size_t paren = type.find('('); paren != type.npos) type.erase(paren);  // ID spaces
    c.name = name;
    if (type == "ID")
        c.role = Role::Id;
    else if (type == "LABEL")
        c.role = Role::Label;
    else if (type == "START_ID")
        c.role = Role::StartId;
    else if (type == "END_ID")
        c.role = Role::EndId;
    else if (type == "TYPE")
        c.role = Role::Type;
    else if (type == "IGNORE")
        c.role = Role::Ignore;
    else if (type.empty())
        c.type = flat::AttrType::String;
    else if (type.ends_with("[]")) {
        std::string base = type.substr(0, type.size() - 2);
        auto t = flat::parse_type(base);
        if (!t) {
            error = fmt::format("unknown array type '{}'", type);
            return std::nullopt;
        }
        c.type = flat::AttrType::List;
        if (*t != flat::AttrType::String) c.element = t;
    } else if (auto t = flat::parse_type(type)) {
        c.type = *t;
    } else if (type == "point") {
        c.type = flat::AttrType::String;  // kept as text: the model has no such type
    } else {
        error = fmt::format("unknown column type '{}'", type);
        return std::nullopt;
    }
    return c;
}

std::optional<Value> cell_value(const Column& c, std::string_view text, std::string& error) {
    if (c.type == flat::AttrType::List && c.element) {
        ValueList items;
        std::size_t start = 0;
        for (;;) {
            std::size_t at = text.find(kArraySeparator, start);
            auto v = flat::from_text(text.substr(start, at - start), *c.element, error);
            if (!v) return std::nullopt;
            items.push_back(std::move(*v));
            if (at == text.npos) break;
            start = at + 1;
        }
        return Value(std::move(items));
    }
    return flat::from_text(text, c.type, error, kArraySeparator);
}

namespace {

void read_documents_rows(const std::vector<CsvRecord>& rows, GraphAssembler& out, ProblemLog& log,
                         const std::string& name) {
    const auto& header = rows[0].fields;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        Document d;
        for (std::size_t i = 0; i < header.size() && i < rows[r].fields.size(); ++i) {
            const CsvField& f = rows[r].fields[i];
            std::string h = header[i].text.substr(0, header[i].text.find(':'));
            if (h == "document")
                d.id = f.text;
            else if (h == "title")
                d.title = f.text;
            else if (h == "outlet")
                d.outlet = f.text;
            else if (h == "file")
                d.file = f.text;
            else if (h == "language")
                d.language = f.text;
            else if (h == "url")
                d.url = f.text;
            else if (h == "date" && !f.text.empty()) {
                d.date = Date::parse(f.text);
                if (!d.date)
                    log.report({name, f.line, f.column}, fmt::format("'{}' is not a date", f.text));
            }
        }
        if (d.id.empty())
            log.report({name, rows[r].line, 1}, "document without an id");
        else
            out.graph().documents()[d.id] = d;
    }
}

void read_relation_rows(const std::vector<CsvRecord>& rows, GraphAssembler& out, ProblemLog& log,
                        const std::string& name) {
    const auto& header = rows[0].fields;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        RelationType t;
        bool known = false;
        for (std::size_t i = 0; i < header.size() && i < rows[r].fields.size(); ++i) {
            const CsvField& f = rows[r].fields[i];
            std::string h = header[i].text.substr(0, header[i].text.find(':'));
            if (h == "relation")
                t.name = f.text;
            else if (h == "ar")
                t.ar = f.text;
            else if (h == "en")
                t.en = f.text;
            else if (h == "symmetric") {
                known = f.text == "true" || f.text == "false";
                t.symmetric = f.text == "true";
                if (!known) log.report({name, f.line, f.column}, "symmetric must be true or false");
            }
        }
        try {
            if (known) out.graph().relations().declare(t);
        } catch (const Error& e) {
            log.report({name, rows[r].line, 1}, e.what());
        }
    }
}

}  // namespace

void read_csv_file(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    std::vector<CsvRecord> rows = parse_csv(in.text, in.name, log);
    if (rows.empty()) return;
    const std::string first = rows[0].fields[0].text;
    if (first == "document") return read_documents_rows(rows, out, log, in.name);
    if (first == "relation") return read_relation_rows(rows, out, log, in.name);

    std::vector<Column> columns;
    bool header_ok = true;
    for (const CsvField& f : rows[0].fields) {
        std::string error;
        auto c = parse_header(f.text, error);
        if (!c) {
            log.report({in.name, f.line, f.column}, error);
            header_ok = false;
            continue;
        }
        columns.push_back(*c);
    }
    if (!header_ok) return;
    auto has = [&](Role r) {
        return std::any_of(columns.begin(), columns.end(),
                           [&](const Column& c) { return c.role == r; });
    };
    bool edges = has(Role::StartId) || has(Role::EndId);
    if (edges && !(has(Role::StartId) && has(Role::EndId))) {
        log.report({in.name, 1, 1}, "a relationship file needs both :START_ID and :END_ID");
        return;
    }
    if (!edges && !has(Role::Id)) {
        log.report({in.name, 1, 1},
                   "expected a node file (an id:ID column) or a relationship file (:START_ID, "
                   ":END_ID)");
        return;
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRecord& row = rows[r];
        TextPosition where{in.name, row.line, 1};
        if (row.fields.size() != columns.size()) {
            log.report(where, fmt::format("expected {} fields, found {}", columns.size(),
                                          row.fields.size()));
            continue;
        }
        std::string id, start, end;
        flat::Record record;
        bool ok = true;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Column& c = columns[i];
            const CsvField& f = row.fields[i];
            TextPosition cell{in.name, f.line, f.column};
            switch (c.role) {
                case Role::Id:
                    id = f.text;
                    break;
                case Role::StartId:
                    start = f.text;
                    break;
                case Role::EndId:
                    end = f.text;
                    break;
                case Role::Label:
                    if (!f.text.empty()) record.emplace_back("labels", Value(f.text));
                    break;
                case Role::Type:
                    if (!f.text.empty()) record.emplace_back("type", Value(f.text));
                    break;
                case Role::Ignore:
                    break;
                case Role::Attribute: {
                    if (f.text.empty()) break;  // Neo4j: an empty cell is no value
                    std::string error;
                    auto v = cell_value(c, f.text, error);
                    if (!v) {
                        log.report(cell, fmt::format("column '{}': {}", c.name, error));
                        ok = false;
                        break;
                    }
                    if (edges && c.name == "id")
                        id = f.text;
                    else
                        record.emplace_back(c.name, std::move(*v));
                }
            }
        }
        if (!ok) continue;
        if (edges) {
            for (auto [value, role] :
                 {std::pair{&start, Role::StartId}, std::pair{&end, Role::EndId}}) {
                if (!value->empty()) continue;
                auto col = std::find_if(columns.begin(), columns.end(),
                                        [role = role](const Column& c) { return c.role == role; });
                const CsvField& f = row.fields[static_cast<std::size_t>(col - columns.begin())];
                log.report({in.name, f.line, f.column}, "empty node id");
                ok = false;
            }
            if (ok) out.add_edge({id, start, end, where, std::move(record)});
        } else {
            if (id.empty()) {
                log.report(where, "empty node id");
                continue;
            }
            out.add_node({id, where, std::move(record)});
        }
    }
}

std::vector<ExportedFile> export_csv_files(const PropertyGraph& g) {
    std::vector<flat::Record> nodes, edges;
    for (const Node& n : g.nodes()) nodes.push_back(flat::flatten_node(n));
    for (const Edge& e : g.edges()) edges.push_back(flat::flatten_edge(g, e));
    flat::Schema ns = flat::infer_schema(nodes), es = flat::infer_schema(edges);
    auto cells = [&](const flat::Schema& s, const flat::Record& r,
                     const std::vector<std::string>& keys) {
        std::vector<std::string> out;
        for (const auto& key : keys) {
            auto it =
                std::find_if(r.begin(), r.end(), [&](const auto& a) { return a.first == key; });
            bool none = it == r.end() || it->second.is_null();  // Neo4j: no value is an empty cell
            out.push_back(none ? "" : flat::to_text(it->second, s.type_of(key), kArraySeparator));
        }
        return out;
    };
    auto headers = [&](const flat::Schema& s, const std::vector<std::string>& keys) {
        std::vector<std::string> out;
        for (const auto& key : keys) out.push_back(key + neo4j_type(s.type_of(key)));
        return out;
    };
    auto without = [](const flat::Schema& s, const char* skip) {
        std::vector<std::string> keys;
        for (const auto& k : s.keys)
            if (k != skip) keys.push_back(k);
        return keys;
    };
    for (const auto& r : nodes)
        for (const auto& [key, value] : r)
            if (ns.type_of(key) == flat::AttrType::List)
                for (const Value& item : value.as_list())
                    if (item.as_string().find(kArraySeparator) != std::string::npos)
                        throw ArgumentError(fmt::format(
                            "CSV: list '{}' holds an item with ';' ('{}'), which Neo4j arrays "
                            "cannot carry",
                            key, item.as_string()));

    std::vector<std::string> nkeys = without(ns, "labels");
    std::vector<std::string> header = {"id:ID", ":LABEL"};
    for (auto& h : headers(ns, nkeys)) header.push_back(h);
    std::string ntext = csv_line(header);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = g.node(static_cast<NodeIndex>(i));
        std::string labels;
        for (const auto& l : n.labels) labels += (labels.empty() ? "" : ";") + l;
        std::vector<std::string> row = {n.id, labels};
        for (auto& c : cells(ns, nodes[i], nkeys)) row.push_back(std::move(c));
        ntext += csv_line(row);
    }

    bool ids = std::any_of(g.edges().begin(), g.edges().end(),
                           [](const Edge& e) { return !e.id.empty(); });
    std::vector<std::string> ekeys = without(es, "type");
    header = {":START_ID", ":END_ID", ":TYPE"};
    if (ids) header.push_back("id");
    for (auto& h : headers(es, ekeys)) header.push_back(h);
    std::string etext = csv_line(header);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = g.edge(static_cast<EdgeIndex>(i));
        std::vector<std::string> row = {g.node(e.source).id, g.node(e.target).id, g.type_name(e)};
        if (ids) row.push_back(e.id.str());
        for (auto& c : cells(es, edges[i], ekeys)) row.push_back(std::move(c));
        etext += csv_line(row);
    }

    std::string dtext =
        csv_line({"document", "title", "outlet", "date", "file", "language", "url"});
    for (const auto& [id, d] : g.documents())
        dtext += csv_line(
            {id, d.title, d.outlet, d.date ? d.date->to_string() : "", d.file, d.language, d.url});
    std::string rtext = csv_line({"relation", "symmetric", "ar", "en"});
    for (const RelationType& t : g.relations().all())
        if (!t.builtin) rtext += csv_line({t.name, t.symmetric ? "true" : "false", t.ar, t.en});
    return {{"nodes.csv", ntext},
            {"edges.csv", etext},
            {"documents.csv", dtext},
            {"relations.csv", rtext}};
}

}  // namespace liaison::detail
