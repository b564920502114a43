// Persons by the titles, ranks and honorifics around them (title name; name, title; title, comma,
// name), officials named only by their role (kept as the role, never given a name), persons by
// their given names, and later mentions of a person by surname or by the same title.
#include <fmt/format.h>

#include <algorithm>

#include "extract/analysis.hpp"
#include "model/names.hpp"

namespace liaison::extract {

namespace {

bool starts_with_article(std::u32string_view w) {
    return w.size() >= 4 && w[0] == U'\u0627' && w[1] == U'\u0644';
}

std::u32string strip_article(std::u32string_view w) {
    return std::u32string(starts_with_article(w) ? w.substr(2) : w);
}

// A word that can be part of a name: a token the lexicons do not know (or know only as a given
// name), made of letters.
// Long enough for عبد المجيد بن عبد الله البنيان and خليفة بن حمد بن خليفة آل ثاني.
constexpr std::size_t kMaxNameWords = 9;

// A word of a name after its first: not one joined by و (والوفد المرافق له), unless a given name.
// A three-letter word keeps its و or ف: what would remain is no word (ولد بكار، إلياس فرح).
bool continues_name(const Analysis& a, const Item& it) {
    if (it.node != 0) return !(it.flags & kConj);
    const std::u32string_view w = a.token(it).form(a.text);
    return !(w.size() >= 4 && (w[0] == U'\u0648' || w[0] == U'\u0641'));
}

// A word carrying a conjunction or a preposition before its article (والوفد، للوكالة، بالمجلس)
// is a phrase, never the start of a name.
bool clitic_before_article(std::u32string_view w) {
    if (w.size() >= 4 && w[0] == U'\u0644' && w[1] == U'\u0644') return true;
    std::size_t i = 0;
    if (w.size() > i && (w[i] == U'\u0648' || w[i] == U'\u0641')) ++i;
    if (w.size() > i && (w[i] == U'\u0628' || w[i] == U'\u0643' || w[i] == U'\u0644')) ++i;
    return i > 0 && w.size() >= i + 4 && w[i] == U'\u0627' && w[i + 1] == U'\u0644';
}

bool name_word(const Analysis& a, const Item& it) {
    if (it.node == 0) {
        const Token& t = a.token(it);
        return t.kind == TokenKind::Word && t.fend - t.fstart >= 2;
    }
    // علي the name folds like على the preposition: a given name wins over a function word.
    bool given = false;
    for (const Entry& e : a.lex.entries(it.node)) {
        if (e.kind == EntryKind::GivenName)
            given = true;
        else if (e.kind != EntryKind::Stopword && e.kind != EntryKind::Modality)
            return false;
    }
    return given;
}

// A word right before a country's name, an agency or a city heads a construct (وفد المملكة
// المغربية، رئيس جامعة نايف), so it ends a name rather than continuing it.
bool heads_construct(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (k + 1 >= st.items.size()) return false;
    const Item& next = st.items[k + 1];
    if (a.is(next, EntryKind::Agency) || a.is(next, EntryKind::City)) return true;
    const Entry* c = a.entry(next, EntryKind::Country);
    return c && c->sub == 0;
}

// A family name with the article (البنيان، الحموشي) ends a name: what follows is the sentence.
bool ends_name(const Analysis& a, const Item& it) {
    return it.node == 0 && it.last - it.first == 1 && starts_with_article(a.token(it).form(a.text));
}

bool is_comma(const Analysis& a, const Item& it) {
    return it.node == 0 && a.token(it).kind == TokenKind::Comma;
}

struct NameSpan {
    std::size_t first = 0, last = 0;  // items, last exclusive
    bool valid() const { return last > first; }
};

std::size_t word_count(const SentenceState& st, NameSpan n) {
    std::size_t c = 0;
    for (std::size_t k = n.first; k < n.last; ++k) c += st.items[k].last - st.items[k].first;
    return c;
}

bool has_given(const Analysis& a, const SentenceState& st, NameSpan n) {
    for (std::size_t k = n.first; k < n.last; ++k)
        if (a.is(st.items[k], EntryKind::GivenName)) return true;
    return false;
}

// Items [k, …) that read as a name; `loose` accepts a single word (after an honorific or rank).
// `complement`: the title already names what it is of, so a name must follow a comma or start
// with a given name (رئيس جامعة نايف سبل تطوير… is no name).
NameSpan name_after(const Analysis& a, const SentenceState& st, std::size_t k, bool loose,
                    bool complement) {
    bool comma = false;
    if (k < st.items.size() && is_comma(a, st.items[k])) {
        ++k;
        comma = true;
    }
    // "…، السيد عبد اللطيف حموشي"، "وكيل الوزارة الفريق خالد …": honorifics and ranks first.
    while (k < st.items.size()) {
        const Entry* t = a.entry(st.items[k], EntryKind::Title);
        if (!t || (a.lex.titles[t->index].kind != TitleKind::Honorific &&
                   a.lex.titles[t->index].kind != TitleKind::Rank))
            break;
        ++k;
    }
    // Adjectives of a bare title (المسؤول الدولي تال غولدشتين، المدير العام الجديد).
    if (!comma && !complement)
        for (int adjectives = 0; adjectives < 2 && k + 1 < st.items.size(); ++adjectives) {
            const Item& it = st.items[k];
            if (!(it.node == 0 && a.token(it).kind == TokenKind::Word &&
                  starts_with_article(a.token(it).form(a.text))))
                break;
            ++k;
        }
    NameSpan n{k, k};
    while (n.last < st.items.size() && name_word(a, st.items[n.last]) &&
           (n.last == n.first || continues_name(a, st.items[n.last])) &&
           !heads_construct(a, st, n.last) &&
           word_count(st, {n.first, n.last + 1}) <= kMaxNameWords) {
        ++n.last;
        if (n.last - n.first > 1 && ends_name(a, st.items[n.last - 1])) break;
    }
    if (!n.valid()) return n;
    const Item& first = st.items[n.first];
    const bool given = a.is(first, EntryKind::GivenName);
    // A first word with the article is an adjective of the title, not a name.
    const std::u32string_view first_form = a.token(first).form(a.text);
    if (!given && (starts_with_article(first_form) || clitic_before_article(first_form)))
        return {k, k};
    // After a comma the words must start with a given name (وزير الداخلية، عبد الوافي …), or
    // a clause would read as a name (مدير الشرطة القضائية، همت تبادل المعلومات).
    if (!given && (comma || complement)) return {k, k};
    // After an honorific or a rank a name starts with a given name (فريق عمل مشترك is no
    // name); a surname alone (اللواء الزعبي) is found later as the surname of a named person.
    if (loose && !given) return {k, k};
    if (word_count(st, n) < 2 && !given) return {k, k};
    return n;
}

NameSpan name_before(const Analysis& a, const SentenceState& st, std::size_t k) {
    // "حموشي بالمديرة العامة": a title behind a preposition is no apposition.
    if (k < st.items.size() && (st.items[k].flags & (kPrep | kConj))) return {k, k};
    if (k > 0 && is_comma(a, st.items[k - 1])) --k;
    NameSpan n{k, k};
    while (n.first > 0 && name_word(a, st.items[n.first - 1]) &&
           word_count(st, {n.first - 1, n.last}) <= kMaxNameWords)
        --n.first;
    if (!n.valid()) return n;
    // Start at the first given name; without one the words before a title are rarely a name
    // (a clause ends there).
    for (std::size_t j = n.first; j < n.last; ++j)
        if (a.is(st.items[j], EntryKind::GivenName)) {
            n.first = j;
            return n;
        }
    return {k, k};
}

std::vector<std::u32string> folded_name_words(const Analysis& a, const SentenceState& st,
                                              NameSpan n) {
    std::vector<std::u32string> out;
    for (std::size_t k = n.first; k < n.last; ++k)
        for (std::uint32_t t = st.items[k].first; t < st.items[k].last; ++t) {
            std::u32string_view w = a.tokens.tokens[t].form(a.text);
            if (t == st.items[k].first && k == n.first) w = w.substr(st.items[k].skip);
            out.push_back(strip_article(w));
        }
    return out;
}

std::string words_key(const std::vector<std::u32string>& words) {
    std::u32string k;
    for (const auto& w : words) {
        if (!k.empty()) k += U' ';
        k += w;
    }
    return "person:" + encode_utf8(k);
}

Mention* mention_at(SentenceState& st, std::uint32_t token) {
    for (Mention& m : st.mentions)
        if (m.first == token) return &m;
    return nullptr;
}

// An official: a chain of titles, then what the office is of (agencies and countries, joined by
// و), e.g. المدير العام للأمن الوطني ولمراقبة التراب الوطني.
struct Official {
    std::size_t first = 0, last = 0;                 // items
    std::uint32_t office = kNone;                    // the last title
    std::vector<std::uint32_t> agencies, countries;  // entities
    bool office_kind = false;  // an office or role (not only honorifics or ranks)
    bool honorific = false;
};

Official parse_official(Analysis& a, SentenceState& st, std::size_t k) {
    Official o;
    o.first = k;
    std::size_t j = k;
    while (j < st.items.size()) {
        const Entry* t = a.entry(st.items[j], EntryKind::Title);
        if (!t || a.is(st.items[j], EntryKind::Frame)) break;
        // A title after the first one is part of the chain only without a conjunction.
        if (j > k && (st.items[j].flags & kConj)) break;
        const TitleInfo& info = a.lex.titles[t->index];
        o.office = t->index;
        if (info.kind == TitleKind::Office || info.kind == TitleKind::Role)
            o.office_kind = true;
        else
            o.honorific = true;
        ++j;
    }
    o.last = j;
    if (!o.office_kind) return o;
    while (j < st.items.size()) {
        std::size_t probe = j;
        // A gloss in parentheses between two complements: المدير العام للأمن الوطني (الأمن العام)
        // ومراقبة التراب الوطني.
        if (!o.agencies.empty() && st.items[probe].node == 0 &&
            a.token(st.items[probe]).kind == TokenKind::Open)
            for (std::size_t c = probe + 1; c < st.items.size() && c <= probe + 6; ++c)
                if (st.items[c].node == 0 && a.token(st.items[c]).kind == TokenKind::Close) {
                    probe = c + 1;
                    break;
                }
        // "… في المغرب": the country the office is in.
        bool locative = false;
        if (!o.agencies.empty() && probe + 1 < st.items.size() &&
            a.stop_role(st.items[probe]) == StopRole::In) {
            Mention* cm = mention_at(st, st.items[probe + 1].first);
            if (cm && cm->entity != kNone && a.entities[cm->entity].label == Label::Country) {
                ++probe;
                locative = true;
            }
        }
        if (probe >= st.items.size()) break;
        const Item& it = st.items[probe];
        Mention* m = mention_at(st, it.first);
        if (!m || m->entity == kNone) break;
        const Entity& e = a.entities[m->entity];
        if (e.label == Label::City) break;
        if (locative && e.label != Label::Country) break;
        // A second complement needs و (ولمراقبة التراب الوطني); the first needs none.
        const bool first = o.agencies.empty() && o.countries.empty();
        if (!first && !(it.flags & kConj) && e.label != Label::Country) break;
        j = probe;
        if (e.label == Label::Country)
            o.countries.push_back(m->entity);
        else
            o.agencies.push_back(m->entity);
        m->complement = true;
        // Skip the items the mention covers (an agency may carry its country).
        std::size_t next = j + 1;
        while (next < st.items.size() && st.items[next].first < m->last) ++next;
        if (next < st.items.size()) {
            Mention* cm = mention_at(st, st.items[next].first);
            if (cm && cm->complement && a.entities[cm->entity].label == Label::Country) {
                o.countries.push_back(cm->entity);
                ++next;
            }
        }
        j = next;
        o.last = j;
        if (o.agencies.size() + o.countries.size() >= 3) break;
    }
    // "رئيس المنظمة الدولية للشرطة الجنائية-أنتربول": the body named again after a dash.
    if (j + 1 < st.items.size() && st.items[j].node == 0 &&
        (a.token(st.items[j]).kind == TokenKind::Dash ||
         a.token(st.items[j]).kind == TokenKind::Open)) {
        Mention* m = mention_at(st, st.items[j + 1].first);
        const std::uint32_t heads = a.lex.titles[o.office].heads;
        if (m && m->entity != kNone && a.entities[m->entity].label != Label::Country &&
            (std::find(o.agencies.begin(), o.agencies.end(), m->entity) != o.agencies.end() ||
             (heads != UINT32_MAX && a.entities[m->entity].lex == heads))) {
            m->complement = true;
            std::size_t next = j + 2;
            while (next < st.items.size() && st.items[next].first < m->last) ++next;
            if (next < st.items.size() && st.items[next].node == 0 &&
                a.token(st.items[next]).kind == TokenKind::Close)
                ++next;
            o.last = j = next;
        }
    }
    // The body an office heads by definition (وزير الداخلية → the ministry of the interior of the
    // country in context), when the words after it did not name one.
    const TitleInfo& info = a.lex.titles[o.office];
    if (o.agencies.empty() && info.heads != UINT32_MAX) {
        std::uint32_t c = a.main_country;
        if (!o.countries.empty()) c = a.entities[o.countries.front()].lex;
        const std::uint32_t start = a.start_of(st.items[o.first]);
        o.agencies.push_back(
            a.agency_entity(info.heads, c, start, a.end_of(st.items[o.last - 1]), ""));
    }
    return o;
}

std::uint32_t official_country(const Analysis& a, const Official& o) {
    if (!o.countries.empty()) return a.entities[o.countries.front()].lex;
    for (std::uint32_t ag : o.agencies)
        if (a.entities[ag].country != kNone) return a.entities[ag].country;
    return kNone;
}

std::string role_key(const Analysis& a, const Official& o) {
    std::string k = "role:" + a.lex.titles[o.office].en;
    for (auto e : o.agencies) k += fmt::format(":{}", e);
    for (auto e : o.countries) k += fmt::format(":c{}", e);
    return k;
}

std::string role_en(const Analysis& a, const Official& o) {
    std::string en = a.lex.titles[o.office].en;
    if (!o.agencies.empty()) {
        en += " of " + a.entities[o.agencies.front()].en;
        for (std::size_t i = 1; i < o.agencies.size(); ++i)
            en += " and of " + a.entities[o.agencies[i]].en;
    } else if (!o.countries.empty()) {
        en += " of " + a.entities[o.countries.front()].en;
    }
    return en;
}

struct Pending {
    std::size_t sentence;
    Official official;
    NameSpan name;
    std::string key;  // role key
};

}  // namespace

void find_officials(Analysis& a) {
    // Pass 1: every official, and the name written beside it when there is one. A role written
    // beside a name anywhere in the article refers to that person everywhere in it.
    std::vector<Pending> found;
    std::unordered_map<std::string, std::uint32_t> bound;  // role key → person
    for (std::size_t si = 0; si < a.sentences.size(); ++si) {
        SentenceState& st = a.sentences[si];
        for (std::size_t k = 0; k < st.items.size(); ++k) {
            if (!a.is(st.items[k], EntryKind::Title) || a.is(st.items[k], EntryKind::Frame))
                continue;
            Official o = parse_official(a, st, k);
            if (o.office == kNone) continue;
            const bool complement = !o.agencies.empty() || !o.countries.empty();
            NameSpan name = name_after(a, st, o.last, !o.office_kind || o.honorific, complement);
            if (!name.valid() && o.office_kind) name = name_before(a, st, o.first);
            Pending p{si, o, name, o.office_kind ? role_key(a, o) : std::string()};
            if (name.valid()) {
                const auto words = folded_name_words(a, st, name);
                Entity e;
                e.label = Label::Person;
                const Item& f = st.items[name.first];
                const Item& l = st.items[name.last - 1];
                e.start = a.start_of(f);
                e.end = a.end_of(l);
                e.ar = a.slice(e.start, e.end);
                e.words = words;
                e.title = o.office;
                e.title_text =
                    a.slice(a.start_of(st.items[o.first]), a.end_of(st.items[o.last - 1]));
                e.country = official_country(a, o);
                e.agency = o.agencies.empty() ? kNone : o.agencies.front();
                e.confidence = has_given(a, st, name) ? 0.9 : 0.8;
                e.rule = name.first >= o.last ? "person.title-name" : "person.name-title";
                const std::uint32_t id = a.add_entity(std::move(e), words_key(words));
                if (o.office_kind && !p.key.empty()) bound.emplace(p.key, id);
            }
            found.push_back(std::move(p));
            k = std::max(k, o.last == 0 ? k : o.last - 1);
        }
    }
    // Pass 2: mentions; an official without a name is a role, unless the article names them.
    for (Pending& p : found) {
        SentenceState& st = a.sentences[p.sentence];
        const Official& o = p.official;
        std::uint32_t entity = kNone;
        std::string rule;
        std::size_t first = o.first, last = o.last;
        if (p.name.valid()) {
            const auto words = folded_name_words(a, st, p.name);
            entity = a.entity_keys.at(words_key(words));
            first = std::min(first, p.name.first);
            last = std::max(last, p.name.last);
        } else if (!p.key.empty()) {
            auto it = bound.find(p.key);
            std::uint32_t same = it != bound.end() ? it->second : kNone;
            // "المدير العام للأمن الوطني" after "المدير العام للأمن الوطني ومراقبة التراب
            // الوطني، عبد اللطيف حموشي": the same office of the same bodies, in part.
            for (const Pending& q : found) {
                if (same != kNone || !q.name.valid() || o.agencies.empty()) break;
                const Official& qo = q.official;
                if (qo.office == kNone || a.lex.titles[qo.office].en != a.lex.titles[o.office].en)
                    continue;
                bool subset = true;
                for (std::uint32_t ag : o.agencies)
                    subset = subset && std::find(qo.agencies.begin(), qo.agencies.end(), ag) !=
                                           qo.agencies.end();
                if (subset) same = bound.count(q.key) ? bound.at(q.key) : kNone;
            }
            // "الوزير الإيطالي" after "وزير الداخلية الإيطالي ماتيو بيانكوني": a bare office
            // of a country is the one person of that country the article names in that office.
            if (same == kNone && o.agencies.empty() && !o.countries.empty() && o.office != kNone) {
                const std::string& en = a.lex.titles[o.office].en;
                const std::uint32_t country = official_country(a, o);
                std::uint32_t only = kNone;
                bool several = false;
                for (const Pending& q : found) {
                    const Official& qo = q.official;
                    if (!q.name.valid() || qo.office == kNone ||
                        a.lex.titles[qo.office].en.rfind(en, 0) != 0 ||
                        official_country(a, qo) != country || !bound.count(q.key))
                        continue;
                    const std::uint32_t id = bound.at(q.key);
                    several = several || (only != kNone && only != id);
                    only = id;
                }
                if (!several) same = only;
            }
            if (same != kNone) {
                entity = same;
            } else if (!o.agencies.empty() ||
                       (!o.countries.empty() && a.lex.titles[o.office].kind == TitleKind::Office)) {
                // A role with no body named (المسؤول المغربي) is left to the frames' topic.
                Entity e;
                e.label = Label::Person;
                e.unnamed = true;
                // The role as written from its office (صاحب السمو الملكي is no part of it).
                std::size_t from = o.first;
                while (from + 1 < o.last) {
                    const Entry* t = a.entry(st.items[from], EntryKind::Title);
                    if (!t || a.lex.titles[t->index].kind == TitleKind::Office ||
                        a.lex.titles[t->index].kind == TitleKind::Role)
                        break;
                    ++from;
                }
                e.start = a.start_of(st.items[from]);
                e.end = a.end_of(st.items[o.last - 1]);
                e.ar = a.slice(e.start, e.end);
                e.en = role_en(a, o) + " (unnamed)";
                e.title = o.office;
                e.title_text = a.slice(e.start, a.end_of(st.items[from]));
                e.country = official_country(a, o);
                e.agency = o.agencies.empty() ? kNone : o.agencies.front();
                e.confidence = 0.7;
                e.rule = "person.role";
                entity = a.add_entity(std::move(e), p.key);
            }
        }
        if (entity == kNone) continue;
        Mention m;
        m.entity = entity;
        m.first = st.items[first].first;
        m.last = st.items[last - 1].last;
        m.start = a.start_of(st.items[first]);
        m.end = a.end_of(st.items[last - 1]);
        st.mentions.push_back(m);
        // An office heads the body it names; a role (an envoy, an official) represents it.
        if (!o.office_kind) continue;
        const bool office = a.lex.titles[o.office].kind == TitleKind::Office;
        auto relate = [&](const char* relation, std::uint32_t target, double confidence) {
            Fact f;
            f.relation = relation;
            f.a = entity;
            f.b = target;
            f.confidence = confidence;
            f.rule = std::string("title.") + (office ? "office" : "role");
            f.start = m.start;
            f.end = m.end;
            a.facts.push_back(f);
        };
        for (std::uint32_t ag : o.agencies) relate(office ? "HEADS" : "REPRESENTS", ag, 0.8);
        if (o.agencies.empty())
            for (std::uint32_t c : o.countries) relate("REPRESENTS", c, 0.7);
    }
    // Persons by a given name and the words after it, where no title stands beside them.
    for (SentenceState& st : a.sentences) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
        for (const Mention& m : st.mentions) taken.emplace_back(m.first, m.last);
        auto inside = [&](std::uint32_t t) {
            for (auto [f, l] : taken)
                if (t >= f && t < l) return true;
            return false;
        };
        for (std::size_t k = 0; k < st.items.size(); ++k) {
            const Item& it = st.items[k];
            // A given name that is also a function word (علي، على) starts a name only after a
            // title.
            if (!a.is(it, EntryKind::GivenName) || a.is(it, EntryKind::Stopword) ||
                inside(it.first) || !name_word(a, it))
                continue;
            NameSpan n{k, k + 1};
            while (n.last < st.items.size() && name_word(a, st.items[n.last]) &&
                   continues_name(a, st.items[n.last]) && !inside(st.items[n.last].first) &&
                   !heads_construct(a, st, n.last) &&
                   word_count(st, {n.first, n.last + 1}) <= kMaxNameWords) {
                ++n.last;
                if (ends_name(a, st.items[n.last - 1])) break;
            }
            if (word_count(st, n) < 2) continue;
            auto words = folded_name_words(a, st, n);
            // A person the article already named is not extended by the word after the name
            // (لعبد اللطيف حموشي لتعزيز).
            for (std::size_t len = words.size() - 1; len >= 2; --len) {
                const std::vector<std::u32string> prefix(words.begin(), words.begin() + len);
                if (a.entity_keys.count(words_key(prefix)) &&
                    !a.entity_keys.count(words_key(words))) {
                    while (n.last > n.first + 1 && word_count(st, n) > len) --n.last;
                    words = folded_name_words(a, st, n);
                    break;
                }
            }
            Entity e;
            e.label = Label::Person;
            e.start = a.start_of(st.items[n.first]);
            e.end = a.end_of(st.items[n.last - 1]);
            e.ar = a.slice(e.start, e.end);
            e.words = words;
            e.confidence = 0.6;
            e.rule = "person.given-name";
            Mention m;
            m.entity = a.add_entity(std::move(e), words_key(words));
            m.first = st.items[n.first].first;
            m.last = st.items[n.last - 1].last;
            m.start = a.start_of(st.items[n.first]);
            m.end = a.end_of(st.items[n.last - 1]);
            st.mentions.push_back(m);
            taken.emplace_back(m.first, m.last);
            k = n.last - 1;
        }
    }
}

