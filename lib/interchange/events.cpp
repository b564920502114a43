#include "interchange/events.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "interchange/assemble.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::detail {

namespace {

constexpr std::size_t kMaxErrors = 100;

// "BARACK OBAMA" → "Barack Obama"; names with lower-case letters or other scripts stay.
std::string display_name(std::string_view name) {
    std::string out(name);
    if (std::any_of(out.begin(), out.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return out;
    bool word_start = true;
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z' && !word_start) c = static_cast<char>(c - 'A' + 'a');
        word_start = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'');
    }
    return out;
}

// A stable, short document id for a URL: FNV-1a 64, base 36, 13 characters at most (so the id
// stays in std::string's inline buffer on every edge citing it).
std::string url_id(std::string_view url) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : url) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h &= (std::uint64_t(1) << 62) - 1;
    std::string out = "u";
    do {
        out += "0123456789abcdefghijklmnopqrstuvwxyz"[h % 36];
        h /= 36;
    } while (h);
    return out;
}

std::string_view url_host(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme != url.npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (url.starts_with("www.")) url.remove_prefix(4);
    return url;
}

// code_key("042") indexes the per-code cache: length and value of a code of 2 to 4 digits.
std::size_t code_key(std::string_view code) {
    std::size_t v = 0;
    for (char c : code) v = v * 10 + static_cast<std::size_t>(c - '0');
    return (code.size() - 2) * 10000 + v;
}

}  // namespace

bool is_cameo_code(std::string_view s) {
    return s.size() >= 2 && s.size() <= 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

EventInput::EventInput(const std::string& path) : name_(path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError({path, 0, 0}, "cannot open the file");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw InputError({path, 0, 0}, "not a regular file");
    }
    if (st.st_size > 0) {
        mapped_ = static_cast<std::size_t>(st.st_size);
        map_ = ::mmap(nullptr, mapped_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map_ == MAP_FAILED) {
            map_ = nullptr;
            ::close(fd);
            throw InputError({path, 0, 0}, "cannot map the file");
        }
        ::madvise(map_, mapped_, MADV_SEQUENTIAL);
        text_ = std::string_view(static_cast<const char*>(map_), mapped_);
    }
    ::close(fd);
}

EventInput::~EventInput() {
    if (map_) ::munmap(map_, mapped_);
}

std::size_t TabRow::column(std::size_t field) const {
    std::size_t offset = line.size() + 1;  // one past the end: where a missing field would be
    if (field < fields.size())
        offset = static_cast<std::size_t>(fields[field].data() - line.data());
    std::size_t col = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
    return offset > line.size() ? col + 1 : col;
}

