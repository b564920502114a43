// Named events (events.tsv): a head noun (المؤتمر، الجمعية العامة، الملتقى، الدورة …) with its
// ordinal or session number, adjectives and complement is an Event; later mentions of the same
// session, or a bare head or a demonstrative (هذه الدورة، أشغال الجمعية) refer to it. Hosting and
// attendance frames (event_frames.cpp) link countries, bodies and persons to these events.
#include <fmt/format.h>
#include <algorithm>

#include "extract/analysis.hpp"
#include "extract/event_words.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract {

namespace events_detail {

// The event word starting at token i, the longest form first; forms never take a pronoun.
WordAt event_word(const Analysis& a, std::uint32_t i, std::uint32_t end) {
    const Token& t = a.tokens.tokens[i];
    if (t.kind != TokenKind::Word) return {};
    for (int v = 0; v < t.nvariants; ++v) {
        const Variant& var = t.variants[v];
        if (var.flags & kSuffix) continue;
        auto it = a.lex.event_forms_by_first.find(var.word);
        if (it == a.lex.event_forms_by_first.end()) continue;
        for (std::uint32_t f : it->second) {
            const Lexicon::EventForm& form = a.lex.event_forms[f];
            if (i + form.words.size() > end) continue;
            bool ok = true;
            for (std::size_t k = 1; k < form.words.size() && ok; ++k)
                ok = a.tokens.tokens[i + k].has(form.words[k]);
            if (ok)
                return {&a.lex.event_words[form.info],
                        static_cast<std::uint32_t>(i + form.words.size()), var.flags, var.skip};
        }
    }
    return {};
}

// The lexicon item that starts at token i, if any.
const Item* item_at(const SentenceState& st, std::uint32_t i) {
    for (const Item& it : st.items)
        if (it.first == i) return &it;
    return nullptr;
}

// The mention (person, body, place) that starts at or covers token i.
const Mention* mention_at(const SentenceState& st, std::uint32_t i) {
    for (const Mention& m : st.mentions)
        if (m.entity != kNone && m.first <= i && i < m.last) return &m;
    return nullptr;
}

// A word carrying the preposition ب (بالرياض، بمقرها، بمشاركة) opens an adverbial, not a name.
bool with_ba(const Analysis& a, std::uint32_t i) {
    std::u32string_view w = form_of(a, i);
    if (w.size() > 3 && w[0] == kWaw) w.remove_prefix(1);
    return w.size() > 3 && w[0] == kBa;
}

bool starts_with_lam(const Analysis& a, std::uint32_t i) {
    std::u32string_view w = form_of(a, i);
    if (w.size() > 3 && w[0] == kWaw) w.remove_prefix(1);
    return w.size() > 2 && w[0] == kLam;
}

// و as a conjunction: the rest is a word the lexicons know, or starts with the article (ورشات
// is a word of its own).
bool conj_at(const Analysis& a, std::uint32_t i) {
    const Token& t = a.tokens.tokens[i];
    for (int v = 0; v < t.nvariants; ++v)
        if (t.variants[v].flags & kConj) return true;
    const std::u32string_view w = form_of(a, i);
    return w.size() > 4 && w[0] == kWaw && w[1] == kAlef && w[2] == kLam;
}

bool has_article(const Analysis& a, std::uint32_t i) {
    std::u32string_view w = form_of(a, i);
    if (w.size() > 3 && w[0] == kWaw) w.remove_prefix(1);
    return w.size() > 3 && w[0] == kAlef && w[1] == kLam;
}

// With the article, also behind a preposition (للمنظمة، بالرياض).
bool definite(const Analysis& a, std::uint32_t i) {
    std::u32string_view w = form_of(a, i);
    if (w.size() > 3 && w[0] == kWaw) w.remove_prefix(1);
    if (w.size() > 3 && w[0] == kLam && w[1] == kLam) return true;
    if (w.size() > 4 && (w[0] == kBa || w[0] == U'\u0643') && w[1] == kAlef && w[2] == kLam)
        return true;
    return w.size() > 3 && w[0] == kAlef && w[1] == kLam;
}

bool is_latin(const Analysis& a, std::uint32_t i) {
    const std::u32string_view w = form_of(a, i);
    return !w.empty() && w[0] < 0x0250;
}

// English names put their words before the head: "the International Forum on Financial Crime".
bool capitalised(const Analysis& a, std::uint32_t i) {
    const Token& t = a.tokens.tokens[i];
    const std::string s = a.slice(t.start, t.end);
    return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

// The event mentions of one sentence (they are stored in reading order).
std::pair<std::vector<EventMention>::const_iterator, std::vector<EventMention>::const_iterator>
sentence_events(const Analysis& a, std::uint32_t si) {
    EventMention key;
    key.sentence = si;
    return std::equal_range(
        a.event_mentions.begin(), a.event_mentions.end(), key,
        [](const EventMention& x, const EventMention& y) { return x.sentence < y.sentence; });
}

}  // namespace events_detail

namespace {

using namespace events_detail;

struct Parsed {
    std::uint32_t first = 0, last = 0;  // tokens of the name
    const EventWordInfo* head = nullptr;
    const EventWordInfo* root = nullptr;  // the head the name is of (الدورة الثامنة للجمعية العامة)
    int session = 0, year = 0;
    int adjectives = 0, complements = 0, words = 0;
    bool anaphor = false;
};

// Reads the name that starts at the head at token i.
Parsed parse_name(const Analysis& a, const SentenceState& st, std::uint32_t i, const WordAt& h) {
    Parsed p;
    p.first = i;
    p.head = p.root = h.info;
    const std::uint32_t end = st.s.last;
    std::uint32_t j = h.last;
    bool topic =
        false;  // after حول: a topic phrase runs on (حول التحقيق في جرائم الاتجار بالأشخاص)
    bool ordinal_open = false;
    bool lam = false;  // "لـ"أفريبول"": the preposition stands alone before a quoted name
    const bool latin = is_latin(a, i);
    if (latin) {
        // Capitalised words before the head belong to the name.
        // "Regional Counter-Narcotics Coordination Meeting": a dash may join two of them.
        for (std::uint32_t k = p.first; k > st.s.first;) {
            const Token& b = a.tokens.tokens[k - 1];
            if (b.kind == TokenKind::Word && is_latin(a, k - 1) && capitalised(a, k - 1)) {
                p.first = --k;
                ++p.adjectives;
            } else if (b.kind == TokenKind::Dash && k - 1 > st.s.first && k < i + 1 &&
                       is_latin(a, k - 2) && capitalised(a, k - 2)) {
                --k;
            } else {
                break;
            }
        }
        if (!capitalised(a, i)) {
            // "the meeting": a reference, not a name.
            p.first = i;
            p.adjectives = 0;
            p.last = h.last;
            return p;
        }
    }
    p.last = j;
    while (j < end && p.words < 14) {
        const Token& t = a.tokens.tokens[j];
        if (t.kind == TokenKind::Number) {
            if (t.number >= 1900 && t.number <= 2100) {
                p.year = t.number;
            } else if (t.number > 0 && t.number < 1000 && p.session == 0 && p.words <= 1) {
                p.session = t.number;
            } else {
                break;
            }
            p.last = ++j;
            ++p.words;
            continue;
        }
        if (t.kind != TokenKind::Word) break;
        const std::u32string_view f = t.form(a.text);
        // "الـ93": the article stands alone before the number.
        if (f == U"\u0627\u0644" && j + 1 < end &&
            a.tokens.tokens[j + 1].kind == TokenKind::Number) {
            ++j;
            continue;
        }
        if (f == U"\u0644" && j + 1 < end) {
            lam = true;
            ++j;
            continue;
        }
        if (latin) {
            // "on Financial Crime", "Coordination Meeting".
            if (capitalised(a, j) ||
                ((f == U"on" || f == U"of" || f == U"for" || f == U"against" || f == U"and") &&
                 j + 1 < end && capitalised(a, j + 1))) {
                if (f == U"on" || f == U"of" || f == U"for") ++p.complements;
                p.last = ++j;
                ++p.words;
                continue;
            }
            break;
        }
        const WordAt w = event_word(a, j, end);
        if (is_kind(w, EventWordKind::Ordinal)) {
            const bool conj = w.flags & kConj;
            if (conj && !ordinal_open) break;
            p.session += w.info->number;
            ordinal_open = true;
            p.last = j = w.last;
            ++p.words;
            continue;
        }
        ordinal_open = false;
        if (is_kind(w, EventWordKind::Anaphor)) {
            if (p.words == 0) p.anaphor = true;
            break;
        }
        if (is_kind(w, EventWordKind::Relative) && !(w.flags & kPrep)) break;
        const Item* it = item_at(st, j);
        if (it) {
            if (a.is(*it, EntryKind::Frame) || a.is(*it, EntryKind::Month)) break;
            if (a.is(*it, EntryKind::Modality)) break;
            if (const Entry* d = a.entry(*it, EntryKind::DateWord)) {
                // "الاجتماع المقبل لوزراء الداخلية": next, then what the event is of.
                const bool next_of = a.lex.date_words[d->index].kind == DateWordKind::Relative &&
                                     p.words == 0 && it->last < end && starts_with_lam(a, it->last);
                if (!next_of) break;
                p.last = j = it->last;
                ++p.words;
                ++p.adjectives;
                continue;
            }
            const StopRole r = a.stop_role(*it);
            if (a.is(*it, EntryKind::Stopword)) {
                const std::u32string_view sf = f;
                const bool about = sf == U"\u062d\u0648\u0644" ||      // حول
                                   sf == U"\u0628\u0634\u0627\u0646";  // بشان
                if (about) {
                    topic = true;
                    ++p.complements;
                    p.last = j = it->last;
                    ++p.words;
                    continue;
                }
                // "الدورة الرابعة من المؤتمر الإقليمي": من before another head.
                if (r == StopRole::From && it->last < end &&
                    is_head(event_word(a, it->last, end))) {
                    j = it->last;
                    continue;
                }
                if (!(topic && (r == StopRole::In))) break;
                p.last = j = it->last;
                ++p.words;
                continue;
            }
        }
        // A mention starting inside the name (a title read into الثاني عشر لرؤساء …) is words of
        // it.
        if (const Mention* m = mention_at(st, j); m && m->first == j) {
            const Label l = a.entities[m->entity].label;
            // A body or place as a complement (للأنتربول، لمجلس وزراء الداخلية العرب) belongs to
            // the name; a person or a place written bare or after ب does not.
            // "لقادة الشرطة والأمن": once the complement has begun, the bodies it names too.
            const bool construct = p.complements > 0 && m->first == j && !with_ba(a, j) &&
                                   (l == Label::Agency || l == Label::Organization);
            if (l == Label::Person || m->first != j || !(lam || starts_with_lam(a, j))) {
                if (!(topic && l != Label::Person && m->first == j) && !construct) break;
            }
            lam = false;
            ++p.complements;
            p.last = j = std::max(m->last, j + 1);
            p.words += static_cast<int>(m->last - m->first);
            continue;
        }
        if (lam) {
            lam = false;
            ++p.complements;
            p.last = ++j;
            ++p.words;
            continue;
        }
        if (with_ba(a, j) && !topic) break;
        if (is_head(w)) {
            // "الدورة الثامنة للجمعية العامة": the name is of the second head.
            if (p.root && p.root->en == "Session") p.root = w.info;
            p.last = j = w.last;
            ++p.complements;
            ++p.words;
            continue;
        }
        // "للجمعية العامة للمنظمة فرصة سانحة": a bare noun after the complement starts a new
        // phrase.
        // A definite word ends a construct, so a bare noun after it (فرصة) is a new phrase;
        // after an indefinite one (لرؤساء أجهزة الهجرة) it is its genitive.
        if (p.complements > 0 && !topic && !starts_with_lam(a, j) && !has_article(a, j) &&
            !conj_at(a, j) && definite(a, j - 1))
            break;
        if (starts_with_lam(a, j) || topic)
            ++p.complements;
        else if (has_article(a, j) && p.complements == 0)
            ++p.adjectives;  // not a word of the complement (لمنظمة الأنتربول)
        else if (p.words == 0 && p.session == 0)
            ++p.adjectives;  // an indefinite adjective (دورة تكوينية إقليمية)
        p.last = ++j;
        ++p.words;
    }
    // A name does not end on "و" or an orphan article.
    while (p.last > h.last && form_of(a, p.last - 1).size() <= 2 &&
           a.tokens.tokens[p.last - 1].kind == TokenKind::Word)
        --p.last;
    return p;
}

// The first word after a head, folded, without clitics or article: what tells two unnumbered
// events of one kind apart.
std::string first_word_after(const Analysis& a, std::uint32_t from, std::uint32_t to) {
    if (from >= to) return {};
    std::u32string_view w = form_of(a, from);
    if (w.size() > 3 && (w[0] == kWaw || w[0] == kLam || w[0] == kBa)) w.remove_prefix(1);
    if (w.size() > 3 && w[0] == kAlef && w[1] == kLam) w.remove_prefix(2);
    if (w.size() > 3 && w[0] == kLam) w.remove_prefix(1);
    std::string out;
    for (char32_t c : w) append_utf8(out, c);
    return out;
}

// Whether the words after a head make it a name rather than a common noun.
bool named(const Parsed& p, bool latin, bool with_article) {
    if (p.anaphor) return false;
    // English capitalises a name: "the International Forum on Financial Crime".
    if (latin) return p.adjectives >= 1;
    // "أن يعقد الطرابلسي وبيانتيدوزي اجتماعا ثانيا": a weak head with its ordinal alone counts
    // meetings; it names none.
    if (p.head->kind == EventWordKind::Weak && !with_article && p.complements == 0 && p.year == 0)
        return false;
    if (p.session > 0 || p.year > 0) return true;
    if (p.head->kind == EventWordKind::Weak) return p.adjectives >= 1 && p.complements >= 1;
    return p.words >= 2 && p.complements >= 1;
}

std::string ordinal_en(int n) {
    const int t = n % 100;
    const char* suffix = (t >= 11 && t <= 13) ? "th"
                         : n % 10 == 1        ? "st"
                         : n % 10 == 2        ? "nd"
                         : n % 10 == 3        ? "rd"
                                              : "th";
    return fmt::format("{}{}", n, suffix);
}

std::uint32_t start_of_token(const Analysis& a, std::uint32_t i, std::uint8_t skip,
                             std::uint8_t flags) {
    const Token& t = a.tokens.tokens[i];
    // Drop a conjunction or preposition, keep the article (as names do).
    if ((flags & kArticle) && skip >= 2) skip = static_cast<std::uint8_t>(skip - 2);
    return skip ? a.text.origin[t.fstart + skip] : t.start;
}

// The last numbered event of this root head (among the last 64 mentions).
std::uint32_t numbered_before(const Analysis& a, const std::string& root) {
    const std::size_t stop = a.event_mentions.size() > 64 ? a.event_mentions.size() - 64 : 0;
    for (std::size_t k = a.event_mentions.size(); k-- > stop;) {
        const Entity& e = a.entities[a.event_mentions[k].entity];
        if (e.session > 0 && e.title_text == root) return a.event_mentions[k].entity;
    }
    return kNone;
}

// The event a bare head or an anaphor refers to: the last one named with that root head (any
// event after a demonstrative), in this article.
std::uint32_t antecedent(const Analysis& a, const EventWordInfo* head, bool demonstrative) {
    // The last 64 mentions: the work stays bounded on a run-on text full of heads.
    const std::size_t stop = a.event_mentions.size() > 64 ? a.event_mentions.size() - 64 : 0;
    for (std::size_t k = a.event_mentions.size(); k-- > stop;) {
        const Entity& e = a.entities[a.event_mentions[k].entity];
        if (demonstrative || head->en == "Session" || e.title_text == head->en)
            return a.event_mentions[k].entity;
    }
    return kNone;
}

}  // namespace

void find_events(Analysis& a) {
    for (std::uint32_t si = 0; si < a.sentences.size(); ++si) {
        const SentenceState& st = a.sentences[si];
        for (std::uint32_t i = st.s.first; i < st.s.last;) {
            const WordAt h = event_word(a, i, st.s.last);
            if (!is_head(h)) {
                ++i;
                continue;
            }
            Parsed p = parse_name(a, st, i, h);
            if (p.last <= p.first) {
                i = h.last;
                continue;
            }
            const std::uint32_t start = p.first == i ? start_of_token(a, i, h.skip, h.flags)
                                                     : a.tokens.tokens[p.first].start;
            const std::uint32_t end = a.tokens.tokens[p.last - 1].end;
            EventMention m;
            m.sentence = si;
            m.first = p.first;
            m.last = p.last;
            m.start = start;
            m.end = end;
            if (named(p, is_latin(a, i), definite(a, p.first))) {
                const std::string name = a.slice(start, end);
                // One event per session number and root head; else per folded name.
                // Without a number, by root head and first word after it (دورة تكوينية إقليمية
                // … / الدورة التكوينية الإقليمية …): an article rarely reports two such.
                const std::string key =
                    p.session > 0 ? fmt::format("event:{}:{}:{}", p.root->en, p.session, p.year)
                    : p.year > 0  ? fmt::format("event:{}:y{}", p.root->en, p.year)
                                  : fmt::format("event:{}:{}", p.root->en,
                                                first_word_after(a, h.last, p.last));
                Entity e;
                e.label = Label::Event;
                e.ar = name;
                e.en = (p.session > 0 ? ordinal_en(p.session) + " " : std::string()) + p.root->en +
                       (p.year > 0 ? fmt::format(" {}", p.year) : std::string());
                e.title_text = p.root->en;
                e.session = p.session;
                e.confidence = p.session > 0 ? 0.75 : 0.6;
                e.rule = "event.name";
                e.start = start;
                e.end = end;
                if (st.time) e.time = *st.time;
                const std::size_t before = a.entities.size();
                // "الجمعية العامة لمنظمة الأنتربول" after its 93rd session: that session.
                std::uint32_t numbered = kNone;
                if (p.session == 0 && p.year == 0 && p.adjectives == 0)
                    numbered = numbered_before(a, p.root->en);
                m.entity = numbered != kNone ? numbered : a.add_entity(std::move(e), key);
                if (a.entities.size() == before && numbered == kNone) {
                    Entity& known = a.entities[m.entity];
                    if (fold_name(name) != fold_name(known.ar) &&
                        std::find(known.aliases.begin(), known.aliases.end(), name) ==
                            known.aliases.end())
                        known.aliases.push_back(name);
                    if (known.time.empty() && st.time) known.time = *st.time;
                }
            } else {
                // "هذه الدورة", "الدورة الحالية", "أشغال الجمعية": an event already named.
                const bool demonstrative =
                    p.anaphor || (i > st.s.first &&
                                  is_kind(event_word(a, i - 1, st.s.last), EventWordKind::Anaphor));
                const bool definite = (h.flags & kArticle) || has_article(a, i) ||
                                      (i > st.s.first && (form_of(a, i - 1) == U"the" ||
                                                          form_of(a, i - 1) == U"this"));
                if (!demonstrative && !definite) {
                    i = h.last;
                    continue;
                }
                m.entity = antecedent(a, h.info, demonstrative);
                m.last = h.last;
                m.end = a.tokens.tokens[h.last - 1].end;
                if (m.entity == kNone) {
                    i = h.last;
                    continue;
                }
            }
            a.event_mentions.push_back(m);
            i = std::max(m.last, h.last);
        }
    }
}

}  // namespace liaison::extract