void find_name_aliases(Analysis& a) {
    // A named person's surname alone (حموشي، الحموشي، للحموشي) refers to them in the article.
    std::unordered_map<std::u32string, std::uint32_t> surnames;
    std::vector<std::u32string> ambiguous;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (e.label != Label::Person || e.unnamed || e.words.size() < 2) continue;
        const std::u32string& last = e.words.back();
        if (last.size() < 3) continue;
        auto [it, added] = surnames.emplace(last, i);
        if (!added && it->second != i) ambiguous.push_back(last);
    }
    for (const auto& w : ambiguous) surnames.erase(w);
    // "الجنرال بونو" is هوبير بونو: a one-word person is the named person of that surname.
    std::vector<std::uint32_t> same(a.entities.size(), kNone);
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        Entity& e = a.entities[i];
        if (e.label != Label::Person || e.unnamed || e.words.size() != 1) continue;
        auto it = surnames.find(e.words[0]);
        if (it == surnames.end() || it->second == i) continue;
        same[i] = it->second;
        e.weak = true;  // not proposed: its mentions are the full name's
    }
    for (SentenceState& st : a.sentences)
        for (Mention& m : st.mentions)
            if (m.entity != kNone && same[m.entity] != kNone) m.entity = same[m.entity];
    for (Fact& f : a.facts) {
        if (same[f.a] != kNone) f.a = same[f.a];
        if (same[f.b] != kNone) f.b = same[f.b];
    }
    if (!surnames.empty()) {
        for (SentenceState& st : a.sentences) {
            std::vector<Mention> extra;
            for (const Item& it : st.items) {
                if (it.node != 0) continue;
                const Token& t = a.token(it);
                if (t.kind != TokenKind::Word) continue;
                bool inside = false;
                for (const Mention& m : st.mentions)
                    if (it.first >= m.first && it.first < m.last) inside = true;
                if (inside) continue;
                std::uint32_t found = kNone;
                std::uint8_t skip = 0;
                word_variants(t.form(a.text),
                              [&](std::u32string_view w, std::uint8_t s, std::uint8_t) {
                                  if (found != kNone) return;
                                  auto f = surnames.find(strip_article(w));
                                  if (f != surnames.end()) {
                                      found = f->second;
                                      skip = s;
                                  }
                              });
                if (found == kNone) continue;
                Mention m;
                m.entity = found;
                m.first = it.first;
                m.last = it.last;
                m.start = a.text.origin[t.fstart + skip];
                m.end = t.end;
                extra.push_back(m);
            }
            st.mentions.insert(st.mentions.end(), extra.begin(), extra.end());
        }
    }
    // Mentions in reading order; the person most mentioned is the article's topic.
    std::vector<std::uint32_t> count(a.entities.size(), 0);
    for (SentenceState& st : a.sentences) {
        std::sort(st.mentions.begin(), st.mentions.end(), [](const Mention& x, const Mention& y) {
            return x.first != y.first ? x.first < y.first : x.last > y.last;
        });
        for (const Mention& m : st.mentions)
            if (m.entity != kNone) ++count[m.entity];
    }
    std::uint32_t best = 0;
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (e.label == Label::Person && !e.unnamed && count[i] > best) {
            best = count[i];
            a.topic = i;
        }
    }
}

}  // namespace liaison::extract
