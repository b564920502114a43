#include "interchange/csv_fast.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <thread>
#include <unordered_map>

#include "interchange/assemble.hpp"
#include "interchange/csv_columns.hpp"
#include "interchange/formats.hpp"
#include "io/fast_id_table.hpp"
#include "io/graph_rules.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::detail {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == s.npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// What the reader does with one column of a relationship file.
enum class Use { Start, End, Type, Skip, EdgeId, Date, StartDate, EndDate, Property, Drop };

struct FastColumn {
    Use use = Use::Skip;
    Column column;
    std::string property;  // for Use::Property
};

// The columns of a relationship file's header, or nullopt when one needs the row reader: a
// quoted header, an unknown type, a repeated role, or an attribute the assembler gives a
// meaning the fast path does not reproduce (type, symmetric, sources, …).
std::optional<std::vector<FastColumn>> edge_columns(std::string_view header) {
    if (header.find('"') != header.npos) return std::nullopt;
    std::vector<FastColumn> out;
    int starts = 0, ends = 0, types = 0;
    for (;;) {
        std::size_t comma = header.find(',');
        std::string text(header.substr(0, comma));
        std::string error;
        auto c = parse_header(text, error);
        if (!c) return std::nullopt;
        FastColumn f;
        f.column = *c;
        switch (c->role) {
            case Role::StartId:
                f.use = Use::Start;
                ++starts;
                break;
            case Role::EndId:
                f.use = Use::End;
                ++ends;
                break;
            case Role::Type:
                f.use = Use::Type;
                ++types;
                break;
            case Role::Ignore:
                f.use = Use::Skip;
                break;
            case Role::Id:
            case Role::Label:
                return std::nullopt;
            case Role::Attribute: {
                const std::string& key = c->name;
                const bool time_key = key == "date" || key == "start" || key == "end";
                if (time_key && c->type != flat::AttrType::Date &&
                    c->type != flat::AttrType::String)
                    return std::nullopt;
                if (key == "id")
                    f.use = Use::EdgeId;
                else if (key == "date")
                    f.use = Use::Date;
                else if (key == "start")
                    f.use = Use::StartDate;
                else if (key == "end")
                    f.use = Use::EndDate;
                else if (key == "type" || key == "relation" || key == "label" ||
                         key == "symmetric" || key == "time" || key == "sources" || key == "key" ||
                         key == "source" || key == "target")
                    return std::nullopt;
                else if (auto p = flat::property_of(key, true)) {
                    f.use = Use::Property;
                    f.property = *p;
                } else {
                    f.use = Use::Drop;  // parsed, then dropped, as the assembler does
                }
            }
        }
        out.push_back(std::move(f));
        if (comma == header.npos) break;
        header.remove_prefix(comma + 1);
    }
    if (starts != 1 || ends != 1 || types > 1) return std::nullopt;
    return out;
}

// Relation type names in order of first sight within one chunk; edges carry these local
// numbers until the chunks are joined and the names declared in file order.
struct LocalTypes {
    std::vector<std::string_view> names;
    std::unordered_map<std::string_view, RelationId> ids;
    std::optional<RelationId> id(std::string_view name) {
        if (!names.empty() && names.back() == name)
            return static_cast<RelationId>(names.size() - 1);
        auto [it, fresh] = ids.try_emplace(name, static_cast<RelationId>(names.size()));
        if (fresh) {
            if (names.size() >= 65535) return std::nullopt;
            names.push_back(name);
        }
        return it->second;
    }
};

struct Endpoints {
    IdTable table;
    std::vector<NodeIndex> node_of;  // slot → node index
    std::optional<NodeIndex> find(std::string_view id) const {
        IdTable::Slot s = table.find(id, IdTable::hash_of(id));
        if (s == IdTable::kNone) return std::nullopt;
        return node_of[s];
    }
};

