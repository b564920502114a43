#pragma once
// Name spans shared by the two halves of the persons recogniser: names and given names
// (person_names.cpp), title chains and officials (official_chain.cpp, persons.cpp). Internal to
// lib/extract.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/analysis.hpp"

namespace liaison::extract::person_detail {

// A word that can be part of a name: a token the lexicons do not know (or know only as a given
// name), made of letters.
// Long enough for عبد المجيد بن عبد الله البنيان and خليفة بن حمد بن خليفة آل ثاني.
constexpr std::size_t kMaxNameWords = 9;

struct NameSpan {
    std::size_t first = 0, last = 0;  // items, last exclusive
    bool valid() const { return last > first; }
};

std::u32string strip_article(std::u32string_view w);
bool continues_name(const Analysis& a, const Item& it);
bool name_word(const Analysis& a, const Item& it);
bool given_word(const Analysis& a, const Item& it);
bool place_given(const Analysis& a, const SentenceState& st, std::size_t k);
bool inner_name_word(const Analysis& a, const Item& it);
// A word of a name at item k, after its first (also ب + a function word between two names).
bool inner_name_at(const Analysis& a, const SentenceState& st, std::size_t k);
bool conj_stop_in_name(const Analysis& a, const SentenceState& st, std::size_t k);
bool clause_noun(const Analysis& a, const Item& it);
bool heads_construct(const Analysis& a, const SentenceState& st, std::size_t k);
bool ends_name(const Analysis& a, const Item& it);
bool is_comma(const Analysis& a, const Item& it);
bool lineage_done(const Analysis& a, const SentenceState& st, NameSpan n);
std::size_t word_count(const SentenceState& st, NameSpan n);
bool has_given(const Analysis& a, const SentenceState& st, NameSpan n);
// Items [k, …) that read as a name; `loose` accepts a single word (after an honorific or rank).
NameSpan name_after(const Analysis& a, const SentenceState& st, std::size_t k, bool loose,
                    bool complement);
NameSpan name_before(const Analysis& a, const SentenceState& st, std::size_t k);
bool after_landmark(const Analysis& a, const SentenceState& st, std::size_t k);
// "رئيس الجامعة"، "آمر الأكاديمية": the body named before whose name opens with the definite
// noun at item j (officials.cpp); adds its mention, sets `next` past it. kNone when none.
std::uint32_t anaphoric_body(Analysis& a, SentenceState& st, std::size_t j, std::size_t& next);
// A title written with the article (الوزير، المدير العام): it heads a body only through ل or ب.
bool definite_title(const Analysis& a, const Item& title);
// "وعن الجامعة معالي رئيسها": an office's word with a pronoun is the head of the body just
// named, the same unnamed official as "رئيس الجامعة" (officials.cpp).
void find_pronoun_officials(Analysis& a);
std::vector<std::u32string> folded_name_words(const Analysis& a, const SentenceState& st,
                                              NameSpan n);
std::string words_key(const std::vector<std::u32string>& words);

// The nisba after a title agreeing with the body it implies (وزارة الداخلية التركية), and a
// place read inside a name dropped from the mentions (officials.cpp).
std::string agreeing(const std::string& body, std::string adjective);
void drop_places_inside(Analysis& a, SentenceState& st, std::uint32_t first, std::uint32_t last);

// An official: a chain of titles, then what the office is of (agencies and countries, joined by
// و), e.g. المدير العام للأمن الوطني ولمراقبة التراب الوطني.
struct Official {
    std::size_t first = 0, last = 0;                 // items
    std::uint32_t office = kNone;                    // the last title
    std::vector<std::uint32_t> agencies, countries;  // entities
    bool office_kind = false;  // an office or role (not only honorifics or ranks)
    bool honorific = false;
    bool default_body = false;  // the agency is the title's `heads` body, not written
    bool second = false;        // the bodies written after the title follow its own (و…)
    std::size_t office_item = 0;
    std::size_t name_at = 0;  // where a name may follow: after the posting (لدى المملكة)
    std::string adjective;    // the country as written after the title (التركي)
    bool anaphoric = false;   // its body is written by its noun alone (رئيس الجامعة)
    bool portfolio = false;  // a portfolio follows (للشؤون الأمنية): a specific office
};

// The official whose chain starts at item k (official_chain.cpp); its office is kNone when the
// items read as no title.
Official parse_official(Analysis& a, SentenceState& st, std::size_t k);
// How two officials in a row are joined: a cabinet rank before و, a dash, an apposition.
bool cabinet_rank(const Analysis& a, const Official& o);
bool chain_dash(const Analysis& a, const SentenceState& st, std::size_t j);
bool apposed(const Analysis& a, const SentenceState& st, std::size_t from, std::size_t at);
// The office's country (written, else its body's), its role's key and English name.
std::uint32_t official_country(const Analysis& a, const Official& o);
std::string role_key(const Analysis& a, const Official& o);
std::string role_en(const Analysis& a, const Official& o);

// Persons named by a given name (or after a counterpart) with no title beside them.
void find_given_name_persons(Analysis& a);

// REPRESENTS from the words around a person (representatives.cpp): after عن X, and the head of
// a country's delegation.
void find_on_behalf(Analysis& a);
void find_delegation_heads(Analysis& a);

}  // namespace liaison::extract::person_detail
