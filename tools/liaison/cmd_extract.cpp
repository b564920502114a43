// liaison extract ARTICLE.txt… -o CANDIDATES.json : candidate facts with their quotes
// (docs/extract.md); liaison extract --score GOLD.json… : precision and recall against gold.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/core/error.hpp"
#include "liaison/extract/extract.hpp"
#include "liaison/extract/gold.hpp"
#include "liaison/extract/score.hpp"
#include "liaison/io/native_format.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {
struct ExtractOptions {
    std::vector<std::string> files;
    std::string output, base, date, outlet, title, documents;
    bool score = false, errors = false;
    OutputFormat format = OutputFormat::Table;
};

int run_extract(const ExtractOptions& o) {
    std::optional<PropertyGraph> base;
    extract::Options options;
    if (!o.base.empty()) {
        base = load_graph(o.base);
        options.base = &*base;
    }
    std::vector<extract::Article> articles;
    Progress bar("extract", o.files.size() + 1);  // each article read, then the extraction
    for (const std::string& f : o.files) {
        bar.step(f);
        extract::Article a = extract::read_article(f);
        a.title = o.title;
        a.outlet = o.outlet;
        if (!o.date.empty()) {
            a.date = Date::parse(o.date);
            if (!a.date)
                throw ArgumentError(fmt::format(
                    "--date: '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", o.date));
        }
        articles.push_back(std::move(a));
    }
    bar.step("extracting candidates");
    PropertyGraph g = extract::extract(articles, options);
    bar.finish();
    if (o.output == "-") {
        print(write_graph_json(g));
    } else {
        save_graph_file(g, o.output);
        if (o.format == OutputFormat::Json)
            print(fmt::format(
                "{{\"file\": {}, \"entities\": {}, \"relations\": {}, \"articles\": {}}}\n",
                json_quote(o.output), g.node_count(), g.edge_count(), articles.size()));
        else
            fmt::print(stderr,
                       "{}: {} candidate entities, {} candidate relations from {} article{}\n",
                       o.output, g.node_count(), g.edge_count(), articles.size(),
                       articles.size() == 1 ? "" : "s");
    }
    return 0;
}

int run_score(const ExtractOptions& o) {
    extract::ScoreReport total;
    for (const std::string& file : o.files) {
        PropertyGraph gold = load_graph(file);
        const std::filesystem::path dir =
            o.documents.empty() ? std::filesystem::path(file).parent_path() / ".." / "articles"
                                : std::filesystem::path(o.documents);
        // A gold of several articles (graphs/) is scored article by article: the gold of one is
        // what its quotes support.
        for (const auto& [id, doc] : gold.documents()) {
            if (doc.file.empty())
                throw InputError({file, 0, 0}, fmt::format("document '{}' names no file", id));
            extract::Article a = extract::read_article((dir / doc.file).string());
            a.id = id;
            if (!o.base.empty()) throw ArgumentError("--score does not take --base");
            PropertyGraph g =
                gold.documents().size() == 1 ? gold : extract::restrict_to_document(gold, id);
            // The gold dates facts against the article's publication date, which the analyst
            // gives with --date when the text lacks it; the text's own reading is scored apart.
            PropertyGraph plain = extract::extract({a});
            a.date = doc.date;
            PropertyGraph predicted = extract::extract({a});
            extract::ScoreReport r = extract::score(predicted, g);
            extract::score_document_dates(plain, g, r);
            for (std::string& e : r.errors) e = id + ": " + e;
            total.add(r);
        }
    }
    print(o.format == OutputFormat::Json ? extract::to_json(total) + "\n"
                                         : extract::to_table(total));
    if (o.errors) print("\n" + extract::errors_text(total));
    return 0;
}
}  // namespace

void register_extract(CLI::App& app, Action& run) {
    auto o = std::make_shared<ExtractOptions>();
    auto* cmd =
        app.add_subcommand("extract", "Propose candidate facts, with quotes, from articles");
    cmd->add_option("files", o->files, "Articles (UTF-8 text); with --score, gold networks")
        ->required();
    cmd->add_option("-o,--output", o->output, "Candidates file to write (- for stdout)");
    cmd->add_option("--base", o->base, "Database whose entities mentions are linked to");
    cmd->add_option("--date", o->date, "The articles' date (YYYY-MM-DD), when the text lacks it");
    cmd->add_option("--outlet", o->outlet, "The articles' outlet");
    cmd->add_option("--title", o->title, "The article's title");
    cmd->add_flag("--score", o->score,
                  "Score against gold networks: each gold's documents name their articles");
    cmd->add_option("--documents", o->documents,
                    "With --score: folder of the articles (default: ../articles beside the gold)");
    cmd->add_flag("--errors", o->errors,
                  "With --score: list each relation missed, proposed wrongly or misdated");
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] {
        if (!o->score && o->output.empty())
            throw CLI::ValidationError("-o", "extract needs -o CANDIDATES.json (or --score)");
        run = [o] { return o->score ? run_score(*o) : run_extract(*o); };
    });
}

}  // namespace liaison::cli
