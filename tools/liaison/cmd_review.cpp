// liaison review CANDIDATES.json : the analyst accepts, rejects or edits each proposed fact, on a
// terminal, with flags, from a decisions file, or in a self-contained HTML page.
#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "extract/review_page.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/extract/review.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::cli {

namespace {

using extract::FactRef;
using extract::Review;

struct ReviewCli {
    std::string file;
    std::string documents;  // folder of the articles; default: the candidates file's
    bool list = false;
    std::vector<std::string> accept, reject;
    bool accept_all = false;
    double min_confidence = 0;
    std::string apply, html;
    bool interactive = false;
    OutputFormat format = OutputFormat::Table;
};

// Article texts by document id, from the documents' `file` names; missing files are skipped
// (the page and the terminal then show quotes alone).
std::map<std::string, std::string> load_texts(const PropertyGraph& g, const ReviewCli& o) {
    std::filesystem::path dir = o.documents.empty() ? std::filesystem::path(o.file).parent_path()
                                                    : std::filesystem::path(o.documents);
    std::map<std::string, std::string> texts;
    for (const auto& [id, d] : g.documents()) {
        if (d.file.empty()) continue;
        std::filesystem::path p = dir / d.file;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(p, ec)) continue;
        std::string text = read_file(p.string());
        if (auto bad = find_invalid_utf8(text)) {
            LineColumn lc = line_column_at(text, *bad);
            fmt::print(stderr,
                       "liaison: warning: {}:{}:{}: not UTF-8; its quotes are shown alone\n",
                       p.string(), lc.line, lc.column);
            continue;
        }
        texts[id] = std::move(text);
    }
    return texts;
}

double confidence_of(const Properties& p) {
    const Value* v = p.get("confidence");
    return v && v->is_number() ? v->to_number() : 0.0;
}

// "N pending, N accepted, N rejected", or for machines {"file", "pending", "accepted",
// "rejected"}.
std::string counts(const PropertyGraph& g, const std::string& file = "", bool json = false) {
    long n[3] = {0, 0, 0};
    for (FactRef f : extract::review_order(g))
        ++n[static_cast<int>(
            extract::review_of(f.edge ? g.edge(f.index).properties : g.node(f.index).properties))];
    if (json)
        return fmt::format(
            "{{\"file\": {}, \"pending\": {}, \"accepted\": {}, \"rejected\": {}}}\n",
            json_quote(file), n[0], n[1], n[2]);
    return fmt::format("{} pending, {} accepted, {} rejected", n[0], n[1], n[2]);
}

// --- the terminal walk -------------------------------------------------------------------

class Walk {
public:
    Walk(PropertyGraph& g, const ReviewCli& o, std::map<std::string, std::string> texts)
        : g_(g), o_(o), texts_(std::move(texts)), colour_(isatty(STDOUT_FILENO) != 0) {}

    void run() {
        std::vector<FactRef> facts = extract::review_order(g_);
        std::size_t i = 0;
        while (i < facts.size() && state(facts[i]) != Review::Pending) ++i;
        if (i == facts.size()) i = 0;
        while (i < facts.size()) {
            show(facts, i);
            std::string line = ask("[a]ccept [r]eject [e]dit [s]kip [b]ack [q]uit > ");
            if (!std::cin) break;
            char key = line.empty() ? 's' : line[0];
            if (key == 'a' || key == 'r') {
                extract::decide(g_, facts[i], key == 'a' ? Review::Accepted : Review::Rejected);
                save();
                ++i;
            } else if (key == 'e') {
                edit(facts[i]);
            } else if (key == 's' || key == 'n') {
                ++i;
            } else if (key == 'b' || key == 'p') {
                if (i > 0) --i;
            } else if (key == 'q') {
                break;
            } else {
                fmt::print(
                    "a: accept, r: reject, e: edit (type, ends, date or names), s: skip, "
                    "b: back, q: quit (decisions are saved as they are made)\n");
            }
        }
        save();
        fmt::print("{}: {}\n", o_.file, counts(g_));
    }

private:
    Review state(FactRef f) const {
        return extract::review_of(f.edge ? g_.edge(f.index).properties
                                         : g_.node(f.index).properties);
    }