// One piece of a relationship file, cut at line ends, and where its edges go.
struct Chunk {
    std::string_view text;
    std::size_t first = 0, rows = 0;  // edges [first, first + rows) of the file's vector
    LocalTypes types;
    bool ok = true;
};

std::size_t rows_in(std::string_view text, bool last) {
    std::size_t n = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (last && !text.empty() && text.back() != '\n') ++n;
    return n;
}

// Parses one chunk into its edges; false on anything the row reader must see.
bool parse_chunk(Chunk& chunk, const std::vector<FastColumn>& columns, const Endpoints& ends,
                 Edge* out) {
    std::string_view text = chunk.text;
    if (find_invalid_utf8(text) || text.find('\0') != text.npos || text.find('"') != text.npos)
        return false;
    std::vector<std::string_view> fields(columns.size());
    std::string error;
    for (std::size_t row = 0; row < chunk.rows; ++row) {
        std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == text.npos ? text.size() : nl + 1);
        if (nl != std::string_view::npos && !line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty()) return false;  // a blank line: the row reader skips it
        std::size_t count = 0;
        for (;;) {
            std::size_t comma = line.find(',');
            if (count == fields.size()) return false;
            fields[count++] = line.substr(0, comma);
            if (comma == line.npos) break;
            line.remove_prefix(comma + 1);
        }
        if (count != fields.size()) return false;
        Edge& e = out[row];
        std::string_view type;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const FastColumn& c = columns[i];
            std::string_view f = fields[i];
            switch (c.use) {
                case Use::Start:
                case Use::End: {
                    auto n = f.empty() ? std::nullopt : ends.find(f);
                    if (!n) return false;
                    (c.use == Use::Start ? e.source : e.target) = *n;
                    break;
                }
                case Use::Type:
                    type = trimmed(f);
                    break;
                case Use::Skip:
                    break;
                case Use::Date:
                case Use::StartDate:
                case Use::EndDate: {
                    if (f.empty()) break;
                    // A typed column parses the cell as it is; a text one trims it first.
                    auto d = Date::parse(c.column.type == flat::AttrType::Date ? f : trimmed(f));
                    if (!d) return false;
                    (c.use == Use::Date        ? e.time.date
                     : c.use == Use::StartDate ? e.time.start
                                               : e.time.end) = d;
                    break;
                }
                case Use::EdgeId:
                case Use::Property:
                case Use::Drop: {
                    if (f.empty()) break;
                    auto v = cell_value(c.column, f, error);
                    if (!v) return false;
                    if (c.use == Use::EdgeId)
                        e.id.assign(f);
                    else if (c.use == Use::Property)
                        e.properties.set(c.property, std::move(*v));
                    break;
                }
            }
        }
        if (time_problem(e.time)) return false;
        auto t = chunk.types.id(type.empty() ? std::string_view("LINKED_TO") : type);
        if (!t) return false;
        e.type = *t;
    }
    return true;
}

