#pragma once
// What the GDELT and ICEWS importers share (docs/interchange.md, "GDELT and ICEWS"): the input
// mapped rather than read, and a builder that interns actors and documents to dense indices and
// appends events straight to a PropertyGraph, with the CAMEO filter and bad-row policy.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interchange/cameo.hpp"
#include "liaison/interchange/interchange.hpp"

namespace liaison::detail {

// A file mapped read-only (or a text in memory, for tests), read front to back.
class EventInput {
public:
    explicit EventInput(const std::string& path);  // throws InputError when it cannot be read
    EventInput(std::string name, std::string_view text) : name_(std::move(name)), text_(text) {}
    ~EventInput();
    EventInput(const EventInput&) = delete;
    EventInput& operator=(const EventInput&) = delete;
    const std::string& name() const { return name_; }
    std::string_view text() const { return text_; }

private:
    std::string name_;
    std::string_view text_;
    void* map_ = nullptr;
    std::size_t mapped_ = 0;
};

// One tab-separated line: its fields as views, with positions for messages.
struct TabRow {
    std::string_view line;
    std::size_t number = 0;  // 1-based line number
    std::vector<std::string_view> fields;
    // 1-based column (in code points) where field i starts; past the end for a missing field.
    std::size_t column(std::size_t field) const;
};

// Calls row(TabRow&) for every non-blank line (CR before LF dropped); reports progress.
template <class F>
void for_each_tab_row(std::string_view text, const ImportOptions& options, F&& row);

struct EventFields {
    std::string_view id;  // the dataset's event id (the edge id)
    Date date;
    std::string_view cameo;  // digits
    NodeIndex source = kNoIndex, target = kNoIndex;
    std::optional<double> goldstein, tone, intensity;
    std::optional<std::int64_t> mentions;
    std::uint32_t document = UINT32_MAX;  // from document_for_*
};

class EventGraphBuilder {
public:
    EventGraphBuilder(const std::string& file, const ImportOptions& options, ProblemLog& log);

    const CameoTables& tables() const { return tables_; }
    // Whether --cameo keeps this code (counts the ones it drops).
    bool wanted(std::string_view cameo);
    // A bad row: an error at `where`, or with --skip-bad-rows a count. Stops after 100 errors.
    void bad_row(std::size_t line, std::size_t column, const std::string& message);
    // A row whose event has only one actor: not an edge; counted.
    void one_sided() { ++one_sided_; }

    // The node of a country or CAMEO region.
    NodeIndex country_node(const CountryEntry& c);
    // The node of a role of a country ("India police"), or of the role alone when the country
    // is not known; joined to its country by PART_OF.
    NodeIndex role_node(const CountryEntry* c, const ActorKind& kind);
    // A named actor, one node per id (slug of `name`, made unique against other kinds).
    NodeIndex named_node(std::string_view name, const std::string& label, const CountryEntry* c,
                         std::string_view code_property, std::string_view code);
    // An actor named by a dataset's own generic name ("Police (India)").
    NodeIndex generic_node(std::string_view name, const std::string& label, const CountryEntry* c,
                           std::string_view sectors);

    std::uint32_t document_for_url(std::string_view url);
    std::uint32_t document_for_story(std::string_view story, std::string_view publisher);

    void add_event(const EventFields& e);
    // Actor lookups of the readers, by a key of their own (views into the input).
    std::unordered_map<std::string_view, NodeIndex>& actor_cache() { return actor_cache_; }

    // The graph (throws ImportError when rows were bad and not skipped) and what to note.
    ImportResult finish(const std::string& dataset);

private:
    NodeIndex add_node(Node n, const std::string& wanted_id);
    RelationId relation(const CameoRelation& r);

    std::string file_;
    const ImportOptions& options_;
    ProblemLog& log_;
    const CameoTables& tables_;
    PropertyGraph g_;
    std::vector<Edge> edges_;
    std::vector<Document> documents_;
    std::unordered_map<std::string_view, std::uint32_t> doc_by_key_;
    std::unordered_map<std::string, NodeIndex> country_by_code_, role_by_key_, named_by_id_;
    std::unordered_map<std::string_view, NodeIndex> actor_cache_;
    std::vector<RelationId> relation_ids_;        // by table row; UINT16_MAX until used
    std::vector<std::int16_t> relation_by_code_;  // by code_key(): table row + 1, 0 unknown
    Properties gdelt_proto_, icews_proto_;
    std::size_t filtered_ = 0, one_sided_ = 0, skipped_ = 0, errors_ = 0;
    std::string first_skipped_;
};

// Digits only, 2 to 4 of them: a CAMEO event code.
bool is_cameo_code(std::string_view s);

template <class F>
void for_each_tab_row(std::string_view t, const ImportOptions& options, F&& row) {
    TabRow r;
    r.fields.reserve(64);
    std::size_t next_report = 0;
    for (std::size_t start = 0; start < t.size();) {
        std::size_t end = t.find('\n', start);
        if (end == t.npos) end = t.size();
        r.line = t.substr(start, end - start);
        ++r.number;
        start = end + 1;
        if (!r.line.empty() && r.line.back() == '\r') r.line.remove_suffix(1);
        if (r.line.empty()) continue;
        r.fields.clear();
        for (std::size_t f = 0;;) {
            std::size_t tab = r.line.find('\t', f);
            r.fields.push_back(r.line.substr(f, tab == r.line.npos ? tab : tab - f));
            if (tab == r.line.npos) break;
            f = tab + 1;
        }
        row(r);
        if (options.progress && start >= next_report) {
            options.progress(static_cast<double>(std::min(start, t.size())) / t.size());
            next_report = start + (std::size_t(1) << 24);
        }
    }
}

}  // namespace liaison::detail
