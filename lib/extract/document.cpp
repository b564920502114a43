#include "extract/document.hpp"

namespace liaison::extract {

namespace {

std::u32string_view trim(std::u32string_view s) {
    auto space = [](char32_t c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == '#';
    };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// Non-empty lines of the original text with their offsets.
std::vector<std::pair<std::uint32_t, std::u32string_view>> lines(const Text& t, std::size_t max) {
    std::vector<std::pair<std::uint32_t, std::u32string_view>> out;
    std::u32string_view all(t.original);
    std::size_t pos = 0;
    while (pos < all.size() && out.size() < max) {
        std::size_t nl = all.find(U'\n', pos);
        if (nl == std::u32string_view::npos) nl = all.size();
        std::u32string_view l = trim(all.substr(pos, nl - pos));
        if (!l.empty()) out.emplace_back(static_cast<std::uint32_t>(l.data() - all.data()), l);
        pos = nl + 1;
    }
    return out;
}

std::size_t word_count(std::u32string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char32_t c : s) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

}  // namespace

Document describe_document(Analysis& a, const Article& article) {
    Document doc;
    doc.id = article.id;
    doc.file = article.file;
    std::size_t arabic = 0, latin = 0;
    for (char32_t c : a.text.folded) {
        if (is_arabic_letter(c))
            ++arabic;
        else if (c >= 'a' && c <= 'z')
            ++latin;
    }
    doc.language = arabic >= latin ? "ar" : "en";
    const auto first_lines = lines(a.text, 40);
    // A headline: a short first line that does not end like a sentence.
    if (!first_lines.empty()) {
        std::u32string_view l = first_lines.front().second;
        const char32_t last = l.back();
        if (word_count(l) <= 25 && last != '.' && last != ':' && last != U'\u061F')
            doc.title = encode_utf8(l);
    }
    // The outlet: a line "المصدر: X" / "Source: X", as the press signs its articles.
    for (auto it = first_lines.rbegin(); it != first_lines.rend(); ++it) {
        std::u32string_view l = it->second;
        const std::size_t colon = l.find(U':');
        if (colon == std::u32string_view::npos || colon > 12) continue;
        const std::u32string key = fold_string(encode_utf8(trim(l.substr(0, colon))));
        if (key == U"المصدر" || key == U"source") {
            std::u32string_view v = trim(l.substr(colon + 1));
            if (!v.empty() && word_count(v) <= 5) doc.outlet = encode_utf8(v);
            break;
        }
    }
    // A dateline "OUTLET من CITY:" opening the article.
    if (doc.outlet.empty() && !a.sentences.empty()) {
        for (std::size_t si = 0; si < a.sentences.size() && si < 3 && doc.outlet.empty(); ++si) {
            const auto& items = a.sentences[si].items;
            for (std::size_t k = 1; k + 2 < items.size() && k <= 4; ++k) {
                if (a.stop_role(items[k]) != StopRole::From || !a.is(items[k + 1], EntryKind::City))
                    continue;
                const Item& colon = items[k + 2];
                if (colon.node != 0 || a.token(colon).kind != TokenKind::Colon) continue;
                std::size_t first = k;
                while (first > 0 && items[first - 1].node == 0 &&
                       a.token(items[first - 1]).kind == TokenKind::Word)
                    --first;
                if (first < k)
                    doc.outlet = a.slice(a.start_of(items[first]), a.end_of(items[k - 1]));
                break;
            }
        }
    }
    // The date: a single full date in the first lines ("date 2025-11-24"، "كتب في 1 ديسمبر، 2023").
    find_dates(a);
    const std::uint32_t limit = first_lines.size() > 3
                                    ? first_lines[3].first
                                    : static_cast<std::uint32_t>(a.text.original.size());
    for (const SentenceState& st : a.sentences) {
        if (a.tokens.tokens[st.s.first].start >= limit) break;
        if (st.time && st.time->date && st.time->date->precision() == Date::Precision::Day) {
            doc.date = st.time->date;
            break;
        }
    }
    if (!article.title.empty()) doc.title = article.title;
    if (!article.outlet.empty()) doc.outlet = article.outlet;
    if (article.date) doc.date = article.date;
    for (SentenceState& st : a.sentences) st.time.reset();
    return doc;
}

}  // namespace liaison::extract