// Reads one relationship file's rows into `edges` (appended), on both cores for large files.
bool read_edge_file(std::string_view body, const std::vector<FastColumn>& columns,
                    const Endpoints& ends, PropertyGraph& g, bool directed,
                    std::vector<Edge>& edges) {
    constexpr std::size_t kChunkBytes = std::size_t{4} << 20;
    std::vector<Chunk> chunks;
    while (!body.empty()) {
        std::size_t cut = std::min(body.size(), kChunkBytes);
        if (cut < body.size()) {
            std::size_t nl = body.find('\n', cut - 1);
            cut = nl == body.npos ? body.size() : nl + 1;
        }
        Chunk c;
        c.text = body.substr(0, cut);
        body.remove_prefix(cut);
        chunks.push_back(std::move(c));
    }
    std::size_t base = edges.size(), total = 0;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        chunks[i].first = base + total;
        chunks[i].rows = rows_in(chunks[i].text, i + 1 == chunks.size());
        total += chunks[i].rows;
    }
    edges.resize(base + total);

    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr thrown;
    auto work = [&](std::exception_ptr& error) {
        try {
            for (std::size_t i = next++; i < chunks.size() && !failed; i = next++)
                if (!parse_chunk(chunks[i], columns, ends, edges.data() + chunks[i].first))
                    failed = true;
        } catch (...) {
            error = std::current_exception();
            failed = true;
        }
    };
    std::exception_ptr other_error;
    if (chunks.size() > 1 && std::thread::hardware_concurrency() > 1) {
        std::thread helper(work, std::ref(other_error));
        work(thrown);
        helper.join();
    } else {
        work(thrown);
    }
    if (thrown) std::rethrow_exception(thrown);
    if (other_error) std::rethrow_exception(other_error);
    if (failed) return false;

    // Relation types declared in order of first sight over the file, as the assembler does.
    for (Chunk& c : chunks) {
        std::vector<RelationId> global(c.types.names.size());
        for (std::size_t k = 0; k < global.size(); ++k) {
            std::string name(c.types.names[k]);
            if (auto known = g.relations().find(name)) {
                global[k] = *known;
                continue;
            }
            try {
                global[k] = g.relations().declare({name, !directed, "", ""});
            } catch (const ArgumentError&) {
                return false;
            }
        }
        for (std::size_t r = 0; r < c.rows; ++r) {
            Edge& e = edges[c.first + r];
            e.type = global[e.type];
        }
    }
    return true;
}

}  // namespace

int csv_file_rank(std::string_view text) {
    std::string_view head = text.substr(0, 64);
    if (head.starts_with(kBom)) head.remove_prefix(3);
    if (head.starts_with("document")) return 0;
    if (head.starts_with("relation")) return 1;
    return 2;
}

std::optional<ImportResult> import_csv_fast(const std::vector<CsvView>& files,
                                            const ImportOptions& /*options*/) {
    std::vector<const CsvView*> order;
    for (const auto& f : files) order.push_back(&f);
    std::stable_sort(order.begin(), order.end(), [](const CsvView* a, const CsvView* b) {
        return csv_file_rank(a->text) < csv_file_rank(b->text);
    });
    // Every file but the relationship ones goes through the row reader, in the same order;
    // any problem there sends the whole import to the row reader, which reports them all.
    ProblemLog log(false);
    GraphAssembler out(log);
    struct EdgeFile {
        std::string_view body;
        std::vector<FastColumn> columns;
    };
    std::vector<EdgeFile> edge_files;
    for (const CsvView* f : order) {
        std::string_view text = f->text;
        if (text.starts_with(kBom)) text.remove_prefix(3);
        std::size_t nl = text.find('\n');
        std::string_view header = text.substr(0, nl);
        if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
        const bool edge_file =
            csv_file_rank(f->text) == 2 &&
            (header.find(":START_ID") != header.npos || header.find(":END_ID") != header.npos);
        if (!edge_file) {
            if (find_invalid_utf8(f->text) || f->text.find('\0') != f->text.npos)
                return std::nullopt;
            read_csv_file({f->name, std::string(f->text)}, out, log);
            continue;
        }
        auto columns = edge_columns(header);
        if (!columns) return std::nullopt;
        std::string_view body = nl == text.npos ? std::string_view() : text.substr(nl + 1);
        edge_files.push_back({body, std::move(*columns)});
    }
    if (!log.empty()) return std::nullopt;

    Endpoints ends;
    for (const auto& [original, node] : out.nodes_by_original()) {
        bool added = false;
        ends.table.intern(original, IdTable::hash_of(original), added);
        ends.node_of.push_back(node);
    }
    std::vector<Edge> edges;
    for (const EdgeFile& f : edge_files)
        if (!read_edge_file(f.body, f.columns, ends, out.graph(), out.directed(), edges))
            return std::nullopt;
    ImportResult result{out.finish(), out.notes()};
    result.graph.add_edges(std::move(edges));
    return result;
}

}  // namespace liaison::detail
