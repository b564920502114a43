#pragma once
// The state of one article while the recognisers run (internal to lib/extract): its tokens, the
// lexicon hits of each sentence, the entities and mentions found so far, and the facts.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/text.hpp"
#include "extract/tokens.hpp"
#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

inline constexpr std::uint32_t kNone = UINT32_MAX;

enum class Label : std::uint8_t { Person, Agency, Organization, Country, City, Event };

struct Entity {
    Label label = Label::Person;
    std::string ar, en;
    std::vector<std::string> aliases;
    std::uint32_t lex = kNone;      // Country/City/Agency: index into the lexicon's table
    std::uint32_t country = kNone;  // an agency's or official's country (lexicon index)
    std::uint32_t title = kNone;    // a person's title (lexicon index)
    std::uint32_t agency = kNone;   // the entity a person's title names (entity index)
    std::string title_text;         // the title as written, for counterparts
    bool unnamed = false;
    // Named only by a generic word and a nationality (المسؤول المغربي، الوزير الإيطالي): the one
    // person the article names of that country, when it names one (descriptions.cpp).
    bool description = false;
    // Named only by a word every country has (الشرطة، الأجهزة الأمنية) with no country beside
    // it: proposed only when a fact needs it (an office heading it).
    bool weak = false;
    double confidence = 0.8;
    std::string rule;
    std::uint32_t start = 0, end = 0;   // first mention, original code points
    std::vector<std::u32string> words;  // a named person's folded words, without articles
    std::string key;                    // identity within the run (add_entity's key)
    int session = 0;                    // an event's ordinal or session number
    TimeSpan time;                      // an event's date, when its sentence states one
};

// Where an event is named or referred to (events.cpp); kept apart from the mentions so that the
// meeting and signing frames never take an event for a party.
struct EventMention {
    std::uint32_t entity = kNone;
    std::uint32_t sentence = 0;
    std::uint32_t first = 0, last = 0;  // tokens of the name (or of the anaphor)
    std::uint32_t start = 0, end = 0;   // original code points
};

enum class MentionKind : std::uint8_t { Entity, Delegation, Generic };

struct Mention {
    std::uint32_t entity = kNone;
    std::uint32_t first = 0, last = 0;  // tokens
    std::uint32_t start = 0, end = 0;   // original code points
    MentionKind kind = MentionKind::Entity;
    bool complement = false;  // part of another mention (an official's agency or country)
    bool adjective = false;   // a country named by its adjective (وفد إماراتي)
};

struct Fact {
    std::string relation;
    std::uint32_t a = kNone, b = kNone;  // entities
    double confidence = 0.5;
    std::string rule;
    std::uint32_t start = 0, end = 0;  // the quote
    bool planned = false;
    TimeSpan time;
};

// One lexicon hit or one plain token, in sentence order.
struct Item {
    std::uint32_t first = 0, last = 0;  // tokens
    std::uint32_t node = 0;             // trie node; 0 for a plain token
    std::uint8_t skip = 0, flags = 0;
};

struct SentenceState {
    Sentence s;
    std::vector<Item> items;
    std::vector<Mention> mentions;  // sorted by first token
    std::optional<TimeSpan> time;   // the date stated in the sentence
    std::uint32_t time_first = kNone;
    // Every date or range the sentence states, with its original code-point span.
    struct Stated {
        std::uint32_t start = 0, end = 0;
        TimeSpan time;
        bool weekday = false;  // from a bare weekday before the article: a plan means the next
    };
    std::vector<Stated> times;
};

struct Analysis {
    Analysis(const Lexicon& l, const Text& t) : lex(l), text(t), tokens(tokenize(t, l.words)) {}
    const Lexicon& lex;
    const Text& text;
    Tokens tokens;
    std::optional<Date> doc_date;
    std::vector<SentenceState> sentences;
    std::vector<Entity> entities;
    std::vector<Fact> facts;
    std::vector<EventMention> event_mentions;  // in reading order
    std::uint32_t topic = kNone;
    std::uint32_t main_country = kNone;        // the country the article names most (lexicon index)
    std::vector<std::uint32_t> country_count;  // mentions of each lexicon country
    // Every country named qualifies another's office and nothing else tells the home: a bare
    // office takes no country (places.cpp).
    bool home_unknown = false;
    std::unordered_map<std::string, std::uint32_t>
        entity_keys;  // the person the article is about, for subjectless frames

    // The entries of a lexicon hit (none for a plain token).
    const Entry* entry(const Item& it, EntryKind kind) const;
    bool is(const Item& it, EntryKind kind) const { return entry(it, kind) != nullptr; }
    bool plain(const Item& it) const { return it.node == 0; }
    StopRole stop_role(const Item& it) const;
    const Token& token(const Item& it) const { return tokens.tokens[it.first]; }
    // Original offsets of an item, without the clitics of its first token.
    std::uint32_t start_of(const Item& it) const;
    std::uint32_t end_of(const Item& it) const { return tokens.tokens[it.last - 1].end; }
    std::string slice(std::uint32_t start, std::uint32_t end) const {
        return text.slice(start, end);
    }

    // Adds an entity, or returns the one already added under the same key (and widens nothing).
    std::uint32_t add_entity(Entity e, const std::string& key);
    std::uint32_t country_entity(std::uint32_t lex_country, std::uint32_t start, std::uint32_t end);
    // The entity of a lexicon agency; one "of the country in context" (key @x) becomes that
    // country's own agency (key iso3-x) when the lexicon has it, else the generic one with the
    // country. `written` is the text as the article gives it (an alias).
    std::uint32_t agency_entity(std::uint32_t lex_agency, std::uint32_t country,
                                std::uint32_t start, std::uint32_t end, const std::string& written);
};

// The recognisers, in the order extract() runs them.
void find_items(Analysis& a);
void find_dates(Analysis& a);
void find_places_and_agencies(Analysis& a);
// The country a generic agency (key @x) written without one belongs to: the article's own when
// the lexicon has its iso3-x, else the most named country that has one, else the article's own.
std::uint32_t context_country(const Analysis& a, std::uint32_t lex_agency);
void find_officials(Analysis& a);
// Drops the HEADS of deputies, assistants and former holders of an office (roles.cpp).
void resolve_roles(Analysis& a);
void find_name_aliases(Analysis& a);
// Descriptions (المسؤول المغربي، الوزير الإيطالي) linked to the person they describe; gives named
// persons the nationality written beside them (نظيره الإيطالي ماتيو …). Run by find_name_aliases.
void resolve_descriptions(Analysis& a);
void find_events(Analysis& a);
void find_frames(Analysis& a);
// Visits told in a clause about the visitor: الذي يزور … (visits.cpp).
void find_relative_visits(Analysis& a);
void find_event_frames(Analysis& a);
// Headline facts (the first line, when it is a title) kept only when their parties are the
// body's, and merged into the body fact they repeat (headlines.cpp).
void resolve_headline(Analysis& a, bool has_headline);
// Dates for the facts whose sentence states none (after every fact is found; dates.cpp).
void inherit_dates(Analysis& a);
// The date a fact of sentence `st` takes: one stated inside its quote or right after it (الموقعة
// بين البلدين في آذار 2023), else the sentence's first.
void date_fact(const Analysis& a, const SentenceState& st, Fact& f);
// Whether a token is part of an event's name or reference (a noun of meeting there is no meeting).
bool in_event_name(const Analysis& a, std::uint32_t sentence, std::uint32_t token);

}  // namespace liaison::extract
