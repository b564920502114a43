// Bodies and places the lexicons do not list, built from the words the press names them with
// (docs/extract.md, "Places and agencies"): a body head with a definite complement of two words
// or more (مركز القيادة الوطني، معهد تدريب الشرطة، الإدارة العامة للعلاقات والإعلام الأمني), an
// unknown word after مدينة / ولاية / محافظة (مدينة روصو), and العاصمة with a nisba (العاصمة
// التونسية: the capital of that country).
#include "extract/bodies.hpp"

#include <algorithm>

#include "extract/analysis.hpp"
#include "liaison/model/names.hpp"

namespace liaison::extract {

namespace {

// Folded, without the article: the nouns a body's name opens with.
constexpr std::u32string_view kBodyHeads[] = {
    U"\u0645\u0631\u0643\u0632",                          // مركز
    U"\u0645\u0639\u0647\u062F",                          // معهد
    U"\u0627\u062F\u0627\u0631\u0647",                    // إدارة
    U"\u0645\u062F\u064A\u0631\u064A\u0647",              // مديرية
    U"\u0642\u0633\u0645",                                // قسم
    U"\u0634\u0639\u0628\u0647",                          // شعبة
    U"\u062C\u0647\u0627\u0632",                          // جهاز
    U"\u0627\u0643\u0627\u062F\u064A\u0645\u064A\u0647",  // أكاديمية
    U"\u0647\u064A\u064A\u0647",                          // هيئة (ئ folds to ي)
    U"\u0642\u064A\u0627\u062F\u0647",                    // قيادة
    U"\u0643\u0644\u064A\u0647",                          // كلية
};
// Of those, the institutions, whose one definite word names them (أكاديمية الشرطة، كلية
// الشرطة، معهد الدراسات، مديرية الأمن); an abstract head (إدارة الأزمة، قيادة السيارات) needs
// two words or an office before it.
constexpr std::u32string_view kInstitutionHeads[] = {
    U"\u0645\u0639\u0647\u062F",                          // معهد
    U"\u0645\u062F\u064A\u0631\u064A\u0647",              // مديرية
    U"\u0627\u0643\u0627\u062F\u064A\u0645\u064A\u0647",  // أكاديمية
    U"\u0643\u0644\u064A\u0647",                          // كلية
};
// Nouns that open a compound place name (folded): وادي، عين، بئر، رأس، دير، تل، كفر، بيت،
// جبل، مرسى، شرم، بني، سيدي.
bool place_noun(std::u32string_view w) {
    for (std::u32string_view n :
         {U"\u0648\u0627\u062F\u064A", U"\u0639\u064A\u0646", U"\u0628\u064A\u0631",
          U"\u0631\u0627\u0633", U"\u062F\u064A\u0631", U"\u062A\u0644", U"\u0643\u0641\u0631",
          U"\u0628\u064A\u062A", U"\u062C\u0628\u0644", U"\u0645\u0631\u0633\u064A",
          U"\u0634\u0631\u0645", U"\u0628\u0646\u064A", U"\u0633\u064A\u062F\u064A"})
        if (w == n) return true;
    return false;
}
// The nouns before a city's name.
constexpr std::u32string_view kCityHeads[] = {
    U"\u0645\u062F\u064A\u0646\u0647",        // مدينة
    U"\u0648\u0644\u0627\u064A\u0647",        // ولاية
    U"\u0645\u062D\u0627\u0641\u0638\u0647",  // محافظة
    U"\u0628\u0644\u062F\u0647",              // بلدة
};
constexpr std::u32string_view kCapital[] = {U"\u0639\u0627\u0635\u0645\u0647"};  // عاصمة

struct WordShape {
    bool head = false;      // one of the heads asked for
    bool article = false;   // written with ال (or لل)
    std::uint8_t skip = 0;  // clitics before the head (بمدينة)
};

template <std::size_t N>
WordShape shape(const Analysis& a, const Token& t, const std::u32string_view (&heads)[N]) {
    WordShape s;
    word_variants(t.form(a.text), [&](std::u32string_view w, std::uint8_t skip,
                                      std::uint8_t flags) {
        if (flags & kSuffix) return;
        if (flags & kArticle) s.article = true;
        if (!s.head && std::find(std::begin(heads), std::end(heads), w) != std::end(heads)) {
            s.head = true;
            s.article = flags & kArticle;
            // The name starts at its article (باللجنة → اللجنة; للجنة keeps one ل).
            const std::u32string_view f = t.form(a.text);
            s.skip = skip;
            if (s.article)
                s.skip -= skip >= 2 && f[skip - 2] == U'\u0627' && f[skip - 1] == U'\u0644' ? 2 : 1;
        }
    });
    return s;
}

bool definite(const Analysis& a, const Token& t) {
    bool article = false;
    word_variants(t.form(a.text), [&](std::u32string_view, std::uint8_t, std::uint8_t flags) {
        article = article || ((flags & kArticle) && !(flags & kSuffix));
    });
    return article;
}

bool arabic_word(const Analysis& a, const Token& t) {
    if (t.kind != TokenKind::Word) return false;
    const std::u32string_view w = t.form(a.text);
    return w.size() >= 3 && w[0] >= 0x0620 && w[0] <= 0x064A;
}

// A word the lexicons know nothing of, or a one-word generic body (الشرطة) in a genitive.
bool complement_item(const Analysis& a, const Item& it) {
    if (!arabic_word(a, a.token(it)) || it.last - it.first != 1) return false;
    if (it.node == 0) return true;
    // A common noun (العلاقات، المشاريع) ends a person's name, not a body's complement.
    if (a.stop_role(it) == StopRole::Noun) {
        bool noun = true;
        for (const Entry& e : a.lex.entries(it.node)) noun = noun && e.kind == EntryKind::Stopword;
        if (noun) return true;
    }
    const Entry* e = a.entry(it, EntryKind::Agency);
    return e && a.lex.agencies[e->index].country == AgencyInfo::kInContext &&
           a.lex.entries(it.node).size() == 1;
}

// An event word (الثانية، ذاته) is no city's name.
bool event_word(const Analysis& a, const Token& t) {
    for (int v = 0; v < t.nvariants; ++v)
        if (a.lex.event_forms_by_first.count(t.variants[v].word)) return true;
    return false;
}

Mention mention_of(const Analysis& a, std::uint32_t entity, std::uint32_t first, std::uint32_t last,
                   std::uint32_t start) {
    return {entity, first, last, start, a.tokens.tokens[last - 1].end, MentionKind::Entity,
            false,  false};
}

// An agency the article named before whose name the words open (اللجنة الوطنية التنسيقية after
// its full name), else kNone.
std::uint32_t named_before(const Analysis& a, const std::string& written) {
    const std::string key = fold_name(written);
    for (std::uint32_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        if (e.label != Label::Agency && e.label != Label::Organization) continue;
        const std::string name = fold_name(e.ar);
        if (name.size() > key.size() && name.compare(0, key.size(), key) == 0 &&
            name[key.size()] == ' ')
            return i;
    }
    return kNone;
}

}  // namespace

bool institution_head(const Analysis& a, const Token& t) {
    return shape(a, t, kInstitutionHeads).head;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> find_unlisted(Analysis& a, SentenceState& st) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
    for (std::size_t k = 0; k < st.items.size(); ++k) {
        const Item& it = st.items[k];
        if (it.node != 0 || !arabic_word(a, a.token(it))) continue;
        const Token& t = a.token(it);
        const std::uint32_t start = a.text.origin[t.fstart + shape(a, t, kBodyHeads).skip];
        // A city: one unknown word after مدينة / ولاية / محافظة (not المدينة: "the city").
        if (const WordShape c = shape(a, t, kCityHeads); c.head && !c.article) {
            if (k + 1 >= st.items.size()) continue;
            const Item& name = st.items[k + 1];
            const Token& nt = a.token(name);
            if (name.node != 0 || !arabic_word(a, nt) || event_word(a, nt)) continue;
            // "مدينة وادي حلفا"، "مدينة عين صالح"، "مدينة رأس غارب": a place noun opens a
            // compound name with the word after it.
            std::size_t last = k + 1;
            if (k + 2 < st.items.size() && place_noun(nt.form(a.text))) {
                const Item& second = st.items[k + 2];
                const Token& st2 = a.token(second);
                if (second.node == 0 && arabic_word(a, st2) && !event_word(a, st2) &&
                    !definite(a, st2))
                    last = k + 2;
            }
            const std::uint32_t end = a.token(st.items[last]).end;
            Entity e;
            e.label = Label::City;
            e.start = nt.start;
            e.end = end;
            e.ar = a.slice(e.start, e.end);
            e.confidence = 0.6;
            e.rule = "city.context";
            const std::uint32_t id =
                a.add_entity(std::move(e), "city:" + fold_name(a.slice(nt.start, end)));
            st.mentions.push_back(mention_of(a, id, name.first, st.items[last].last, nt.start));
            taken.emplace_back(name.first, st.items[last].last);
            k = last;
            continue;
        }
        // "العاصمة التونسية": the capital of the country the adjective names, unless the city
        // is written after it (العاصمة النمساوية فيينا).
        if (const WordShape c = shape(a, t, kCapital); c.head && c.article) {
            if (k + 1 >= st.items.size()) continue;
            const Entry* adj = a.entry(st.items[k + 1], EntryKind::Country);
            if (!adj || adj->sub != 1) continue;
            if (k + 2 < st.items.size() && a.is(st.items[k + 2], EntryKind::City)) continue;
            auto cap = a.lex.capitals.find(adj->index);
            if (cap == a.lex.capitals.end()) continue;
            const CityInfo& info = a.lex.cities[cap->second];
            const std::uint32_t end = a.end_of(st.items[k + 1]);
            Entity e;
            e.label = Label::City;
            e.ar = info.ar;
            e.en = info.en;
            e.lex = cap->second;
            e.country = info.country;
            e.start = start;
            e.end = end;
            e.aliases.push_back(a.slice(start, end));
            e.confidence = 0.8;
            e.rule = "city.capital";
            const std::uint32_t id = a.add_entity(std::move(e), "city:" + info.key);
            st.mentions.push_back(mention_of(a, id, it.first, st.items[k + 1].last, start));
            taken.emplace_back(it.first, st.items[k + 1].last);
            ++k;
            continue;
        }
        const WordShape head = shape(a, t, kBodyHeads);
        if (!head.head) continue;
        // The complement: definite words (a construct may open with indefinite ones: معهد تدريب
        // الشرطة), joined by و only when definite; it ends at its last definite word.
        // At most one indefinite noun opens the construct, never a nisba adjective or a word
        // behind a preposition (مركز إقليمي للتدريب، مركز مشترك لتحليل: no name); a first word
        // with و is an adjective of the head (الأكاديمية والتدريبية).
        std::size_t last_definite = 0;
        for (std::size_t j = k + 1; j < st.items.size() && complement_item(a, st.items[j]); ++j) {
            const Token& w = a.token(st.items[j]);
            const bool def = definite(a, w);
            const std::u32string_view f = w.form(a.text);
            if (j == k + 1 && (f[0] == U'\u0648' || f[0] == U'\u0641') && def) break;
            if (!def && (last_definite != 0 || head.article || j > k + 1 || f.back() == U'\u064A' ||
                         f[0] == U'\u0644' || f[0] == U'\u0628'))
                break;
            if (def) last_definite = j;
        }
        if (last_definite == 0) continue;
        // After an office one word will do (مدير إدارة التدريب): the office says it is a body.
        const bool after_office = k > 0 && a.is(st.items[k - 1], EntryKind::Title);
        const bool institution = institution_head(a, t);
        if (last_definite - k < (after_office || institution ? 1U : 2U)) continue;
        std::uint32_t last = st.items[last_definite].last;
        // "إدارة الجريمة المنظمة والناشئة بالإنتربول": the body it belongs to, behind ب, is part
        // of its name.
        if (last_definite + 1 < st.items.size()) {
            const Item& parent = st.items[last_definite + 1];
            const Entry* ag = a.entry(parent, EntryKind::Agency);
            const std::u32string_view f = a.token(parent).form(a.text);
            if (ag && a.lex.agencies[ag->index].country != AgencyInfo::kInContext &&
                (parent.flags & kPrep) && f[0] == U'\u0628')
                last = parent.last;
        }
        const std::uint32_t end = a.tokens.tokens[last - 1].end;
        const std::string written = a.slice(start, end);
        std::uint32_t id = named_before(a, written);
        if (id == kNone) {
            Entity e;
            e.label = Label::Agency;
            e.ar = written;
            e.start = start;
            e.end = end;
            e.confidence = 0.6;
            e.rule = "agency.unlisted";
            id = a.add_entity(std::move(e), "body:" + fold_name(written));
        }
        st.mentions.push_back(mention_of(a, id, it.first, last, start));
        taken.emplace_back(it.first, last);
        k = last_definite;
    }
    return taken;
}

}  // namespace liaison::extract