EventGraphBuilder::EventGraphBuilder(const std::string& file, const ImportOptions& options,
                                     ProblemLog& log)
    : file_(file), options_(options), log_(log), tables_(CameoTables::builtin()) {
    relation_ids_.assign(tables_.relations().size(), UINT16_MAX);
    relation_by_code_.assign(30000, 0);
    for (const std::string& p : options.cameo)
        if (p.empty() || p.size() > 4 ||
            !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
            throw ArgumentError(fmt::format(
                "--cameo: '{}' is not a CAMEO code prefix (1 to 4 digits, e.g. 04,057,06)", p));
    // One vector of exactly the properties every event has, copied per edge: one allocation.
    gdelt_proto_.set("cameo", std::string());
    gdelt_proto_.set("goldstein", 0.0);
    gdelt_proto_.set("mentions", std::int64_t{0});
    gdelt_proto_.set("tone", 0.0);
    icews_proto_.set("cameo", std::string());
    icews_proto_.set("intensity", 0.0);
}

bool EventGraphBuilder::wanted(std::string_view cameo) {
    if (options_.cameo.empty()) return true;
    for (const std::string& p : options_.cameo)
        if (cameo.starts_with(p)) return true;
    ++filtered_;
    return false;
}

void EventGraphBuilder::bad_row(std::size_t line, std::size_t column, const std::string& message) {
    if (options_.skip_bad_rows) {
        if (skipped_++ == 0)
            first_skipped_ = TextPosition{file_, line, column}.to_string() + ": " + message;
        return;
    }
    log_.report({file_, line, column}, message);  // throws when strict
    if (++errors_ >= kMaxErrors) {
        log_.report({file_, line, 0},
                    fmt::format("stopped after {} bad rows (--skip-bad-rows skips and counts "
                                "them)",
                                kMaxErrors));
        log_.finish();
    }
}

NodeIndex EventGraphBuilder::add_node(Node n, const std::string& wanted_id) {
    n.id = wanted_id.empty() ? "actor" : wanted_id;
    for (int k = 2; g_.find_id(n.id); ++k) n.id = fmt::format("{}-{}", wanted_id, k);
    return g_.add_node(std::move(n));
}

NodeIndex EventGraphBuilder::country_node(const CountryEntry& c) {
    auto it = country_by_code_.find(c.iso3);
    if (it != country_by_code_.end()) return it->second;
    Node n;
    n.labels = {c.region ? "Region" : "Country"};
    n.names.en = c.en;
    n.names.ar = c.ar;
    n.properties.set(c.region ? "cameo_region" : "iso3", c.iso3);
    NodeIndex i = add_node(std::move(n), c.id);
    country_by_code_.emplace(c.iso3, i);
    return i;
}

NodeIndex EventGraphBuilder::role_node(const CountryEntry* c, const ActorKind& kind) {
    std::string key = (c ? c->iso3 : std::string()) + "/" + kind.key;
    auto it = role_by_key_.find(key);
    if (it != role_by_key_.end()) return it->second;
    Node n;
    n.labels = {kind.role_label};
    n.names.en = c ? c->en + " " + kind.en : kind.en + " (country not given)";
    n.names.ar = c ? kind.ar + " (" + c->ar + ")" : kind.ar;
    n.properties.set("cameo_type", kind.key);
    if (c) n.properties.set(c->region ? "cameo_region" : "iso3", c->iso3);
    NodeIndex i = add_node(std::move(n), slugify((c ? c->id + "-" : std::string()) + kind.en));
    role_by_key_.emplace(std::move(key), i);
    if (c) {  // the role is part of its country: one edge, so roles sit by their country
        Edge e;
        e.type = *g_.relations().find("PART_OF");
        e.source = i;
        e.target = country_node(*c);
        edges_.push_back(std::move(e));
    }
    return i;
}

NodeIndex EventGraphBuilder::named_node(std::string_view name, const std::string& label,
                                        const CountryEntry* c, std::string_view code_property,
                                        std::string_view code) {
    std::string id = slugify(name);
    if (id.empty()) id = slugify(fmt::format("actor-{}", code));
    auto it = named_by_id_.find(id);
    if (it != named_by_id_.end()) return it->second;
    Node n;
    n.labels = {label};
    n.names.en = display_name(name);
    if (!code.empty()) n.properties.set(std::string(code_property), std::string(code));
    if (c) n.properties.set("country", c->iso3);
    NodeIndex i = add_node(std::move(n), id);
    named_by_id_.emplace(std::move(id), i);
    return i;
}

NodeIndex EventGraphBuilder::generic_node(std::string_view name, const std::string& label,
                                          const CountryEntry* c, std::string_view sectors) {
    std::string id = slugify(name);
    auto it = named_by_id_.find(id);
    if (it != named_by_id_.end()) return it->second;
    Node n;
    n.labels = {label};
    n.names.en = std::string(name);
    if (!sectors.empty()) n.properties.set("sectors", std::string(sectors));
    if (c) n.properties.set(c->region ? "cameo_region" : "iso3", c->iso3);
    NodeIndex i = add_node(std::move(n), id);
    named_by_id_.emplace(std::move(id), i);
    if (c) {
        Edge e;
        e.type = *g_.relations().find("PART_OF");
        e.source = i;
        e.target = country_node(*c);
        edges_.push_back(std::move(e));
    }
    return i;
}

std::uint32_t EventGraphBuilder::document_for_url(std::string_view url) {
    if (url.empty()) return UINT32_MAX;
    auto [it, added] = doc_by_key_.try_emplace(url, static_cast<std::uint32_t>(documents_.size()));
    if (added) {
        Document d;
        d.id = url_id(url);
        d.url = std::string(url);
        d.outlet = std::string(url_host(url));
        documents_.push_back(std::move(d));
    }
    return it->second;
}

std::uint32_t EventGraphBuilder::document_for_story(std::string_view story,
                                                    std::string_view publisher) {
    if (story.empty()) return UINT32_MAX;
    auto [it, added] =
        doc_by_key_.try_emplace(story, static_cast<std::uint32_t>(documents_.size()));
    if (added) {
        Document d;
        d.id = slugify(fmt::format("story-{}", story));
        d.outlet = std::string(publisher);
        d.title = fmt::format("ICEWS story {}", story);
        documents_.push_back(std::move(d));
    }
    return it->second;
}

RelationId EventGraphBuilder::relation(const CameoRelation& r) {
    std::size_t row = static_cast<std::size_t>(&r - tables_.relations().data());
    if (relation_ids_[row] == UINT16_MAX) {
        if (auto known = g_.relations().find(r.relation))
            relation_ids_[row] = *known;
        else
            relation_ids_[row] = g_.relations().declare({r.relation, r.symmetric, r.ar, r.en});
    }
    return relation_ids_[row];
}

void EventGraphBuilder::add_event(const EventFields& f) {
    std::int16_t& cached = relation_by_code_[code_key(f.cameo)];
    if (cached == 0) {
        const CameoRelation& r = tables_.relation_for(f.cameo);
        cached = static_cast<std::int16_t>(&r - tables_.relations().data() + 1);
    }
    Edge e;
    e.id = std::string(f.id);
    e.type = relation(tables_.relations()[static_cast<std::size_t>(cached - 1)]);
    e.source = f.source;
    e.target = f.target;
    e.time.date = f.date;
    if (f.intensity) {
        e.properties = icews_proto_;
        e.properties.set("cameo", std::string(f.cameo));
        e.properties.set("intensity", *f.intensity);
    } else {
        e.properties = gdelt_proto_;
        e.properties.set("cameo", std::string(f.cameo));
        if (f.goldstein) e.properties.set("goldstein", *f.goldstein);
        if (f.mentions) e.properties.set("mentions", *f.mentions);
        if (f.tone) e.properties.set("tone", *f.tone);
    }
    if (f.document != UINT32_MAX)
        e.sources.emplace_back(documents_[f.document].id, std::string(f.id));
    edges_.push_back(std::move(e));
}

ImportResult EventGraphBuilder::finish(const std::string& dataset) {
    log_.finish();
    for (Document& d : documents_) {
        std::string id = d.id;
        auto [it, added] = g_.documents().emplace(id, std::move(d));
        if (!added)  // two URLs with one 62-bit hash: never seen, but never silently merged
            throw InputError({file_, 0, 0},
                             fmt::format("two sources share the document id '{}'", id));
    }
    documents_.clear();
    documents_.shrink_to_fit();
    std::size_t events = 0;
    for (const Edge& e : edges_) events += e.sources.empty() && e.id.empty() ? 0 : 1;
    g_.graph_id = slugify(dataset);
    g_.graph_label =
        fmt::format("{} events from {}", dataset, std::filesystem::path(file_).filename().string());
    g_.add_edges(std::move(edges_));
    edges_ = {};
    ImportResult r;
    r.notes.push_back(fmt::format("{}: {} events as edges, {} actors, {} documents", dataset,
                                  events, g_.node_count(), g_.documents().size()));
    if (filtered_)
        r.notes.push_back(fmt::format("--cameo left out {} events of other codes", filtered_));
    if (one_sided_)
        r.notes.push_back(
            fmt::format("{} events name only one actor and are not edges", one_sided_));
    if (skipped_)
        r.notes.push_back(
            fmt::format("skipped {} bad rows; the first: {}", skipped_, first_skipped_));
    r.graph = std::move(g_);
    return r;
}

}  // namespace liaison::detail
