#include "extract/analysis.hpp"

#include <algorithm>
#include <cctype>

#include "liaison/model/names.hpp"

namespace liaison::extract {

const Entry* Analysis::entry(const Item& it, EntryKind kind) const {
    if (it.node == 0) return nullptr;
    for (const Entry& e : lex.entries(it.node))
        if (e.kind == kind) return &e;
    return nullptr;
}

StopRole Analysis::stop_role(const Item& it) const {
    const Entry* e = entry(it, EntryKind::Stopword);
    return e ? lex.stopwords[e->index] : StopRole::Other;
}

std::uint32_t Analysis::start_of(const Item& it) const {
    // Quotes and names drop a conjunction or preposition but keep the article (الأمين العام).
    const Token& t = tokens.tokens[it.first];
    unsigned skip = it.skip;
    if ((it.flags & kArticle) && skip >= 2) skip -= 2;
    return skip ? text.origin[t.fstart + skip] : t.start;
}

std::uint32_t Analysis::add_entity(Entity e, const std::string& key) {
    auto it = entity_keys.find(key);
    if (it != entity_keys.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(entities.size());
    e.key = key;
    entities.push_back(std::move(e));
    entity_keys.emplace(key, id);
    return id;
}

std::uint32_t Analysis::country_entity(std::uint32_t c, std::uint32_t start, std::uint32_t end) {
    const CountryInfo& info = lex.countries[c];
    Entity e;
    e.label = Label::Country;
    e.ar = info.ar;
    e.en = info.en;
    e.lex = c;
    e.country = c;
    e.confidence = 0.95;
    e.rule = "country.lexicon";
    e.start = start;
    e.end = end;
    return add_entity(std::move(e), "country:" + info.iso3);
}

std::uint32_t Analysis::agency_entity(std::uint32_t ag, std::uint32_t country, std::uint32_t start,
                                      std::uint32_t end, const std::string& written) {
    const std::uint32_t original = ag;
    const AgencyInfo* info = &lex.agencies[ag];
    const bool in_context = info->country == AgencyInfo::kInContext;
    if (in_context && country != kNone && info->key.size() > 1) {
        std::string own = lex.countries[country].iso3 + "-" + info->key.substr(1);
        for (char& c : own) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::uint32_t specific = lex.agency_index(own);
        if (specific != UINT32_MAX) {
            ag = specific;
            info = &lex.agencies[ag];
        }
    }
    Entity e;
    e.label = info->label == "Agency" ? Label::Agency : Label::Organization;
    e.lex = ag;
    e.start = start;
    e.end = end;
    e.confidence = 0.9;
    e.rule = "agency.lexicon";
    std::string key = "agency:" + info->key;
    if (info->country == AgencyInfo::kInContext) {
        e.rule = "agency.in-context";
        // Named as the article writes it (الجمارك التركية), the country in English.
        e.ar = written.empty() ? info->ar : written;
        if (country == kNone) {
            e.en = info->en;
            e.confidence = 0.5;
            key += ":?";
        } else {
            const CountryInfo& ci = lex.countries[country];
            e.en = info->en + " (" + ci.en + ")";
            e.country = country;
            e.confidence = 0.7;
            key += ":" + ci.iso3;
        }
    } else {
        e.ar = info->ar;
        e.en = info->en;
        if (info->country != AgencyInfo::kInternational) e.country = info->country;
    }
    // Every spelling the lexicon knows is an alias, so that a database or a reviewer finds it;
    // not the generic words of an agency every country has (الشرطة).
    if (info->country != AgencyInfo::kInContext) e.aliases = info->forms;
    if (original != ag) e.aliases.push_back(lex.agencies[original].ar);
    if (!written.empty() && fold_name(written) != fold_name(e.ar)) e.aliases.push_back(written);
    const std::uint32_t id = add_entity(std::move(e), key);
    if (!written.empty()) {
        Entity& known = entities[id];
        if (fold_name(written) != fold_name(known.ar) &&
            std::find(known.aliases.begin(), known.aliases.end(), written) == known.aliases.end())
            known.aliases.push_back(written);
    }
    return id;
}

void find_items(Analysis& a) {
    a.sentences.clear();
    for (const Sentence& s : a.tokens.sentences) {
        SentenceState st;
        st.s = s;
        std::vector<Hit> hits = find_hits(a.lex, a.tokens, s);
        std::size_t h = 0;
        for (std::uint32_t i = s.first; i < s.last;) {
            if (h < hits.size() && hits[h].first == i) {
                st.items.push_back(
                    {hits[h].first, hits[h].last, hits[h].node, hits[h].skip, hits[h].flags});
                i = hits[h].last;
                ++h;
            } else {
                st.items.push_back({i, i + 1, 0, 0, 0});
                ++i;
            }
        }
        a.sentences.push_back(std::move(st));
    }
}

}  // namespace liaison::extract
