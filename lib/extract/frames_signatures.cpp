// Signatures: the parties of a memorandum or an agreement when the signing clause does not
// name them as subject and object: a dual subject, بين X و Y, generic sides, two parties joined
// before the verb, and each side's signer after عن.
#include <algorithm>
#include <string_view>

#include "extract/frames_internal.hpp"

namespace liaison::extract::frames_detail {

namespace {

// "ووقع الوزيران اتفاقا": two officials in the dual sign; they are the two persons of the last
// meeting or reception the article reported.
bool dual_officials(const Analysis& a, const Item& it) {
    // The lexicons may know the word (a title's dual), so the form decides.
    if (it.last - it.first != 1 || a.token(it).kind != TokenKind::Word) return false;
    std::u32string_view w = a.token(it).form(a.text);
    if (w.size() > 5 && (w[0] == U'\u0648' || w[0] == U'\u0641')) w.remove_prefix(1);
    if (w.size() > 5 && w[0] == U'\u0627' && w[1] == U'\u0644') w.remove_prefix(2);
    // Folded: وزيران، مسؤولان (ؤ → و)، مديران، قائدان، رئيسان (ئ → ي), nominative and oblique.
    static constexpr std::u32string_view kDuals[] = {U"\u0648\u0632\u064a\u0631\u0627\u0646",
                                                     U"\u0648\u0632\u064a\u0631\u064a\u0646",
                                                     U"\u0645\u0633\u0648\u0648\u0644\u0627\u0646",
                                                     U"\u0645\u0633\u0648\u0648\u0644\u064a\u0646",
                                                     U"\u0645\u062f\u064a\u0631\u0627\u0646",
                                                     U"\u0645\u062f\u064a\u0631\u064a\u0646",
                                                     U"\u0642\u0627\u064a\u062f\u0627\u0646",
                                                     U"\u0642\u0627\u064a\u062f\u064a\u0646",
                                                     U"\u0631\u064a\u064a\u0633\u0627\u0646",
                                                     U"\u0631\u064a\u064a\u0633\u064a\u0646"};
    for (std::u32string_view d : kDuals)
        if (w == d) return true;
    return false;
}
// The party after another carries و, itself or on a word before it that the lexicons do not
// know (وآلية "أفريبول"، وحكومة جمهورية مصر العربية).
bool joined_by_and(const Analysis& a, const SentenceState& st, std::uint32_t from,
                   const Participant& p) {
    if (p.flags & kConj) return true;
    for (const Item& it : st.items)
        if (it.first >= from && it.first < p.first) {
            if (it.node != 0 || a.token(it).kind != TokenKind::Word) return false;
            const std::u32string_view w = a.token(it).form(a.text);
            return w.size() >= 4 && w[0] == U'\u0648';
        }
    return false;
}

// محضر، محضرا، المحضر، بيان، بيانا، البيان (folded): minutes or a statement, no agreement.
bool minutes_word(std::u32string_view w) {
    if (w.size() > 4 && w[0] == U'\u0648') w.remove_prefix(1);
    if (w.size() > 4 && w[0] == U'\u0627' && w[1] == U'\u0644') w.remove_prefix(2);
    if (w.size() > 4 && w.back() == U'\u0627') w.remove_suffix(1);
    return w == U"\u0645\u062D\u0636\u0631" || w == U"\u0628\u064A\u0627\u0646";
}

// مديرتها، مديرها، رئيسها، رئيسته، قائدها، أمينها (folded, with و or not): an office with the
// pronoun of the body just named.
bool possessive_office(std::u32string_view w) {
    if (w.size() > 5 && w[0] == U'\u0648') w.remove_prefix(1);
    for (std::u32string_view pron : {U"\u0647\u0627", U"\u0647"}) {
        if (w.size() <= pron.size() + 3 || w.substr(w.size() - pron.size()) != pron) continue;
        std::u32string_view stem = w.substr(0, w.size() - pron.size());
        if (stem.back() == U'\u062A') stem.remove_suffix(1);  // the feminine ت
        for (std::u32string_view o :
             {U"\u0645\u062F\u064A\u0631", U"\u0631\u064A\u064A\u0633", U"\u0642\u0627\u064A\u062F",
              U"\u0627\u0645\u064A\u0646"})  // مدير رييس قايد امين
            if (stem == o) return true;
    }
    return false;
}

}  // namespace

// The relation a trigger states: its own, or the one another trigger of the clause names; a
// bare verb of signing (under 0.6 in frames.tsv) takes its kind from a noun of signing.
std::string relation_of(const Analysis& a, const SentenceState& st, const Trigger& tr) {
    std::string rel = tr.relation ? *tr.relation : tr.frame->relation;
    // "ووقع المذكرة …": a bare verb of signing (under 0.6 in frames.tsv) signs what the
    // article reported signing before.
    // A noun of signing a few words on names its kind (وقعا في ختام المباحثات مذكرة تفاهم).
    bool named = false;
    // "باتفاقية للتعاون الأمني وقعاها": with an attached pronoun it signs the noun of
    // signing before it.
    if (!tr.relation && (tr.flags & kSuffix) && tr.frame->voice == Voice::Active &&
        tr.frame->confidence < 0.6 && rel.rfind("SIGNED_", 0) == 0)
        for (std::size_t k = tr.item; k-- > 0 && !named;)
            if (const Entry* e = a.entry(st.items[k], EntryKind::Frame);
                e && a.lex.frames[e->index].voice == Voice::Nominal &&
                a.lex.frames[e->index].relation.rfind("SIGNED_", 0) == 0) {
                rel = a.lex.frames[e->index].relation;
                named = true;
            }
    if (!tr.relation && !named && tr.frame->voice == Voice::Active && tr.frame->confidence < 0.6 &&
        rel.rfind("SIGNED_", 0) == 0)
        for (const Item& it : st.items)
            if (const Entry* e = a.entry(it, EntryKind::Frame);
                e && it.first >= tr.last && content_between(a, st, tr.last, it.first) <= 5 &&
                a.lex.frames[e->index].voice == Voice::Nominal &&
                a.lex.frames[e->index].relation.rfind("SIGNED_", 0) == 0) {
                rel = a.lex.frames[e->index].relation;
                named = true;
                break;
            }
    if (!tr.relation && !named && tr.frame->voice == Voice::Active && tr.frame->confidence < 0.6 &&
        rel.rfind("SIGNED_", 0) == 0)
        for (std::size_t i = a.facts.size(); i-- > 0;)
            if (a.facts[i].relation.rfind("SIGNED_", 0) == 0) {
                rel = a.facts[i].relation;
                break;
            }
    return rel;
}

// "وقع الجانبان حينها محضرا لتفعيل مذكرة التفاهم"، "اختتمت بالتوقيع على محضر": what a signing
// word signs is its own object, a few words on; minutes or a statement are no memorandum, even
// when a noun of signing follows (the memorandum the minutes refer to).
bool signs_minutes(const Analysis& a, const SentenceState& st, std::size_t k,
                   const FrameInfo& frame) {
    if (frame.relation.rfind("SIGNED_", 0) != 0) return false;
    // A source cited (ووقع الوزيران، حسب بيان للوزارة، مذكرة) is no object: a comma or a word of
    // citing before the minutes word ends the search.
    static constexpr std::u32string_view kCiting[] = {
        U"\u062D\u0633\u0628", U"\u0628\u062D\u0633\u0628",
        U"\u0648\u0641\u0642", U"\u0648\u0641\u0642\u0627",
        U"\u0641\u064A",       U"\u062E\u0644\u0627\u0644",
        U"\u0639\u0628\u0631", U"\u0628\u0645\u0648\u062C\u0628"};
    std::size_t seen = 0;
    for (std::size_t j = k + 1; j < st.items.size() && seen < 3; ++j) {
        const Item& it = st.items[j];
        if (a.is(it, EntryKind::Frame)) return false;
        if (it.node == 0 && a.token(it).kind != TokenKind::Word) {
            if (a.token(it).kind == TokenKind::Comma) return false;
            continue;
        }
        ++seen;
        if (it.last - it.first != 1) continue;
        const std::u32string_view w = a.token(it).form(a.text);
        for (std::u32string_view c : kCiting)
            if (w == c) return false;
        if (minutes_word(w)) return true;
    }
    return false;
}

// "وقع X وY مذكرة تفاهم لدعم قدرات الإدارة العامة للجوازات": after a noun of signing, a word
// of purpose (the ل of purpose on a verbal noun, بهدف، من أجل، بغية، لصالح) opens what the
// memorandum is for; a body named there is its beneficiary, never a signatory, unless مع or
// بين opens a party again after it.
bool behind_purpose(const Analysis& a, const SentenceState& st, const Trigger& tr,
                    const Participant& p) {
    if (tr.frame->relation.rfind("SIGNED_", 0) != 0 || p.first <= tr.last) return false;
    bool noun = tr.frame->voice == Voice::Nominal, open = false;
    for (const Item& it : st.items) {
        if (it.first < tr.last || it.first >= p.first) continue;
        if (const Entry* e = a.entry(it, EntryKind::Frame);
            e && a.lex.frames[e->index].relation.rfind("SIGNED_", 0) == 0 &&
            a.lex.frames[e->index].voice == Voice::Nominal) {
            noun = true;
            continue;
        }
        const StopRole r = a.stop_role(it);
        // مع / بين open a party again; a comma ends the purpose (…، خلال زيارة …).
        if (r == StopRole::With || r == StopRole::Between ||
            (it.node == 0 && a.token(it).kind == TokenKind::Comma))
            open = false;
        if (!noun || it.last - it.first != 1 || a.token(it).kind != TokenKind::Word) continue;
        std::u32string_view w = a.token(it).form(a.text);
        // بهدف، بغية، أجل (من أجل)، لصالح (folded)
        static constexpr std::u32string_view kWords[] = {
            U"\u0628\u0647\u062F\u0641", U"\u0628\u063A\u064A\u0647", U"\u0627\u062C\u0644",
            U"\u0644\u0635\u0627\u0644\u062D"};
        for (std::u32string_view k : kWords) open = open || w == k;
        // A plain word behind ل, four letters or more (لدعم، لتعزيز، للتعاون; not لدى، لها).
        if (it.node == 0 && w.size() >= 4 && w[0] == U'\u0644') open = true;
    }
    return open;
}

// The dual is the verb's subject: right after the trigger, or before it in its sentence, where
// a noun of meeting may stand between (ووقع المسؤولان، في ختام اللقاء، اتفاقية).
bool sign_dual(Analysis& a, const SentenceState& st, const FrameInfo& frame, const std::string& rel,
               const Trigger& tr, std::uint32_t from, bool planned) {
    // "وشهد الوزيران توقيع مذكرة تفاهم بين …": before a noun of signing the dual witnessed or
    // supervised it; only a verb of signing makes them the signers.
    if (frame.voice != Voice::Active) return false;
    std::size_t at = st.items.size();
    if (tr.item + 1 < st.items.size() && dual_officials(a, st.items[tr.item + 1])) at = tr.item + 1;
    // Before the verb, no other noun of signing between (وشهد الوزيران توقيع مذكرة …، وقعها
    // عن الجانب …: they witnessed, others signed).
    for (std::size_t k = 0; k < tr.item && at == st.items.size(); ++k)
        if (st.items[k].first >= from && dual_officials(a, st.items[k])) at = k;
    for (std::size_t k = at + 1; k < tr.item && at < st.items.size(); ++k)
        if (const Entry* e = a.entry(st.items[k], EntryKind::Frame);
            e && a.lex.frames[e->index].relation.rfind("SIGNED_", 0) == 0)
            return false;
    if (at == st.items.size()) return false;
    // The last 64 facts: a meeting further back is no antecedent, and the work stays bounded on
    // a run-on text full of duals.
    const std::size_t stop = a.facts.size() > 64 ? a.facts.size() - 64 : 0;
    for (std::size_t i = a.facts.size(); i-- > stop;) {
        const Fact f = a.facts[i];
        if (f.relation != "MET_WITH" && f.relation != "RECEIVED") continue;
        if (a.entities[f.a].label != Label::Person || a.entities[f.b].label != Label::Person)
            continue;
        const Item& d = st.items[at];
        Participant o;
        o.entity = f.b;
        o.first = d.first;
        o.last = d.last;
        o.start = a.start_of(d);
        o.end = a.end_of(d);
        add_fact(a, st, frame, rel, frame.voice, f.a, nullptr, o, f.b,
                 a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
                 false);
        a.facts.back().rule += ".dual";
        return true;
    }
    return false;
}

// "مذكرة تفاهم بين المديرية العامة للأمن الوطني وإدارة الأمن العمومي": a signature names both
// parties after بين, whoever signs for them; countries too (بين حكومتي مصر وإيطاليا), and a
// body written generically (وجهاز أمن الدولة) when the article has placed it in its country.
bool sign_between(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                  const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned) {
    for (const Item& it : st.items) {
        if (it.first < tr.last || it.first >= right || a.stop_role(it) != StopRole::Between)
            continue;
        // The noun and its topic (اتفاقا للتعاون في مجال مكافحة الهجرة) sit before بين.
        if (content_between(a, st, tr.last, it.first) > 10) return false;
        std::vector<Participant> ps;
        std::uint32_t covered = 0;
        for (const Mention& m : st.mentions) {
            if (m.entity == kNone || m.complement || m.first < covered || m.first < it.last ||
                m.first >= right)
                continue;
            ps.push_back(participant_at(m, st));
            covered = m.last;
        }
        if (ps.empty() || content_between(a, st, it.last, ps[0].first) > 1) return false;
        const Participant& x = ps[0];
        // One word may stand before the first party (حكومتي، وزارتي).
        if (label_of(a, x) == Label::City) return false;
        for (std::size_t k = 1; k < ps.size(); ++k) {
            const Participant& p = ps[k];
            if (!joined_by_and(a, st, x.last, p) || is_place(a, p) != is_place(a, x) ||
                label_of(a, p) == Label::City || content_between(a, st, x.last, p.first) > 4)
                continue;
            if (p.entity == x.entity) return false;
            add_fact(a, st, frame, rel, frame.voice, x.entity, &x, p, p.entity,
                     a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned,
                     false, false);
            a.facts.back().rule += ".between";
            return true;
        }
        return false;
    }
    return false;
}

namespace {

// The two countries of the last meeting or reception between persons of two countries; a person
// the article did not place is of the article's own country when the other is not.
bool last_two_countries(const Analysis& a, std::uint32_t& x, std::uint32_t& y) {
    const std::size_t stop = a.facts.size() > 64 ? a.facts.size() - 64 : 0;
    for (std::size_t i = a.facts.size(); i-- > stop;) {
        const Fact& f = a.facts[i];
        if (f.relation != "MET_WITH" && f.relation != "RECEIVED") continue;
        if (a.entities[f.a].label != Label::Person || a.entities[f.b].label != Label::Person)
            continue;
        x = a.entities[f.a].country;
        y = a.entities[f.b].country;
        if (x == kNone && y != a.main_country) x = a.main_country;
        if (y == kNone && x != a.main_country) y = a.main_country;
        if (x != kNone && y != kNone && x != y) return true;
    }
    return false;
}

// "وزارتي الداخلية في البلدين ترتبطان بمذكرة تفاهم": a body noun in the dual (وزارتا، مديريتي)
// with its complement, then the two countries (في البلدين), is that body of each country; the
// body is the lexicon's "of the country in context" entry the singular names.
bool sign_dual_bodies(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                      const std::string& rel, const Trigger& tr, std::uint32_t left, bool planned) {
    for (std::uint32_t k = std::max(left, st.s.first); k < tr.first; ++k) {
        const std::u32string_view w = a.tokens.tokens[k].form(a.text);
        if (w.size() < 5 || w[w.size() - 2] != U'\u062A' ||
            (w.back() != U'\u064A' && w.back() != U'\u0627'))  // ـتي، ـتا
            continue;
        if (content_between(a, st, k, tr.first) > 6) continue;
        // The singular (ة folded to ه), with or without a leading و (وزارتا، ووزارتا).
        std::uint32_t node = 0;
        for (std::size_t skip = 0; skip < 2 && node == 0; ++skip) {
            if (skip == 1 && w[0] != U'\u0648') break;
            std::u32string singular(w.substr(skip, w.size() - 2 - skip));
            singular += U'\u0647';
            node = a.lex.child(0, a.lex.words.find(singular));
        }
        std::uint32_t agency = kNone, j = k + 1;
        std::uint32_t end = k + 1;
        while (node != 0 && j < tr.first) {
            const Token& t = a.tokens.tokens[j];
            std::uint32_t next = 0;
            for (int v = 0; v < t.nvariants && next == 0; ++v)
                next = a.lex.child(node, t.variants[v].word);
            if (next == 0) break;
            node = next;
            ++j;
            for (const Entry& e : a.lex.entries(node))
                if (e.kind == EntryKind::Agency) {
                    agency = e.index;
                    end = j;
                }
        }
        if (agency == kNone || a.lex.agencies[agency].country != AgencyInfo::kInContext) continue;
        // في البلدين / بالبلدين right after the complement.
        bool both = false;
        for (std::uint32_t m = end; m < tr.first && m <= end + 1 && !both; ++m) {
            const std::u32string_view f = a.tokens.tokens[m].form(a.text);
            both = f.find(U"\u0628\u0644\u062F\u064A\u0646") != std::u32string_view::npos;
        }
        std::uint32_t cx = kNone, cy = kNone;
        if (!both || !last_two_countries(a, cx, cy)) return false;
        const std::uint32_t start = a.tokens.tokens[k].start, stop = a.tokens.tokens[end - 1].end;
        const std::string written = a.slice(start, stop);
        const std::uint32_t p = a.agency_entity(agency, cx, start, stop, written);
        const std::uint32_t q = a.agency_entity(agency, cy, start, stop, written);
        if (p == q) return false;
        Participant o;
        o.entity = q;
        o.first = k;
        o.last = end;
        o.start = start;
        o.end = stop;
        add_fact(a, st, frame, rel, frame.voice, p, nullptr, o, q, a.tokens.tokens[tr.first].start,
                 a.tokens.tokens[tr.last - 1].end, planned, false, false);
        a.facts.back().rule += ".dual";
        return true;
    }
    return false;
}

}  // namespace

// "إن الجانبين وقعا مذكرة تفاهم", "ويرتبط البلدان باتفاقية وقعاها": the two sides are those of
// the last meeting or reception between two persons — the bodies they head, or, for البلدان
// (the two countries), their countries.
bool sign_generic(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                  const std::string& rel, const Trigger& tr, std::uint32_t left,
                  std::uint32_t right, bool planned) {
    // The sides are the verb's subject: close before it with no other verb of signing between
    // (ويرتبط البلدان باتفاقية للتعاون الأمني وقعاها، إن الجانبين وقعا) or right after it
    // (أن يوقع الجانبان).
    if (sign_dual_bodies(a, st, frame, rel, tr, left, planned)) return true;
    const Item* side = nullptr;
    // "مذكرة التفاهم الأمنية الموقعة بين البلدين": a noun of signing with its participle and
    // بين before the sides signs like the verb.
    if (frame.voice != Voice::Active) {
        for (std::size_t k = tr.item + 1; k + 1 < st.items.size(); ++k) {
            const Item& it = st.items[k];
            if (it.first >= right || content_between(a, st, tr.last, it.first) > 3) break;
            if (a.stop_role(it) != StopRole::Between || it.first == 0) continue;
            const std::u32string_view w = a.tokens.tokens[it.first - 1].form(a.text);
            const bool participle = w == U"\u0627\u0644\u0645\u0648\u0642\u0639\u0647" ||
                                    w == U"\u0627\u0644\u0645\u0648\u0642\u0639" ||
                                    w == U"\u0627\u0644\u0645\u0628\u0631\u0645\u0647" ||
                                    w == U"\u0627\u0644\u0645\u0628\u0631\u0645";
            if (participle && a.stop_role(st.items[k + 1]) == StopRole::Generic)
                side = &st.items[k + 1];
            break;
        }
        if (!side) return false;
    }
    for (const Item& it : st.items) {
        if (side) break;
        if (it.first < left || it.first >= right || a.stop_role(it) != StopRole::Generic) continue;
        const bool before = it.last <= tr.first && content_between(a, st, it.last, tr.first) <= 5;
        const bool after = it.first >= tr.last && content_between(a, st, tr.last, it.first) <= 1;
        if (before || after) {
            side = &it;
            break;
        }
    }
    if (!side) return false;
    for (const Item& it : st.items)
        if (it.first >= side->last && it.last <= tr.first)
            if (const Entry* e = a.entry(it, EntryKind::Frame);
                e && a.lex.frames[e->index].relation.rfind("SIGNED_", 0) == 0 &&
                a.lex.frames[e->index].voice != Voice::Nominal)
                return false;
    bool countries = false;
    for (std::uint32_t k = side->first; k < side->last; ++k) {
        const std::u32string_view w = a.tokens.tokens[k].form(a.text);
        countries = countries || w.find(U"\u0628\u0644\u062f") != std::u32string_view::npos ||
                    w == U"countries";
    }
    auto country_entity = [&](std::uint32_t lex) {
        for (std::uint32_t e = 0; e < a.entities.size(); ++e)
            if (a.entities[e].label == Label::Country && a.entities[e].lex == lex) return e;
        return kNone;
    };
    const std::size_t stop = a.facts.size() > 64 ? a.facts.size() - 64 : 0;
    for (std::size_t i = a.facts.size(); i-- > stop;) {
        const Fact f = a.facts[i];
        if (f.relation != "MET_WITH" && f.relation != "RECEIVED") continue;
        const Entity &x = a.entities[f.a], &y = a.entities[f.b];
        if (x.label != Label::Person || y.label != Label::Person) continue;
        // A person heading no body named, who led a body's delegation, acts for that body.
        auto side_of = [&](std::uint32_t person) {
            if (a.entities[person].agency != kNone) return a.entities[person].agency;
            for (const Fact& g : a.facts)
                if (g.relation == "REPRESENTS" && g.a == person && g.rule == "role.delegation" &&
                    a.entities[g.b].label != Label::Country)
                    return g.b;
            return kNone;
        };
        std::uint32_t p = countries ? country_entity(x.country) : side_of(f.a);
        std::uint32_t q = countries ? country_entity(y.country) : side_of(f.b);
        // A person the recognisers could not place (a name apart from its title) tells nothing
        // of the sides: an earlier meeting may; two of one country are no two sides.
        if (p == kNone || q == kNone) continue;
        // The side's country: the person's, else that of the body they act for.
        const std::uint32_t xc = x.country != kNone ? x.country : a.entities[p].country;
        const std::uint32_t yc = y.country != kNone ? y.country : a.entities[q].country;
        if (xc == kNone || yc == kNone) continue;
        if (xc == yc || p == q) return false;
        Participant o;
        o.entity = q;
        o.first = side->first;
        o.last = side->last;
        o.start = a.start_of(*side);
        o.end = a.end_of(*side);
        add_fact(a, st, frame, rel, frame.voice, p, nullptr, o, q, a.tokens.tokens[tr.first].start,
                 a.tokens.tokens[tr.last - 1].end, planned, false, false);
        a.facts.back().rule += ".generic";
        return true;
    }
    return false;
}

// "Iraq and Jordan signed a memorandum", "المغرب وإسبانيا يوقعان اتفاقية": two parties joined by
// and / و right before the verb (subject first, as English and headlines write it); countries
// sign too. Only a modality or function word may stand between them and the verb.
bool sign_joined_before(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                        const std::string& rel, const Trigger& tr, std::uint32_t left, bool planned,
                        const std::vector<Participant>& ps) {
    const Participant *x = nullptr, *y = nullptr;
    for (const Participant& p : ps)
        if (p.first >= left && p.last <= tr.first) x = y, y = &p;
    if (!x || !y || x->entity == y->entity || label_of(a, *x) == Label::City ||
        label_of(a, *y) == Label::City || (x->flags & kPrep) || x->counterpart || y->counterpart ||
        x->last == y->first)
        return false;
    // Only list glue between them, or the country that ends the first body's name (الجمارك
    // المغربية والسنغالية).
    for (const Item& it : st.items) {
        if (it.first < x->last || it.first >= y->first) continue;
        bool country_of_x = false;
        for (const Mention& m : st.mentions)
            country_of_x = country_of_x || (m.complement && m.first == it.first);
        if (!country_of_x && !list_glue(a, st, it.first, it.last)) return false;
    }
    for (const Item& it : st.items)
        if (it.first >= y->last && it.first < tr.first && it.node == 0)
            return false;  // a comma or a word outside the lexicons: the pair is no subject
    const StopRole r = role_before(a, st, x->first, left);
    if (r == StopRole::With || r == StopRole::Between || r == StopRole::In || r == StopRole::From ||
        r == StopRole::To)
        return false;
    add_fact(a, st, frame, rel, Voice::Active, x->entity, x, *y, y->entity,
             a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
             false);
    a.facts.back().rule += ".joined";
    return true;
}

// "وقعت الجمهورية الإسلامية الموريتانية والمملكة العربية السعودية اتفاقية"، "التي وقعتها مصر
// والسعودية عام 2017": two countries or bodies joined by و right after a verb of signing are
// its subject and sign with each other (two countries never meet, but they sign).
bool sign_joined_after(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                       const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned,
                       const std::vector<Participant>& ps) {
    if (frame.voice != Voice::Active) return false;
    const Participant *x = nullptr, *y = nullptr;
    for (const Participant& p : ps) {
        if (p.first < tr.last || p.first >= right) continue;
        if (!x)
            x = &p;
        else {
            y = &p;
            break;
        }
    }
    if (!x || !y || x->entity == kNone || y->entity == kNone || x->entity == y->entity ||
        x->counterpart || y->counterpart || (x->flags & kPrep) ||
        content_between(a, st, tr.last, x->first) > 0 || !(y->flags & kConj))
        return false;
    const Label lx = label_of(a, *x), ly = label_of(a, *y);
    const bool body_x = lx == Label::Agency || lx == Label::Organization;
    const bool body_y = ly == Label::Agency || ly == Label::Organization;
    if (!((lx == Label::Country && ly == Label::Country) || (body_x && body_y))) return false;
    // Between them only و and the place or country that ends the first one's name (في دولة
    // الإمارات).
    for (const Item& it : st.items) {
        if (it.first < x->last || it.first >= y->first) continue;
        bool country_of_x = false;
        for (const Mention& m : st.mentions)
            country_of_x = country_of_x || (m.complement && m.first == it.first);
        if (!country_of_x && !list_glue(a, st, it.first, it.last) &&
            a.stop_role(it) != StopRole::In)
            return false;
    }
    add_fact(a, st, frame, rel, Voice::Active, x->entity, x, *y, y->entity,
             a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
             false);
    a.facts.back().rule += ".joined";
    return true;
}

bool sign_by_agents(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                    const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned,
                    const std::vector<Participant>& ps) {
    if (!latin(a, tr)) return false;
    std::uint32_t by = kNone;
    for (const Item& it : st.items)
        if (it.first >= tr.last && it.first < right && a.stop_role(it) == StopRole::Agent) {
            by = it.last;
            break;
        }
    if (by == kNone) return false;
    const Participant *x = nullptr, *y = nullptr;
    for (const Participant& p : ps) {
        if (p.first < by || p.first >= right || p.entity == kNone ||
            label_of(a, p) != Label::Person)
            continue;
        if (!x) {
            // Right after "by", past a rank or a title (Maj. Gen., Interior Minister).
            if (content_between(a, st, by, p.first) > 4) return false;
            x = &p;
            continue;
        }
        // The next person after an "and" (past the first one's title in commas).
        for (const Item& it : st.items)
            if (it.first >= x->last && it.first < p.first && a.stop_role(it) == StopRole::And)
                y = &p;
        if (y) break;
    }
    if (!x || !y || x->entity == y->entity) return false;
    add_fact(a, st, frame, rel, Voice::Passive, x->entity, x, *y, y->entity,
             a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end, planned, false,
             false);
    a.facts.back().rule += ".agents";
    return true;
}

// "ووقع المذكرة عن الجانب الإماراتي اللواء X، …، وعن الجانب الكويتي اللواء Y": each side's
// signer is the first named person after its عن; two sides give one signature between them.
bool sign_for_sides(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                    const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned,
                    const std::vector<Participant>& ps) {
    static constexpr std::u32string_view kFor = U"\u0639\u0646";   // عن
    static constexpr std::u32string_view kFrom = U"\u0645\u0646";  // من
    std::vector<std::uint32_t> sides;
    for (const Item& it : st.items) {
        if (it.first < tr.last || it.first >= right) continue;
        std::u32string_view w = a.tokens.tokens[it.first].form(a.text);
        if (w.size() == 3 && w[0] == U'\u0648') w.remove_prefix(1);
        if (w == kFor && it.last - it.first == 1) {
            sides.push_back(it.last);
            continue;
        }
        // "من الجانب الموريتاني …، ومن الجانب السعودي …": من only before a side (الجانب،
        // الطرف), where it says for whom, not where from (the lexicons may read من جانب as one
        // item).
        const std::uint32_t n = it.first + 1;
        if (w != kFrom || n >= right) continue;
        const std::u32string_view side = a.tokens.tokens[n].form(a.text);
        // "من جانب الشرطة X، ومن جانب الهيئة Y": جانب before the side's body.
        if (side == U"\u0627\u0644\u062c\u0627\u0646\u0628" ||  // الجانب
            side == U"\u0627\u0644\u0637\u0631\u0641" ||        // الطرف
            side == U"\u062c\u0627\u0646\u0628")                // جانب
            sides.push_back(n + 1);
    }
    if (sides.size() != 2) return false;
    // Each side's signer: its first named person, else the first official kept as a role
    // (وعن الجانب العراقي المدير العام لشؤون المخدرات).
    const Participant* signer[2] = {nullptr, nullptr};
    Participant heads[2];  // an office with the body's pronoun, standing for its holder
    for (std::size_t k = 0; k < 2; ++k) {
        const std::uint32_t end = k == 0 ? sides[1] : right;
        const Participant* role = nullptr;
        for (const Participant& p : ps) {
            if (p.first < sides[k] || p.first >= end || p.counterpart ||
                a.entities[p.entity].label != Label::Person)
                continue;
            if (!a.entities[p.entity].unnamed) {
                signer[k] = &p;
                break;
            }
            if (!role) role = &p;
        }
        if (!signer[k]) signer[k] = role;
    }
    // "وعن الوكالة الأوروبية مديرتها التنفيذية": an office with the body's pronoun is the
    // person the article names heading the side's body: the body written after عن, else the
    // party of this sentence's signature that the other side does not stand for.
    for (std::size_t k = 0; k < 2; ++k) {
        if (signer[k]) continue;
        const std::uint32_t end = k == 0 ? sides[1] : right;
        std::uint32_t office = kNone;
        for (std::uint32_t j = sides[k]; j < end && j < sides[k] + 5 && office == kNone; ++j)
            if (possessive_office(a.tokens.tokens[j].form(a.text))) office = j;
        if (office == kNone) continue;
        auto body_in = [&](std::uint32_t from, std::uint32_t to) {
            for (const Participant& p : ps)
                if (p.first >= from && p.last <= to && !p.counterpart &&
                    (label_of(a, p) == Label::Agency || label_of(a, p) == Label::Organization))
                    return p.entity;
            return kNone;
        };
        std::uint32_t body = body_in(sides[k], office);
        const std::size_t o = 1 - k;
        const std::uint32_t other_body = body_in(sides[o], o == 0 ? sides[1] : right);
        const std::uint32_t other = signer[o] ? a.entities[signer[o]->entity].agency : other_body;
        const std::uint32_t from = a.tokens.tokens[st.s.first].start;
        for (std::size_t i = 0; i < a.facts.size() && body == kNone; ++i) {
            const Fact& f = a.facts[i];
            if (f.relation.rfind("SIGNED_", 0) != 0 || f.start < from) continue;
            if (f.a == other || f.a == other_body) body = f.b;
            if (f.b == other || f.b == other_body) body = f.a;
        }
        if (body == kNone) continue;
        // The one named person heading that body.
        std::uint32_t named = kNone;
        for (std::uint32_t e = 0; e < a.entities.size(); ++e)
            if (a.entities[e].label == Label::Person && !a.entities[e].unnamed &&
                a.entities[e].agency == body) {
                if (named != kNone) {
                    named = kNone;
                    break;
                }
                named = e;
            }
        if (named == kNone) continue;
        heads[k].entity = named;
        heads[k].first = office;
        heads[k].last = office + 1;
        heads[k].start = a.tokens.tokens[office].start;
        heads[k].end = a.tokens.tokens[office].end;
        signer[k] = &heads[k];
    }
    // Two sides stated but a signer not found (وعن الجامعة معالي رئيسها): the clause's other
    // readings would take a side's body for a party met; propose nothing.
    if (!signer[0] || !signer[1] || signer[0]->entity == signer[1]->entity) return true;
    add_fact(a, st, frame, rel, Voice::Active, signer[0]->entity, signer[0], *signer[1],
             signer[1]->entity, a.tokens.tokens[tr.first].start, a.tokens.tokens[tr.last - 1].end,
             planned, false, false);
    a.facts.back().rule += ".sides";
    return true;
}

}  // namespace liaison::extract::frames_detail