    std::string ask(const std::string& prompt) {
        fmt::print("{}", prompt);
        std::fflush(stdout);
        std::string line;
        if (!std::getline(std::cin, line)) return {};
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        return line;
    }

    // The quote inside its sentence when the article is at hand, else the quote alone.
    std::string in_context(const Source& s) const {
        auto t = texts_.find(s.document);
        if (t != texts_.end() && s.start && s.end) {
            const std::string& text = t->second;
            auto q = extract::code_point_span(text, *s.start, *s.end);
            auto sentence = extract::sentence_around(text, *s.start, *s.end);
            if (q && sentence && text.compare(q->begin, q->end - q->begin, s.quote) == 0) {
                std::string on = colour_ ? "\x1b[1;7m" : "«", off = colour_ ? "\x1b[0m" : "»";
                return text.substr(sentence->begin, q->begin - sentence->begin) + on + s.quote +
                       off + text.substr(q->end, sentence->end - q->end);
            }
        }
        return "«" + s.quote + "»";
    }

    void show(const std::vector<FactRef>& facts, std::size_t i) {
        FactRef f = facts[i];
        const extract::FactSummary s = summary(f);
        fmt::print("\n[{}/{}] {}  {}  {}{}{}  ({})\n", i + 1, facts.size(), s.id, s.type, s.source,
                   s.target.empty() ? "" : " → ", s.target, s.review);
        std::string meta;
        if (!s.date.empty()) meta += "date " + s.date + "   ";
        if (!s.confidence.empty()) meta += "confidence " + s.confidence + "   ";
        if (!s.rule.empty()) meta += "rule " + s.rule;
        if (!meta.empty()) fmt::print("  {}\n", meta);
        const auto& sources = f.edge ? g_.edge(f.index).sources : g_.node(f.index).sources;
        for (const Source& src : sources) fmt::print("  {}\n", in_context(src));
    }

    extract::FactSummary summary(FactRef f) const {
        std::string id = extract::fact_id(g_, f);
        for (auto& s : extract::summarize(g_))
            if (s.id == id) return s;
        return {};
    }

    void edit(FactRef f) {
        extract::FactEdit e;
        auto field = [&](const char* name, const std::string& now, std::optional<std::string>& to) {
            std::string v = ask(fmt::format("  {} [{}] (Enter keeps, - clears): ", name, now));
            if (v == "-")
                to = std::string();
            else if (!v.empty())
                to = v;
        };
        if (f.edge) {
            const Edge& edge = g_.edge(f.index);
            field("type", g_.type_name(edge), e.type);
            field("source", g_.node(edge.source).id, e.source);
            field("target", g_.node(edge.target).id, e.target);
            field("date", edge.time.empty() ? "" : edge.time.to_string(), e.date);
        } else {
            const Node& n = g_.node(f.index);
            field("ar", n.names.ar, e.ar);
            field("en", n.names.en, e.en);
            const Value* m = n.properties.get("match");
            field("match (a database id or new)", m ? m->to_display() : "", e.match);
        }
        try {
            extract::edit_fact(g_, f, e);
            save();
        } catch (const ArgumentError& err) {
            fmt::print("not changed: {}\n", err.what());
        }
    }

    void save() { save_graph_file(g_, o_.file); }

    PropertyGraph& g_;
    const ReviewCli& o_;
    std::map<std::string, std::string> texts_;
    bool colour_;
};

// --- flags ---------------------------------------------------------------------------------

