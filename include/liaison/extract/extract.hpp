#pragma once
/// @file
/// Extraction: news articles in, candidate facts out (docs/extract.md). Every node and edge the
/// extractor proposes carries its quote (an exact substring of the article, with code-point
/// offsets), a confidence, the rule that proposed it and review "pending".
#include <optional>
#include <string>
#include <vector>

#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

struct Article {
    std::string id;    // the document id (the file name without its extension)
    std::string file;  // the file name, as the candidates file records it
    std::string text;  // UTF-8
    // What the caller knows; the text's own title, outlet and date are used otherwise.
    std::string title, outlet;
    std::optional<Date> date;
};

struct Options {
    // Link mentions to this database's entities (by any name or alias, folded; countries by
    // iso3) instead of proposing new ones.
    const PropertyGraph* base = nullptr;
};

/// Reads an article file (InputError for invalid UTF-8 or an oversized file, naming it).
Article read_article(const std::string& path);

/// Extracts the articles into one candidates network. Throws InputError for a text that is not
/// UTF-8 or too long (see text.hpp), naming the article's file.
PropertyGraph extract(const std::vector<Article>& articles, const Options& options = {});

}  // namespace liaison::extract
