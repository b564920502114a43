// Name spans: the words that read as a person's name after or before a title, given names and
// family names (Arabic article, Latin al- and capitals), and the key a name is merged under.
#include <algorithm>

#include "extract/persons_internal.hpp"

namespace liaison::extract::person_detail {

bool starts_with_article(std::u32string_view w) {
    return w.size() >= 4 && w[0] == U'\u0627' && w[1] == U'\u0644';
}

// الله closes a compound given name (عبيد الله، عطا الله، فتح الله); its ال is no article.
bool is_allah(std::u32string_view w) { return w == U"\u0627\u0644\u0644\u0647"; }

std::u32string strip_article(std::u32string_view w) {
    return std::u32string(starts_with_article(w) && !is_allah(w) ? w.substr(2) : w);
}

// "عبدالأمير"، "عبدالرحيم": عبد joined to a name with the article is a given name, whether the
// lexicon lists that compound or not.
bool given_word(const Analysis& a, const Item& it) {
    if (a.is(it, EntryKind::GivenName)) return true;
    if (it.node != 0 || it.last - it.first != 1) return false;
    const std::u32string_view w = a.token(it).form(a.text).substr(it.skip);
    return w.size() >= 7 && w.substr(0, 5) == U"\u0639\u0628\u062F\u0627\u0644";
}

bool allah_item(const Analysis& a, const Item& it) {
    return it.last - it.first == 1 && !(it.flags & kConj) && is_allah(a.token(it).form(a.text));
}

// A word of a name after its first: not one joined by و (والوفد المرافق له), unless a given name.
// A three-letter word keeps its و or ف: what would remain is no word (ولد بكار، إلياس فرح).
bool continues_name(const Analysis& a, const Item& it) {
    if (it.node != 0) return !(it.flags & kConj);
    const std::u32string_view w = a.token(it).form(a.text);
    // ف opens foreign names (فيبر، فرنانديز، فالنتين); as a conjunction it stands before a
    // phrase the lexicons know (فالوفد).
    if (w.size() >= 4 && w[0] == U'\u0641') return true;
    return !(w.size() >= 4 && w[0] == U'\u0648');
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

// "جورجيا ميلوني": a given name that is also a place's name (جورجيا، فرح), written before an
// unknown word, opens a name.
bool place_given(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (k + 1 >= st.items.size()) return false;
    const Item& it = st.items[k];
    const Item& next = st.items[k + 1];
    // "خليل إبراهيم": a city the lexicon writes with the article (الخليل), written bare, is a name.
    const Entry* city = a.entry(it, EntryKind::City);
    if (city && it.last - it.first == 1 && !(it.flags & (kConj | kPrep | kArticle)) &&
        a.is(it, EntryKind::GivenName) && a.lex.cities[city->index].ar.rfind("ال", 0) == 0)
        return true;
    return it.last - it.first == 1 && !(it.flags & (kConj | kPrep)) &&
           a.is(it, EntryKind::GivenName) &&
           (a.is(it, EntryKind::Country) || a.is(it, EntryKind::City)) && a.plain(next) &&
           name_word(a, next) && !(next.flags & (kConj | kPrep)) &&
           !starts_with_article(a.token(next).form(a.text));
}

bool name_word(const Analysis& a, const Item& it) {
    if (it.node == 0) {
        const Token& t = a.token(it);
        return t.kind == TokenKind::Word && t.fend - t.fstart >= 2;
    }
    // علي the name folds like على the preposition: a given name wins over a function word, unless
    // the article wrote the preposition (ى).
    bool given = false, stop = false;
    for (const Entry& e : a.lex.entries(it.node)) {
        if (e.kind == EntryKind::GivenName)
            given = true;
        else if (e.kind == EntryKind::Stopword)
            stop = true;
        // "جمال خليل": a city the lexicon writes with the article (الخليل), written bare.
        else if (e.kind == EntryKind::City && !(it.flags & kArticle) &&
                 a.lex.cities[e.index].ar.rfind("\u0627\u0644", 0) == 0)
            continue;
        else if (e.kind != EntryKind::Modality)
            return false;
    }
    if (given && stop) {
        const std::string w = a.slice(a.start_of(it), a.end_of(it));
        if (w.size() >= 2 && w.compare(w.size() - 2, 2, "\u0649") == 0) return false;
    }
    return given;
}

// "فهد يوسف سعود الصباح اليوم": الصباح is a family name (Kuwait's) as well as "the morning"; after
// a name word it ends the name, as a time word is written صباح اليوم or في الصباح.
bool time_family(const Analysis& a, const Item& it) {
    return it.last - it.first == 1 && !(it.flags & (kConj | kPrep)) &&
           a.token(it).form(a.text) == U"\u0627\u0644\u0635\u0628\u0627\u062D";
}

// "أنيل بورا إينان": a word that reads as ب ل ك before a function word (ب + وراء) is no Arabic
// between two words of a name: it is a word of the name (not so before the sentence: سايرين
// بمكتبه اليوم).
bool clitic_stop(const Analysis& a, const Item& it) {
    if (it.node == 0 || it.last - it.first != 1 || !(it.flags & kPrep) || (it.flags & kConj) ||
        a.token(it).form(a.text).size() < 4)
        return false;
    for (const Entry& e : a.lex.entries(it.node))
        if (e.kind != EntryKind::Stopword) return false;
    return true;
}

// "تسفاي ولدي ميكائيل": an Ethiopian or Eritrean name word that reads as و + لدى, written with
// ي (لدى is written with ى), between two words of a name, is a word of the name.
bool conj_stop_in_name(const Analysis& a, const SentenceState& st, std::size_t k) {
    const Item& it = st.items[k];
    if (it.node == 0 || it.last - it.first != 1 || !(it.flags & kConj) || (it.flags & kPrep) ||
        k + 1 >= st.items.size())
        return false;
    for (const Entry& e : a.lex.entries(it.node))
        if (e.kind != EntryKind::Stopword) return false;
    const std::string w = a.slice(a.start_of(it), a.end_of(it));
    if (w.size() < 2 || w.compare(w.size() - 2, 2, "\u064A") != 0) return false;
    const Item& next = st.items[k + 1];
    return name_word(a, next) && !clause_noun(a, next) &&
           !starts_with_article(a.token(next).form(a.text)) && continues_name(a, next) &&
           !(next.flags & (kConj | kPrep));
}

bool inner_name_at(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (inner_name_word(a, st.items[k])) return true;
    if (!clitic_stop(a, st.items[k]) || k + 1 >= st.items.size()) return false;
    const Item& next = st.items[k + 1];
    return name_word(a, next) && !(next.flags & (kConj | kPrep)) &&
           !starts_with_article(a.token(next).form(a.text));
}

// Inside a name, an honorific without the article is a name (محمد سيد الأنصاري).
bool inner_name_word(const Analysis& a, const Item& it) {
    if (name_word(a, it) || allah_item(a, it) || time_family(a, it)) return true;
    if (it.last - it.first != 1 || (it.flags & kConj)) return false;
    if (it.node == 0 || starts_with_article(a.token(it).form(a.text))) return false;
    for (const Entry& e : a.lex.entries(it.node))
        if (e.kind != EntryKind::Title || a.lex.titles[e.index].kind != TitleKind::Honorific)
            return false;
    return true;
}

// A word right before a country's name, an agency or a city heads a construct (وفد المملكة
// المغربية، رئيس جامعة نايف), so it ends a name rather than continuing it.
bool heads_construct(const Analysis& a, const SentenceState& st, std::size_t k) {
    // "الوزير بن عيدروس وفد بلادنا": the noun of a delegation heads its own construct, never a
    // name word.
    if (st.items[k].last - st.items[k].first == 1 && !(st.items[k].flags & kArticle)) {
        const std::u32string_view w = a.token(st.items[k]).form(a.text);
        if (w == U"\u0648\u0641\u062F" || w == U"\u0648\u0641\u062F\u0627") return true;
    }
    if (k + 1 >= st.items.size()) return false;
    const Item& next = st.items[k + 1];
    // "باردو بيكيراس بالرباط": a place behind a preposition follows the name, it is no complement.
    if (next.flags & (kPrep | kConj)) return false;
    if (a.is(next, EntryKind::Agency)) return true;
    // "جمال خليل أبو زيد": a city the lexicon writes with the article (الخليل), written bare,
    // is a given name there, no complement.
    if (const Entry* city = a.entry(next, EntryKind::City))
        return (next.flags & kArticle) || next.last - next.first != 1 ||
               a.lex.cities[city->index].ar.rfind("\u0627\u0644", 0) != 0 ||
               !a.is(next, EntryKind::GivenName);
    const Entry* c = a.entry(next, EntryKind::Country);
    return c && c->sub == 0;
}

// A family name with the article (البنيان، الحموشي) ends a name: what follows is the sentence.
bool ends_name(const Analysis& a, const Item& it) {
    if (time_family(a, it)) return true;
    // "فهد اليوسف": a given name with the article after a name is a family name.
    if (it.node != 0 && it.last - it.first == 1 && (it.flags & kArticle) &&
        !(it.flags & (kConj | kPrep)) && a.is(it, EntryKind::GivenName)) {
        bool only_given = true;
        for (const Entry& e : a.lex.entries(it.node))
            only_given = only_given && (e.kind == EntryKind::GivenName);
        if (only_given) return true;
    }
    return it.node == 0 && it.last - it.first == 1 && starts_with_article(a.token(it).form(a.text));
}

// A Latin word written with a capital (Henrik, Vestergaard) or the article (al-Shatri): in
// English text capitals mark a name that the given-name lexicon may not know.
bool latin_name_word(const Analysis& a, const Item& it) {
    if (it.last - it.first != 1 || !name_word(a, it)) return false;
    const std::u32string_view w = a.token(it).form(a.text);
    if (w.empty() || w[0] < 'a' || w[0] > 'z') return false;
    if (w.size() > 3 && w[2] == '-') return true;
    const std::string orig = a.slice(a.start_of(it), a.end_of(it));
    return !orig.empty() && orig[0] >= 'A' && orig[0] <= 'Z';
}

// "Al Mazrouei", "al-Saadi": a family name, which a later mention uses without the given name.
bool latin_surname_start(std::u32string_view w) {
    return w == U"al" || w == U"el" || (w.size() > 3 && w[2] == '-');
}

// A lowercase Latin word the lexicons do not know ends an English name (Al Mazrouei also …).
bool latin_lower(const Analysis& a, const Item& it) {
    if (it.node != 0 || a.token(it).kind != TokenKind::Word) return false;
    const std::u32string_view w = a.token(it).form(a.text);
    // "Hamad bin Saif Al Harthy": the Gulf nasab's lowercase word of lineage is inside the name.
    if (w == U"bin" || w == U"bint" || w == U"ibn") return false;
    return !w.empty() && w[0] >= 'a' && w[0] <= 'z' && !latin_name_word(a, it);
}

// "دعيج بن سلمان"، "مسقارو ولد سيدي": a word of lineage (بن، بنت، ولد) after an unknown word
// makes it a given name the lexicon lacks.
bool lineage(const Analysis& a, const Item& it) {
    if (it.last - it.first != 1) return false;
    const std::u32string_view w = a.token(it).form(a.text);
    return w == U"\u0628\u0646" || w == U"\u0628\u0646\u062a" || w == U"\u0648\u0644\u062f";
}

// "محمد بن علي كومان سبل التعاون": after the last word of lineage come the father's name and
// one family name (or آل and the family), and the name ends there.
bool lineage_done(const Analysis& a, const SentenceState& st, NameSpan n) {
    std::size_t at = n.last;
    for (std::size_t j = n.last; j > n.first + 1; --j)
        if (lineage(a, st.items[j - 1])) {
            at = j - 1;
            break;
        }
    if (at == n.last || n.last < at + 3) return false;
    const Item& family = st.items[at + 2];
    // آل folds to ال.
    const std::u32string_view w = a.token(family).form(a.text);
    const bool al =
        family.last - family.first == 1 && (w == U"\u0622\u0644" || w == U"\u0627\u0644");
    return !(al && n.last == at + 3);
}

bool is_comma(const Analysis& a, const Item& it) {
    return it.node == 0 && a.token(it).kind == TokenKind::Comma;
}

std::size_t word_count(const SentenceState& st, NameSpan n) {
    std::size_t c = 0;
    for (std::size_t k = n.first; k < n.last; ++k) c += st.items[k].last - st.items[k].first;
    return c;
}

bool has_given(const Analysis& a, const SentenceState& st, NameSpan n) {
    for (std::size_t k = n.first; k < n.last; ++k)
        if (given_word(a, st.items[k])) return true;
    return false;
}

// "اللواء رائد عبدالله": a rank the lexicon lists only with the article (الرائد), written bare
// right after another rank and before a name word, is a given name. Ranks listed bare (ركن،
// عميد) stay ranks.
bool rank_as_given(const Analysis& a, const SentenceState& st, std::size_t k) {
    const Item& it = st.items[k];
    if (it.last - it.first != 1 || (it.flags & (kConj | kPrep)) || k + 1 >= st.items.size())
        return false;
    const Entry* before = a.entry(st.items[k - 1], EntryKind::Title);
    if (!before || a.lex.titles[before->index].kind != TitleKind::Rank) return false;
    if (starts_with_article(a.token(it).form(a.text))) return false;
    bool rank = false;
    for (const Entry& e : a.lex.entries(it.node)) {
        if (e.kind != EntryKind::Title) continue;
        const TitleInfo& t = a.lex.titles[e.index];
        if (t.kind != TitleKind::Rank || t.form.rfind("\u0627\u0644", 0) != 0) return false;
        rank = true;
    }
    const Item& next = st.items[k + 1];
    return rank && name_word(a, next) && !(next.flags & (kConj | kPrep));
}

// "تنفيذ، تعزيز، تبادل، تعاون، استخدام": the shapes of verbal nouns (تفعيل، تفاعل، استفعال)
// and the common nouns the stopwords list as `noun` (سبل، مشاريع، آفاق) open a clause, never a
// name (وبحثت مع الوزير تنفيذ مشاريع البنية التحتية).
bool clause_noun(const Analysis& a, const Item& it) {
    if (it.node != 0) return a.stop_role(it) == StopRole::Noun;
    const std::u32string_view w = a.token(it).form(a.text).substr(it.skip);
    if (w.size() == 5 && w[0] == U'\u062A' && (w[3] == U'\u064A' || w[2] == U'\u0627')) return true;
    return w.size() >= 6 && w.substr(0, 3) == U"\u0627\u0633\u062A" && w[w.size() - 2] == U'\u0627';
}

// The end of the sentence, punctuation, a function word or a date word at item k.
bool breaks_at(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (k >= st.items.size()) return true;
    const Item& brk = st.items[k];
    return brk.node == 0 ? a.token(brk).kind != TokenKind::Word
                         : a.is(brk, EntryKind::Stopword) || a.is(brk, EntryKind::DateWord) ||
                               a.is(brk, EntryKind::Month);
}

// "مدير عام الشرطة اللواء علام السقا،": after a rank or an honorific, a word no lexicon knows
// and a family name with the article, then a break, are a name whose given name the list lacks.
bool family_name(const Analysis& a, const SentenceState& st, NameSpan n) {
    if (n.last - n.first != 2 || word_count(st, n) != 2 || !breaks_at(a, st, n.last)) return false;
    const Item& given = st.items[n.first];
    const Item& family = st.items[n.first + 1];
    if (given.node != 0 || given.flags || clause_noun(a, given)) return false;
    const std::u32string_view g = a.token(given).form(a.text);
    if (g.size() < 3 || starts_with_article(g) || clitic_before_article(g) ||
        g.back() == U'\u0629' || g.back() == U'\u0647')
        return false;
    if (family.flags & (kConj | kPrep)) return false;
    return starts_with_article(a.token(family).form(a.text)) && name_word(a, family);
}

// A word the lexicons know only as a given name (إقبال in ظفر إقبال خوسو).
bool only_given(const Analysis& a, const Item& it) {
    if (it.node == 0 || it.last - it.first != 1 || (it.flags & (kConj | kPrep))) return false;
    for (const Entry& e : a.lex.entries(it.node))
        if (e.kind != EntryKind::GivenName) return false;
    return true;
}

// "السفير التركي لدى بغداد أنيل بورا إينان،"، "وزير الداخلية الأذربيجاني ولايات إيفازوف إلى
// العاصمة": after a complete title, two or three words no lexicon knows, then a break (the
// end, punctuation, a function word or a date word), are a foreign name the given names lack.
// None may carry the article or a clitic before it, a feminine ending or a pronoun (قادة،
// مساعديه), nor be a verbal noun: those are the clause after the title. After an honorific
// the name may also stop at a title or at a word joined by و ("السيدة إيليني خريستودولو وزيرة
// العدل"، "السيد ظفر إقبال خوسو والوفد المرافق له"): the name comes before its office.
bool foreign_name(const Analysis& a, const SentenceState& st, NameSpan n, bool honorific) {
    const std::size_t words = word_count(st, n);
    if (words < 2 || words > 3 || n.last - n.first != words) return false;
    const bool titled =
        honorific && n.last < st.items.size() &&
        (a.is(st.items[n.last], EntryKind::Title) || !continues_name(a, st.items[n.last]));
    if (!titled && !breaks_at(a, st, n.last)) return false;
    for (std::size_t k = n.first; k < n.last; ++k) {
        const Item& it = st.items[k];
        if (k > n.first && (clitic_stop(a, it) || only_given(a, it))) continue;
        if (it.node != 0 || (it.flags & (kConj | kPrep)) || clause_noun(a, it)) return false;
        const std::u32string_view w = a.token(it).form(a.text);
        if (w.size() < 3 || starts_with_article(w) || clitic_before_article(w)) return false;
        const char32_t last = w.back();
        if (last == U'\u0629' || last == U'\u0647' ||
            (w.size() >= 4 && w.substr(w.size() - 2) == U"\u0647\u0645"))
            return false;
    }
    return true;
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
    bool rank_name = false;
    std::size_t honorifics = 0, given_honorific = st.items.size();
    while (k < st.items.size()) {
        // "الفريق شرطة (حقوقي) خليل …": a rank's branch in brackets is part of the rank chain.
        if (k + 2 < st.items.size() && a.token(st.items[k]).kind == TokenKind::Open &&
            a.token(st.items[k + 2]).kind == TokenKind::Close)
            if (const Entry* b = a.entry(st.items[k + 1], EntryKind::Title);
                b && a.lex.titles[b->index].kind == TitleKind::Rank) {
                k += 3;
                continue;
            }
        const Entry* t = a.entry(st.items[k], EntryKind::Title);
        if (!t || (a.lex.titles[t->index].kind != TitleKind::Honorific &&
                   a.lex.titles[t->index].kind != TitleKind::Rank))
            break;
        // "قائد الدرك الملكي، والجنرال …": a rank joined by و opens the next person.
        if (st.items[k].flags & kConj) return {k, k};
        if (k > 0 && rank_as_given(a, st, k)) {
            rank_name = true;
            break;
        }
        if (a.is(st.items[k], EntryKind::GivenName)) given_honorific = k;
        ++honorifics;
        ++k;
    }
    // "وزير المالية السنغالي، الشيخ ديبا،": after a comma, an honorific that is also a given
    // name (الشيخ is Cheikh in West Africa) before one unknown word and a break is the name.
    if (comma && honorifics == 1 && given_honorific + 1 == k && k + 1 < st.items.size() &&
        a.plain(st.items[k]) && name_word(a, st.items[k]) &&
        !starts_with_article(a.token(st.items[k]).form(a.text)) &&
        !(st.items[k].flags & (kPrep | kConj)) && !name_word(a, st.items[k + 1]) &&
        !a.is(st.items[k + 1], EntryKind::Title))
        return {given_honorific, k + 1};
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
    while (n.last < st.items.size() &&
           (n.last == n.first
                ? rank_name || name_word(a, st.items[n.last]) || place_given(a, st, n.last)
                : (inner_name_at(a, st, n.last) && continues_name(a, st.items[n.last])) ||
                      conj_stop_in_name(a, st, n.last)) &&
           !heads_construct(a, st, n.last) && !latin_lower(a, st.items[n.last]) &&
           !lineage_done(a, st, n) && word_count(st, {n.first, n.last + 1}) <= kMaxNameWords) {
        ++n.last;
        // "محمد الأمين ولد أحمد": a word of lineage after it carries the name on.
        if (n.last - n.first > 1 && ends_name(a, st.items[n.last - 1]) &&
            !(n.last < st.items.size() && lineage(a, st.items[n.last])))
            break;
    }
    if (!n.valid()) return n;
    const Item& first = st.items[n.first];
    const bool given =
        rank_name || given_word(a, first) ||
        (n.last - n.first >= 2 && a.plain(first) && allah_item(a, st.items[n.first + 1])) ||
        (n.last - n.first >= 2 && latin_name_word(a, first) &&
         !latin_surname_start(a.token(first).form(a.text)) &&
         latin_name_word(a, st.items[n.first + 1])) ||
        (n.last - n.first >= 3 && a.plain(first) && lineage(a, st.items[n.first + 1]));
    // A first word with the article is an adjective of the title, not a name.
    const std::u32string_view first_form = a.token(first).form(a.text);
    if (!given && (starts_with_article(first_form) || clitic_before_article(first_form)))
        return {k, k};
    // "مدير الإدارة المركزية لمكافحة التهريب": a word behind the preposition ل is a purpose, and
    // a name that opens with no given name is foreign, so it has no word with the article
    // (قوة الأمن، أكاديمية … للعلوم).
    if (!given && first_form.size() >= 4 && first_form[0] == U'\u0644') return {k, k};
    // "التقى المسؤول الأمني المغربي بجاني كنول": a name behind a preposition is the verb's
    // object, not the title's name.
    if (first.flags & kPrep) return {k, k};
    if (!given && honorifics > 0 && (comma || complement || loose) && family_name(a, st, n))
        return n;
    if (!given)
        for (std::size_t j = n.first + 1; j < n.last; ++j) {
            const std::u32string_view w = a.token(st.items[j]).form(a.text);
            if (starts_with_article(w) || clitic_before_article(w)) {
                n.last = j;
                break;
            }
        }
    // "السيدة بن حميدة"، "الوزير ولد أحمد": after an honorific or a bare title, a word of
    // lineage and one plain word are a surname (a Maghrebi family name).
    if (!given && (honorifics > 0 || loose) && n.last - n.first == 2 && word_count(st, n) == 2 &&
        lineage(a, first) && !(first.flags & (kConj | kPrep)) &&
        (a.plain(st.items[n.first + 1]) || only_given(a, st.items[n.first + 1])) &&
        breaks_at(a, st, n.last))
        return n;
    if (!given && (comma || complement || loose)) {
        if (foreign_name(a, st, n, honorifics > 0 || loose)) return n;
        // After a comma the words must start with a given name (وزير الداخلية، عبد الوافي …), or
        // a clause would read as a name (مدير الشرطة القضائية، همت تبادل المعلومات).
        return {k, k};
    }
    if (!given && clause_noun(a, first)) return {k, k};
    // After an honorific or a rank a name starts with a given name (فريق عمل مشترك is no
    // name) or has a foreign shape (above); a surname alone (اللواء الزعبي) is found later as the
    // surname of a named person.
    if (word_count(st, n) < 2 && !given) return {k, k};
    return n;
}

// "مطار الملك خالد الدولي"، "شارع محمد الخامس": a name right after a landmark's noun, or after
// it and a title, names the place, not a person.
bool after_landmark(const Analysis& a, const SentenceState& st, std::size_t k) {
    if (k >= 1 && a.stop_role(st.items[k - 1]) == StopRole::Landmark) return true;
    return k >= 2 && a.is(st.items[k - 1], EntryKind::Title) &&
           a.stop_role(st.items[k - 2]) == StopRole::Landmark;
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
        if (given_word(a, st.items[j])) {
            if (after_landmark(a, st, j)) return {k, k};
            n.first = j;
            // "وأشرف وزير الداخلية": one word with و before a title is a verb, not a name.
            if (n.last - n.first == 1 && word_count(st, n) == 1 && (st.items[j].flags & kConj))
                return {k, k};
            return n;
        }
    // English: the capitalised words right before the title (received Henrik Vestergaard, …).
    std::size_t j = n.last;
    while (j > n.first && latin_name_word(a, st.items[j - 1])) --j;
    if (n.last - j >= 2) return {j, n.last};
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

// Persons by a given name and the words after it, where no title stands beside them
// (find_officials' last pass).
void find_given_name_persons(Analysis& a) {
    for (SentenceState& st : a.sentences) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
        for (const Mention& m : st.mentions) taken.emplace_back(m.first, m.last);
        auto inside = [&](std::uint32_t t) {
            for (auto [f, l] : taken)
                if (t >= f && t < l) return true;
            return false;
        };
        // The person of a name span, as an entity and a mention that later spans skip.
        auto add_person = [&](const NameSpan& n, const std::vector<std::u32string>& words,
                              std::uint32_t country, double confidence, const char* rule) {
            Entity e;
            e.label = Label::Person;
            e.start = a.start_of(st.items[n.first]);
            e.end = a.end_of(st.items[n.last - 1]);
            e.ar = a.slice(e.start, e.end);
            e.words = words;
            e.country = country;
            e.confidence = confidence;
            e.rule = rule;
            Mention m;
            m.entity = a.add_entity(std::move(e), words_key(words));
            m.first = st.items[n.first].first;
            m.last = st.items[n.last - 1].last;
            m.start = a.start_of(st.items[n.first]);
            m.end = a.end_of(st.items[n.last - 1]);
            st.mentions.push_back(m);
            taken.emplace_back(m.first, m.last);
        };
        for (std::size_t k = 0; k < st.items.size(); ++k) {
            const Item& it = st.items[k];
            // "بنظيره التركي علي يرلي كايا": after a counterpart and its nisba, a name read as
            // after a complete title (a given name, also علي, or a foreign shape).
            if (k + 2 < st.items.size() && a.is(it, EntryKind::Counterpart) &&
                !inside(st.items[k + 2].first)) {
                const Entry* c = a.entry(st.items[k + 1], EntryKind::Country);
                const NameSpan n =
                    c && c->sub == 1 ? name_after(a, st, k + 2, false, true) : NameSpan{};
                if (n.valid() && n.first == k + 2) {
                    add_person(n, folded_name_words(a, st, n), c->index, 0.7, "person.counterpart");
                    k = n.last - 1;
                    continue;
                }
            }
            // A given name that is also a function word (علي، على) starts a name only after a
            // title.
            if (!given_word(a, it) || a.is(it, EntryKind::Stopword) || inside(it.first) ||
                !name_word(a, it) || after_landmark(a, st, k))
                continue;
            NameSpan n{k, k + 1};
            while (n.last < st.items.size() && inner_name_at(a, st, n.last) &&
                   continues_name(a, st.items[n.last]) && !inside(st.items[n.last].first) &&
                   !heads_construct(a, st, n.last) && !lineage_done(a, st, n) &&
                   word_count(st, {n.first, n.last + 1}) <= kMaxNameWords) {
                ++n.last;
                if (n.last - n.first > 1 && ends_name(a, st.items[n.last - 1])) break;
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
            add_person(n, words, kNone, 0.6, "person.given-name");
            k = n.last - 1;
        }
    }
}

}  // namespace liaison::extract::person_detail
