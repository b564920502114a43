// Countries (every spelling and adjective), cities (told apart from a country of the same name)
// and agencies, an agency "of the country in context" resolved to that country.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "extract/analysis.hpp"
#include "extract/bodies.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract {

namespace {

bool is_dash_or_open(const Analysis& a, const Item& it) {
    if (!a.plain(it)) return false;
    const TokenKind k = a.token(it).kind;
    return k == TokenKind::Dash || k == TokenKind::Open;
}

// A country item right after position k (skipping nothing): its lexicon index, or kNone.
std::uint32_t country_at(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (k >= st.items.size()) return kNone;
    const Entry* e = a.entry(st.items[k], EntryKind::Country);
    return e ? e->index : kNone;
}

// A city whose name is also a country's (تونس، الكويت) is the city after words like مدينة or
// العاصمة (stopwords of role "in" do not decide), and the country otherwise.
bool city_context(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (k == 0) return false;
    const Item& prev = st.items[k - 1];
    const std::u32string_view w = a.tokens.tokens[prev.last - 1].form(a.text);
    auto ends = [&](std::u32string_view s) {
        return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
    };
    return ends(U"مدينه") || ends(U"عاصمه") || w == U"city";
}

// A news agency or outlet: the lexicon names them so (English name with "News Agency", "Press"
// or "Presse").
bool is_news_agency(const AgencyInfo& info) {
    if (info.label != "Organization" || info.country >= AgencyInfo::kInContext) return false;
    for (const char* w : {"News Agency", "Press", "Presse"})
        if (info.en.find(w) != std::string::npos) return true;
    return false;
}

bool has_own(const Analysis& a, const AgencyInfo& info, std::uint32_t country) {
    if (country >= a.lex.countries.size() || info.key.size() < 2) return false;
    std::string own = a.lex.countries[country].iso3 + "-" + info.key.substr(1);
    for (char& ch : own) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return a.lex.agency_index(own) != UINT32_MAX;
}

// The body an elided noun names, of `country`: the lexicon's own when one of its spellings is
// the name as written (الجمارك السعودية), else the generic body of that country.
std::uint32_t elided_agency(Analysis& a, std::uint32_t generic, std::uint32_t country,
                            const Item& it, const std::string& written) {
    for (std::uint32_t i = 0; i < a.lex.agencies.size(); ++i) {
        const AgencyInfo& g = a.lex.agencies[i];
        if (g.country != country) continue;
        if (g.ar == written || std::find(g.forms.begin(), g.forms.end(), written) != g.forms.end())
            return a.agency_entity(i, country, a.start_of(it), a.end_of(it), written);
    }
    return a.agency_entity(generic, country, a.start_of(it), a.end_of(it), written);
}

// "الجمارك المغربية والسنغالية", "وزارة الداخلية المصرية والسعودية": an adjective joined by و
// after a body and its country names the same kind of body of another country, its noun left
// unwritten. Item k is the last of the first body; returns the last item consumed.
std::size_t second_body(Analysis& a, SentenceState& st, std::size_t k, std::uint32_t ag,
                        std::uint32_t adjacent, const Mention& m) {
    if (k + 1 >= st.items.size()) return k;
    const Item& si = st.items[k + 1];
    const Entry* second = a.entry(si, EntryKind::Country);
    if (!second || !(si.flags & kConj) || a.plain(si) || si.last - si.first != 1) return k;
    // An adjective; a name written as a nisba (السعودية) reads as one here.
    const std::u32string_view w = a.token(si).form(a.text);
    if (second->sub != 1 && !(w.size() > 4 && w.substr(w.size() - 2) == U"\u064a\u0647")) return k;
    const AgencyInfo& info = a.lex.agencies[ag];
    const std::uint32_t own = adjacent != kNone ? adjacent : info.country;
    if (own == second->index || info.country == AgencyInfo::kInternational) return k;
    // The same kind of body: the generic entry (@customs for egy-customs).
    std::uint32_t generic = ag;
    if (info.country != AgencyInfo::kInContext) {
        const std::size_t dash = info.key.find('-');
        if (dash == std::string::npos) return k;
        generic = a.lex.agency_index("@" + info.key.substr(dash + 1));
        if (generic == UINT32_MAX) return k;
    } else if (adjacent == kNone) {
        return k;
    }
    const std::string noun = info.country == AgencyInfo::kInContext ? a.slice(m.start, m.end)
                                                                    : a.lex.agencies[generic].ar;
    const Token& t = a.token(si);
    // The adjective without its و.
    const std::string written = noun + " " + a.slice(a.text.origin[t.fstart + 1], a.end_of(si));
    Mention om{elided_agency(a, generic, second->index, si, written),
               si.first,
               si.last,
               a.start_of(si),
               a.end_of(si),
               MentionKind::Entity,
               false,
               false};
    a.entities[om.entity].weak = false;
    st.mentions.push_back(om);
    Mention oc = om;
    oc.entity = a.country_entity(second->index, om.start, om.end);
    oc.complement = true;
    oc.adjective = true;
    st.mentions.push_back(oc);
    return k + 1;
}

// A news agency's credit: a form of `Lexicon::credits` between slashes or brackets (/قنا/،
// (وما)، / بنا /), or opening a line before a dash (وطنية - …). Token spans, agency indices.
struct Credit {
    std::uint32_t first = 0, last = 0, agency = 0;
};

std::vector<Credit> credits_in(const Analysis& a, const SentenceState& st) {
    std::vector<Credit> out;
    const auto& toks = a.tokens.tokens;
    auto kind = [&](std::uint32_t t) { return toks[t].kind; };
    for (std::uint32_t t = st.s.first; t < st.s.last; ++t) {
        const bool opened =
            t > st.s.first && (kind(t - 1) == TokenKind::Slash || kind(t - 1) == TokenKind::Open);
        if (!opened && !toks[t].line_start) continue;
        for (const Lexicon::CreditForm& c : a.lex.credits) {
            const auto n = static_cast<std::uint32_t>(c.words.size());
            if (t + n >= st.s.last) continue;
            bool same = true;
            for (std::uint32_t i = 0; i < n && same; ++i) same = toks[t + i].has(c.words[i]);
            if (!same) continue;
            const TokenKind after = kind(t + n);
            const bool closed = opened ? after == TokenKind::Slash || after == TokenKind::Close
                                       : after == TokenKind::Dash;
            if (!closed) continue;
            out.push_back({t, t + n, c.agency});
            t += n - 1;
            break;
        }
    }
    return out;
}

}  // namespace

