#pragma once
// The lexicons (lib/extract/lexicons/*.tsv, docs/extract.md) compiled into one trie over interned
// folded words, with the tables each entry points into.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/interner.hpp"

namespace liaison::extract {

enum class EntryKind : std::uint8_t {
    Country,
    City,
    Agency,
    Title,
    GivenName,
    Frame,
    Modality,
    Month,
    DateWord,
    Counterpart,
    Stopword,
};

struct Entry {
    EntryKind kind;
    std::uint8_t sub = 0;  // Country: 1 for an adjective form
    std::uint32_t index = 0;
};

struct CountryInfo {
    std::string iso3, ar, en, id;
};
struct CityInfo {
    std::string key, ar, en;
    std::uint32_t country = UINT32_MAX;  // index into countries
};
struct AgencyInfo {
    std::string key, label, ar, en;
    std::vector<std::string> forms;      // every other spelling the lexicon gives, both languages
    std::uint32_t country = UINT32_MAX;  // index, or kInContext / kInternational
    static constexpr std::uint32_t kInContext = UINT32_MAX - 1;
    static constexpr std::uint32_t kInternational = UINT32_MAX;
};
enum class TitleKind : std::uint8_t { Office, Rank, Honorific, Role };
// What roles.tsv says of an office (bits of TitleInfo::standing).
enum RoleWordKind : std::uint8_t {
    kRoleDeputy = 1,     // نائب وزير، وكيل وزارة: heads no body it is of
    kRoleAssistant = 2,  // المساعد after a title's first word
    kRoleFormer = 4,     // السابق: held no more
    kRoleSecretary = 8,  // الأمين العام: heads an organisation, never a ministry
};
struct TitleInfo {
    std::string form, en;
    TitleKind kind = TitleKind::Office;
    std::uint32_t heads = UINT32_MAX;  // agency index, or none
    std::uint8_t standing = 0;         // RoleWordKind bits from roles.tsv
};
enum class Voice : std::uint8_t { Active, Passive, Nominal };
struct FrameInfo {
    std::string relation;
    Voice voice = Voice::Active;
    double confidence = 0.8;
};
// Habitual: a frequency after a verb (يجتمع مرتين في العام، سنويا) tells a schedule, not an event.
enum class Modality : std::uint8_t { Planned, Negated, Reported, Habitual };
enum class DateWordKind : std::uint8_t { Weekday, Relative, Current, Day, Other };
struct DateWordInfo {
    DateWordKind kind = DateWordKind::Other;
    int amount = 0;    // weekday 1..7; relative offset
    std::string unit;  // day, week, month, year
};
enum class EventWordKind : std::uint8_t { Head, Weak, Ordinal, Anaphor, Relative, Homeland };
struct EventWordInfo {
    EventWordKind kind = EventWordKind::Head;
    int number = 0;  // an ordinal's value
    std::string en;  // a head's English word
};
enum class StopRole : std::uint8_t {
    Other,
    With,
    Between,
    To,
    In,
    From,
    And,
    Agent,
    Generic,
    Home,
    Noun,     // a common or verbal noun that opens a clause after a title, never a name
    Landmark  // a place named after a person (مطار الملك خالد): what follows is no person
};

class Lexicon {
public:
    // Parses lexicon files (name → text) and adds ICU's region names; throws InputError naming
    // "lexicons/NAME.tsv:line:column" on a malformed line.
    static Lexicon build(const std::vector<std::pair<std::string, std::string_view>>& files,
                         bool with_icu_regions = true);
    // The lexicons compiled into liaison, built once (thread-safe).
    static const Lexicon& builtin();

    Interner words;
    std::vector<CountryInfo> countries;
    std::vector<CityInfo> cities;
    std::vector<AgencyInfo> agencies;
    std::vector<TitleInfo> titles;
    std::vector<std::uint8_t> given_names;  // gender: 'm', 'f' or '-'
    std::vector<FrameInfo> frames;
    std::vector<Modality> modalities;
    std::vector<std::uint8_t> months;  // 1..12
    std::vector<DateWordInfo> date_words;
    std::vector<std::uint8_t> counterparts;  // 1 singular, 2 dual, 3 plural
    std::vector<StopRole> stopwords;
    // Event words (events.tsv) are kept out of the trie, so that they never change how the other
    // lexicons cut a sentence: each form is its folded words, indexed by the first.
    std::vector<EventWordInfo> event_words;
    struct EventForm {
        std::vector<std::uint32_t> words;
        std::uint32_t info = 0;
    };
    std::vector<EventForm> event_forms;  // longest first within each first word
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> event_forms_by_first;
    // News agencies' credits (/قنا/، (وما)): agencies.tsv forms written between slashes, out of
    // the trie because the same words are common elsewhere (العمانية، بنا); places.cpp reads them
    // only between slashes or brackets, or before a dateline's dash.
    struct CreditForm {
        std::vector<std::uint32_t> words;
        std::uint32_t agency = 0;
    };
    std::vector<CreditForm> credits;
    // Each country's capital (cities.tsv lines marked `capital`): country index → city index,
    // for "العاصمة التونسية".
    std::unordered_map<std::uint32_t, std::uint32_t> capitals;
    // roles.tsv, also out of the trie: its one-word forms by kind (read in the text beside a
    // title); its title forms are marked on the titles (TitleInfo::standing).
    std::vector<std::pair<std::uint32_t, std::uint8_t>> role_words;  // word, RoleWordKind

    // The trie: node 0 is the root.
    std::uint32_t child(std::uint32_t node, std::uint32_t word) const {
        auto it = edges_.find((std::uint64_t{node} << 32) | word);
        return it == edges_.end() ? 0 : it->second;
    }
    const std::vector<Entry>& entries(std::uint32_t node) const { return entries_[node]; }
    bool has_children(std::uint32_t node) const { return fanout_[node] != 0; }

    std::uint32_t country_index(std::string_view iso3) const;
    std::uint32_t agency_index(std::string_view key) const;
    std::uint32_t add_country(std::string_view iso3);  // its index, added when new
    // A single folded word's entries of one kind (e.g. is this token the stopword مع).
    std::uint32_t word(std::string_view utf8) const;

    // Adds a form (split into folded words, each without its article) for an entry.
    void add(std::string_view form, Entry entry);

private:
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;
    std::vector<std::vector<Entry>> entries_{1};
    std::vector<std::uint32_t> fanout_{0};
    std::unordered_map<std::string, std::uint32_t> country_by_iso3_, agency_by_key_, city_by_key_;
    friend struct LexiconLoader;
};

// Splits a folded string into the trie's words: runs of letters and digits, each without a
// leading article ال (the text's tokens offer the same form as a variant).
std::vector<std::u32string> lexicon_words(std::u32string_view folded);

}  // namespace liaison::extract
