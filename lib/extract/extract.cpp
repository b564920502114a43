// The extraction pipeline (docs/extract.md): text → tokens → lexicon hits → dates, places and
// agencies, officials and persons → frames → the candidates network.
#include "liaison/extract/extract.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "extract/analysis.hpp"
#include "extract/candidates.hpp"
#include "extract/document.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::extract {

Article read_article(const std::string& path) {
    Article a;
    std::filesystem::path p(path);
    a.file = p.filename().string();
    a.id = p.stem().string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    // Refused before reading, with make_text's message.
    if (!ec && size > kMaxArticleBytes)
        throw InputError({path, 0, 0}, fmt::format("article is too long ({} bytes; at most {})",
                                                   size, kMaxArticleBytes));
    a.text = read_file(path);
    return a;
}

PropertyGraph extract(const std::vector<Article>& articles, const Options& options) {
    const Lexicon& lex = Lexicon::builtin();
    CandidateWriter writer(options.base);
    for (const Article& article : articles) {
        const Text text = make_text(article.text, article.file.empty() ? article.id : article.file);
        Analysis a(lex, text);
        find_items(a);
        Document doc = describe_document(a, article);
        a.doc_date = doc.date;
        find_dates(a);
        find_places_and_agencies(a);
        find_officials(a);
        resolve_roles(a);
        find_name_aliases(a);
        find_events(a);
        find_frames(a);
        find_relative_visits(a);
        find_event_frames(a);
        resolve_headline(a, !doc.title.empty());
        inherit_dates(a);
        writer.add(a, doc);
    }
    return writer.finish();
}

}  // namespace liaison::extract