std::uint32_t context_country(const Analysis& a, std::uint32_t lex_agency) {
    const AgencyInfo& info = a.lex.agencies[lex_agency];
    if (info.country != AgencyInfo::kInContext || has_own(a, info, a.main_country) ||
        a.home_unknown)
        return a.main_country;
    std::uint32_t best = a.main_country, most = 0;
    for (std::uint32_t c = 0; c < a.country_count.size(); ++c)
        if (a.country_count[c] > most && has_own(a, info, c)) {
            most = a.country_count[c];
            best = c;
        }
    return best;
}

void find_places_and_agencies(Analysis& a) {
    // The country the article names most is the one "in context" for agencies and offices
    // that belong to every country (وزارة الداخلية، المدير العام للأمن الوطني).
    std::vector<std::vector<Credit>> credits(a.sentences.size());
    for (std::size_t si = 0; si < a.sentences.size(); ++si)
        credits[si] = credits_in(a, a.sentences[si]);
    auto credited = [&](std::size_t si, const Item& it) -> const Credit* {
        for (const Credit& c : credits[si])
            if (it.first >= c.first && it.first < c.last) return &c;
        return nullptr;
    };
    std::vector<std::uint32_t> count(a.lex.countries.size(), 0);
    // A country that qualifies an office (وزير الداخلية الأردني، وزير داخلية جمهورية مصر
    // العربية، مدير الشرطة العراقية) is that official's: when every country the article names
    // is such, they are its guests' and say nothing of its home (the credit or dateline does).
    std::uint32_t unqualified = 0;
    int first_office = 0;  // 0 none yet, 1 placed, 2 bare
    for (std::size_t si = 0; si < a.sentences.size(); ++si) {
        const auto& items = a.sentences[si].items;
        for (std::size_t k = 0; k < items.size(); ++k) {
            const Item& it = items[k];
            if (const Entry* e = a.entry(it, EntryKind::Country))
                if (!a.is(it, EntryKind::Agency) && !a.is(it, EntryKind::Title) &&
                    !credited(si, it)) {
                    ++count[e->index];
                    const bool qualifier =
                        k > 0 && (a.is(items[k - 1], EntryKind::Title) ||
                                  (k > 1 && a.is(items[k - 1], EntryKind::Agency) &&
                                   a.is(items[k - 2], EntryKind::Title)));
                    unqualified += !qualifier;
                }
            // The first office the article writes: bare when no country or body of its own
            // follows it (وزير الداخلية X, not وزير الداخلية الأردني or مدير شرطة دبي).
            if (first_office == 0 && a.is(it, EntryKind::Title)) {
                const Item* next = k + 1 < items.size() ? &items[k + 1] : nullptr;
                const Entry* body = next ? a.entry(*next, EntryKind::Agency) : nullptr;
                const bool placed =
                    next &&
                    (a.is(*next, EntryKind::Country) ||
                     (body && (a.lex.agencies[body->index].country != AgencyInfo::kInContext ||
                               (k + 2 < items.size() && a.is(items[k + 2], EntryKind::Country)))));
                first_office = placed ? 1 : 2;
            }
        }
    }
    a.country_count = count;
    std::uint32_t best = 0;
    for (std::uint32_t i = 0; i < count.size(); ++i)
        if (count[i] > best) {
            best = count[i];
            a.main_country = i;
        }
    bool home_credited = false;
    // The article's own country is its news agency's, credited in its first lines ((واس)، /قنا/،
    // أفادت وكالة الأنباء العراقية) when the article names that country too: an office or a body
    // written without a country (وزير الداخلية) is that country's.
    for (std::size_t si = 0; si < a.sentences.size() && si < 3; ++si) {
        std::uint32_t home = kNone;
        for (const Item& it : a.sentences[si].items) {
            const Entry* e = a.entry(it, EntryKind::Agency);
            const Credit* c = credited(si, it);
            const std::uint32_t ag = c ? c->agency : e ? e->index : UINT32_MAX;
            if (ag != UINT32_MAX && is_news_agency(a.lex.agencies[ag])) {
                home = a.lex.agencies[ag].country;
                break;
            }
        }
        if (home == kNone) continue;
        // An article that names no country at all (وام: قيادة الحرس الوطني) is its agency's.
        if (home < count.size() && (count[home] > 0 || best == 0 || unqualified == 0)) {
            a.main_country = home;
            home_credited = true;
        }
        break;
    }
    // With no country and no credit, the dateline's city (أبوظبي - ...) gives the country; so it
    // does when every country named qualifies an office, if the city opens a line (بغداد - ...).
    const bool qualified_only = best > 0 && unqualified == 0 && !home_credited;
    bool found = false;
    for (std::size_t si = 0; (best == 0 && a.main_country == kNone) || qualified_only; ++si) {
        if (si >= a.sentences.size() || si >= 2) break;
        for (const Item& it : a.sentences[si].items)
            if (const Entry* e = a.entry(it, EntryKind::City);
                e && a.lex.cities[e->index].country < count.size() &&
                (best == 0 || a.tokens.tokens[it.first].line_start)) {
                a.main_country = a.lex.cities[e->index].country;
                found = true;
                break;
            }
        if (found) break;
    }
    // No credit, no dateline, and the first office bare (استقبل وزير الداخلية X … السفير
    // الإيطالي Y): the host's country is unknown, and never the guest's.
    if (qualified_only && !found && first_office == 2) {
        a.main_country = kNone;
        a.home_unknown = true;
    }
    for (std::size_t si = 0; si < a.sentences.size(); ++si) {
        SentenceState& st = a.sentences[si];
        for (const Credit& c : credits[si]) {
            const AgencyInfo& info = a.lex.agencies[c.agency];
            const std::uint32_t start = a.tokens.tokens[c.first].start;
            const std::uint32_t end = a.tokens.tokens[c.last - 1].end;
            const std::uint32_t country =
                info.country < a.lex.countries.size() ? info.country : kNone;
            st.mentions.push_back({a.agency_entity(c.agency, country, start, end, ""), c.first,
                                   c.last, start, end, MentionKind::Entity, false, false});
        }
        const auto unlisted = find_unlisted(a, st);
        auto inside_unlisted = [&](const Item& it) {
            for (auto [f, l] : unlisted)
                if (it.first >= f && it.first < l) return true;
            return false;
        };
        for (std::size_t k = 0; k < st.items.size(); ++k) {
            const Item& it = st.items[k];
            if (it.node == 0 || credited(si, it) || inside_unlisted(it)) continue;
            const std::uint32_t start = a.start_of(it), end = a.end_of(it);
            const Entry* agency = a.entry(it, EntryKind::Agency);
            const Entry* country = a.entry(it, EntryKind::Country);
            const Entry* city = a.entry(it, EntryKind::City);
            if (a.is(it, EntryKind::Title) || a.is(it, EntryKind::Frame)) continue;
            if (agency) {
                const AgencyInfo& info = a.lex.agencies[agency->index];
                Mention m{kNone, it.first, it.last, start, end, MentionKind::Entity, false, false};
                std::uint32_t c = info.country;
                std::size_t next = k + 1;
                // "المنظمة الدولية للشرطة الجنائية (أنتربول)": the same body named twice.
                if (next + 1 < st.items.size() && is_dash_or_open(a, st.items[next])) {
                    const Entry* again = a.entry(st.items[next + 1], EntryKind::Agency);
                    if (again && again->index == agency->index) {
                        m.last = st.items[next + 1].last;
                        m.end = a.end_of(st.items[next + 1]);
                        next += 2;
                        if (next < st.items.size() && a.plain(st.items[next]) &&
                            a.token(st.items[next]).kind == TokenKind::Close) {
                            m.last = st.items[next].last;
                            m.end = a.end_of(st.items[next]);
                            ++next;
                        }
                    }
                }
                std::uint32_t adjacent = country_at(a, st, next);
                bool located = false;  // the country follows في: not part of the name
                // "وزارة الداخلية في دولة الكويت": the country after في is the agency's too.
                // Not before a list of countries (قادة الشرطة في بنين، موريتانيا…).
                if (adjacent == kNone && info.country == AgencyInfo::kInContext &&
                    next + 1 < st.items.size() && a.stop_role(st.items[next]) == StopRole::In &&
                    country_at(a, st, next + 1) != kNone &&
                    !(next + 3 < st.items.size() && st.items[next + 2].node == 0 &&
                      a.token(st.items[next + 2]).kind == TokenKind::Comma &&
                      country_at(a, st, next + 3) != kNone)) {
                    ++next;
                    adjacent = country_at(a, st, next);
                    located = true;
                }
                if (c == AgencyInfo::kInContext)
                    c = adjacent != kNone ? adjacent : context_country(a, agency->index);
                else if (c == AgencyInfo::kInternational)
                    c = kNone;
                const std::uint32_t written_end =
                    adjacent != kNone && !located ? a.end_of(st.items[next]) : m.end;
                // A generic name of three words or more (المديرية العامة للأمن الوطني، إدارة
                // الهجرة والجوازات) names the body of the article's country; a shorter one
                // (الشرطة، الأجهزة الأمنية، وزارة الداخلية) may be anyone's.
                const bool bare =
                    info.country == AgencyInfo::kInContext && adjacent == kNone &&
                    ((it.last - it.first < 3 && !institution_head(a, a.tokens.tokens[it.first])) ||
                     c == kNone);
                const std::size_t before = a.entities.size();
                m.entity = a.agency_entity(agency->index, c, m.start, m.end,
                                           a.slice(m.start, written_end));
                if (bare) {
                    m.kind = MentionKind::Generic;
                    if (a.entities.size() > before) a.entities[m.entity].weak = true;
                } else {
                    a.entities[m.entity].weak = false;
                }
                st.mentions.push_back(m);
                if (adjacent != kNone) {
                    // The country after an agency is part of its name, not a participant.
                    const Item& ci = st.items[next];
                    Mention cm{a.country_entity(adjacent, a.start_of(ci), a.end_of(ci)),
                               ci.first,
                               ci.last,
                               a.start_of(ci),
                               a.end_of(ci),
                               MentionKind::Entity,
                               true};
                    st.mentions.push_back(cm);
                    k = next;
                } else {
                    k = next - 1;
                }
                k = second_body(a, st, k, agency->index, adjacent, m);
                continue;
            }
            // "فرقة" is no ف + الرقة: a city behind ف is a word of its own.
            const bool behind_fa =
                (it.flags & kConj) && a.text.folded[a.token(it).fstart] == U'\u0641';
            // "اللواء خليل": a city written with the article (الخليل) is a given name without it.
            const bool name_not_city = city && !(it.flags & kArticle) && it.last - it.first == 1 &&
                                       a.lex.cities[city->index].ar.rfind("ال", 0) == 0 &&
                                       a.entry(it, EntryKind::GivenName) != nullptr;
            if (city && !behind_fa && !name_not_city && (!country || city_context(a, st, k))) {
                const CityInfo& info = a.lex.cities[city->index];
                Entity e;
                e.label = Label::City;
                e.ar = info.ar.empty() ? a.slice(start, end) : info.ar;
                e.en = info.en;
                e.lex = city->index;
                e.country = info.country;
                e.confidence = 0.85;
                e.rule = country ? "city.context" : "city.lexicon";
                if (const std::string written = a.slice(start, end); written != e.ar)
                    e.aliases.push_back(written);
                e.start = start;
                e.end = end;
                st.mentions.push_back({a.add_entity(std::move(e), "city:" + info.key), it.first,
                                       it.last, start, end, MentionKind::Entity, false, false});
                continue;
            }
            if (country) {
                st.mentions.push_back({a.country_entity(country->index, start, end), it.first,
                                       it.last, start, end, MentionKind::Entity, false,
                                       country->sub == 1});
            }
        }
    }
}

}  // namespace liaison::extract