std::string listing(const PropertyGraph& g, OutputFormat format) {
    Table t({"id", "kind", "type", "source", "target", "date", "confidence", "rule", "review",
             "quote"});
    // For machines, a field that does not apply is null and the confidence is a number.
    auto opt = [](const std::string& text) { return text.empty() ? Cell::null() : Cell(text); };
    auto confidence = [&](const std::string& text) {
        double x = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
        return ec == std::errc() && end == text.data() + text.size() ? Cell::number(x, text)
                                                                     : opt(text);
    };
    for (const auto& s : extract::summarize(g))
        t.add_row({s.id, s.kind, s.type, opt(s.source), opt(s.target), opt(s.date),
                   confidence(s.confidence), opt(s.rule), s.review, opt(s.quote)});
    return t.render(format);
}

int run_review(const ReviewCli& o) {
    PropertyGraph g = read_graph_file(o.file);
    bool changed = false;
    if (!o.apply.empty()) {
        extract::apply_decisions(g, read_file(o.apply), o.apply);
        changed = true;
    }
    auto mark = [&](const std::vector<std::string>& ids, Review r) {
        for (const auto& id : ids) extract::decide(g, extract::find_fact(g, id), r);
        changed = changed || !ids.empty();
    };
    // Checked all at once before any is applied, so a typo changes nothing.
    for (const auto* ids : {&o.accept, &o.reject})
        for (const auto& id : *ids) extract::find_fact(g, id);
    mark(o.accept, Review::Accepted);
    mark(o.reject, Review::Rejected);
    if (o.accept_all) {
        for (FactRef f : extract::review_order(g)) {
            const Properties& p = f.edge ? g.edge(f.index).properties : g.node(f.index).properties;
            if (extract::review_of(p) == Review::Pending && confidence_of(p) >= o.min_confidence)
                extract::decide(g, f, Review::Accepted);
        }
        changed = true;
    }
    if (changed) {
        save_graph_file(g, o.file);
        // For machines the counts are the answer, unless --list gives the facts themselves.
        if (o.format == OutputFormat::Json && !o.list)
            print(counts(g, o.file, true));
        else
            fmt::print(stderr, "{}: {}\n", o.file, counts(g));
    }
    if (!o.html.empty()) {
        write_file_atomic(o.html, extract::review_page(g, load_texts(g, o)));
        fmt::print(stderr, "wrote {}\n", o.html);
    }
    if (o.list) print(listing(g, o.format));
    if (changed || o.list || !o.html.empty()) return 0;
    if (!o.interactive && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))
        throw ArgumentError(
            "review: no terminal to ask on; use --list, --accept ID…, --reject "
            "ID…, --accept-all, --apply FILE or --html OUT.html");
    Walk(g, o, load_texts(g, o)).run();
    return 0;
}

}  // namespace

void register_review(CLI::App& app, Action& run) {
    auto o = std::make_shared<ReviewCli>();
    auto* cmd = app.add_subcommand("review", "Accept, reject or edit extracted candidate facts");
    cmd->add_option("candidates", o->file, "The candidates file (liaison extract -o)")->required();
    cmd->add_flag("--list", o->list, "List the facts with their review state");
    cmd->add_option("--accept", o->accept, "Accept these facts (edge or node ids)");
    cmd->add_option("--reject", o->reject, "Reject these facts");
    auto* all = cmd->add_flag("--accept-all", o->accept_all, "Accept every pending fact");
    cmd->add_option("--min-confidence", o->min_confidence,
                    "With --accept-all: only facts at least this confident")
        ->check(CLI::Range(0.0, 1.0))
        ->needs(all);
    cmd->add_option("--apply", o->apply, "Apply a decisions file (what the --html page downloads)");
    cmd->add_option("--html", o->html, "Write a self-contained review page");
    cmd->add_option("--documents", o->documents,
                    "Folder of the articles (default: the candidates file's folder)");
    cmd->add_flag("--interactive", o->interactive,
                  "Ask on stdin even when it is not a terminal (one key and Enter per fact)");
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_review(*o); }; });
}

}  // namespace liaison::cli
