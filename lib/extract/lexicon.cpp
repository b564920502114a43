#include "extract/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "extract/regions.hpp"
#include "extract/text.hpp"
#include "liaison/core/error.hpp"

namespace liaison::extract {

namespace detail {
struct LexiconFile {
    const char* name;
    const unsigned char* data;
    std::size_t size;
};
extern const LexiconFile kLexiconFiles[];
extern const std::size_t kLexiconFileCount;
}  // namespace detail

namespace {

bool is_word_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0x0620 && c <= 0x064A) ||
           (c >= 0x00C0 && c < 0x0250);
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t pos = 0;
    while (true) {
        std::size_t tab = line.find('\t', pos);
        cols.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
    }
    for (auto& c : cols) {
        while (!c.empty() && (c.back() == ' ' || c.back() == '\r')) c.remove_suffix(1);
        while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    }
    return cols;
}

}  // namespace

std::vector<std::u32string> lexicon_words(std::u32string_view folded) {
    std::vector<std::u32string> out;
    std::u32string w;
    auto flush = [&] {
        if (w.empty()) return;
        if (w.size() >= 4 && w[0] == U'\u0627' && w[1] == U'\u0644') w.erase(0, 2);
        out.push_back(std::move(w));
        w.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char32_t c = folded[i];
        const bool digit = c >= '0' && c <= '9';
        // The Latin article stays on its name (al-Shatri, el-Kebir), as the tokenizer keeps it.
        if (c == '-' && latin_article_joins(w, folded.substr(i + 1))) {
            w.push_back(c);
            continue;
        }
        if (!is_word_char(c)) {
            flush();
            continue;
        }
        // Digits and letters are separate tokens in the text ("الـ93"), so here too.
        if (!w.empty() && ((w.back() >= '0' && w.back() <= '9') != digit)) flush();
        w.push_back(c);
    }
    flush();
    return out;
}

void Lexicon::add(std::string_view form, Entry entry) {
    const std::u32string folded = fold_string(form);
    // "Lt." and "Gen.": a Latin word written with a full stop in a lexicon is an abbreviation,
    // interned with its stop so that the tokenizer does not end a sentence after it.
    for (std::size_t i = 1, first = 0; i < folded.size(); ++i) {
        if (!(folded[i - 1] >= 'a' && folded[i - 1] <= 'z')) first = i;
        if (folded[i] == '.' && i > first)
            words.add(std::u32string_view(folded).substr(first, i + 1 - first));
    }
    const std::vector<std::u32string> ws = lexicon_words(folded);
    if (ws.empty()) return;
    std::uint32_t node = 0;
    for (const auto& w : ws) {
        const std::uint32_t id = words.add(w);
        const std::uint64_t key = (std::uint64_t{node} << 32) | id;
        auto it = edges_.find(key);
        if (it == edges_.end()) {
            const auto next = static_cast<std::uint32_t>(entries_.size());
            entries_.emplace_back();
            fanout_.push_back(0);
            edges_.emplace(key, next);
            ++fanout_[node];
            node = next;
        } else {
            node = it->second;
        }
    }
    for (const Entry& e : entries_[node])
        if (e.kind == entry.kind && e.index == entry.index && e.sub == entry.sub) return;
    entries_[node].push_back(entry);
}

std::uint32_t Lexicon::country_index(std::string_view iso3) const {
    auto it = country_by_iso3_.find(std::string(iso3));
    return it == country_by_iso3_.end() ? UINT32_MAX : it->second;
}

std::uint32_t Lexicon::add_country(std::string_view iso3) {
    auto [it, added] =
        country_by_iso3_.emplace(std::string(iso3), static_cast<std::uint32_t>(countries.size()));
    if (added) {
        CountryInfo c;
        c.iso3 = std::string(iso3);
        countries.push_back(c);
    }
    return it->second;
}

std::uint32_t Lexicon::agency_index(std::string_view key) const {
    auto it = agency_by_key_.find(std::string(key));
    return it == agency_by_key_.end() ? UINT32_MAX : it->second;
}

std::uint32_t Lexicon::word(std::string_view utf8) const {
    const auto ws = lexicon_words(fold_string(utf8));
    return ws.size() == 1 ? words.find(ws[0]) : kNoWord;
}

struct LexiconLoader {
    Lexicon& lex;
    std::string file;
    std::size_t line_no = 0;

    [[noreturn]] void fail(std::size_t column, const std::string& what) const {
        throw InputError({"lexicons/" + file, line_no, column}, what);
    }

    std::uint32_t country(std::string_view iso3, std::size_t col) {
        if (iso3.size() != 3)
            fail(col, fmt::format("expected an ISO 3166 alpha-3 code, not '{}'", iso3));
        return lex.add_country(iso3);
    }

    double number(std::string_view s, std::size_t col) const {
        std::string text(s);
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0') fail(col, fmt::format("expected a number, not '{}'", s));
        return v;
    }

    void line(std::string_view name, const std::vector<std::string_view>& c);

    // A roles.tsv form: titles opening with it (deputy, secretary) or holding it after their
    // first word (assistant) are marked; a one-word form is also looked for beside a title.
    std::vector<std::vector<std::u32string>> title_words;
    void mark_titles(std::string_view form, std::uint8_t kind) {
        const auto words = lexicon_words(fold_string(form));
        if (words.empty()) fail(1, "no word in the form");
        if (title_words.size() != lex.titles.size()) {
            title_words.clear();
            for (const TitleInfo& t : lex.titles)
                title_words.push_back(lexicon_words(fold_string(t.form)));
        }
        for (std::size_t i = 0; i < lex.titles.size(); ++i) {
            const auto& tw = title_words[i];
            const bool opens =
                tw.size() >= words.size() && std::equal(words.begin(), words.end(), tw.begin());
            const bool inside = words.size() == 1 && tw.size() > 1 &&
                                std::find(tw.begin() + 1, tw.end(), words[0]) != tw.end();
            if (kind == kRoleAssistant ? inside : (opens && kind != kRoleFormer))
                lex.titles[i].standing |= kind;
        }
        if (words.size() == 1 && (kind == kRoleAssistant || kind == kRoleFormer))
            lex.role_words.emplace_back(lex.words.add(words[0]), kind);
    }
    void load(std::string_view name, std::string_view text);
};

namespace {
std::size_t column_of(const std::vector<std::string_view>& cols, std::size_t i) {
    std::size_t col = 1;
    for (std::size_t k = 0; k < i; ++k) col += cols[k].size() + 1;
    return col;
}

}  // namespace

void LexiconLoader::line(std::string_view name, const std::vector<std::string_view>& c) {
    auto need = [&](std::size_t n) {
        if (c.size() < n)
            fail(column_of(c, c.size() - 1) + c.back().size(),
                 fmt::format("expected {} tab-separated columns, found {}", n, c.size()));
        for (std::size_t i = 0; i < n; ++i)
            if (c[i].empty()) fail(column_of(c, i), "empty column");
    };
    if (name == "countries") {
        need(3);
        const std::uint32_t k = country(c[0], 1);
        if (c[1] != "name" && c[1] != "adjective")
            fail(column_of(c, 1), "expected kind 'name' or 'adjective'");
        CountryInfo& info = lex.countries[k];
        const bool arabic = static_cast<unsigned char>(c[2][0]) >= 0x80;
        if (c[1] == "name" && arabic && info.ar.empty()) info.ar = std::string(c[2]);
        if (c[1] == "name" && !arabic && info.en.empty()) info.en = std::string(c[2]);
        lex.add(c[2], {EntryKind::Country, static_cast<std::uint8_t>(c[1] == "adjective"), k});
    } else if (name == "cities") {
        need(4);
        auto [it, added] = lex.city_by_key_.emplace(std::string(c[0]),
                                                    static_cast<std::uint32_t>(lex.cities.size()));
        if (added) {
            CityInfo city;
            city.key = std::string(c[0]);
            city.country = country(c[1], column_of(c, 1));
            city.en = std::string(c[3]);
            lex.cities.push_back(city);
        }
        CityInfo& city = lex.cities[it->second];
        if (city.ar.empty() && static_cast<unsigned char>(c[2][0]) >= 0x80)
            city.ar = std::string(c[2]);
        lex.add(c[2], {EntryKind::City, 0, it->second});
        if (c[3] != c[2]) lex.add(c[3], {EntryKind::City, 0, it->second});
        if (c.size() > 4 && !c[4].empty()) {
            if (c[4] != "capital") fail(column_of(c, 4), "expected 'capital' or nothing");
            lex.capitals[city.country] = it->second;
        }
    } else if (name == "agencies") {
        need(5);
        // "/قنا/": a credit form of an agency named on an earlier line.
        if (c[3].size() > 2 && c[3].front() == '/' && c[3].back() == '/') {
            const std::uint32_t ag = lex.agency_index(c[0]);
            if (ag == UINT32_MAX)
                fail(1, fmt::format("a credit form needs agency '{}' on an earlier line", c[0]));
            const std::string_view form = c[3].substr(1, c[3].size() - 2);
            Lexicon::CreditForm credit;
            credit.agency = ag;
            for (const auto& word : lexicon_words(fold_string(form)))
                credit.words.push_back(lex.words.add(word));
            if (credit.words.empty()) fail(column_of(c, 3), "no word in the credit form");
            lex.credits.push_back(std::move(credit));
            AgencyInfo& info = lex.agencies[ag];
            if (std::find(info.forms.begin(), info.forms.end(), form) == info.forms.end())
                info.forms.emplace_back(form);
            return;
        }
        auto [it, added] = lex.agency_by_key_.emplace(
            std::string(c[0]), static_cast<std::uint32_t>(lex.agencies.size()));
        if (added) {
            AgencyInfo a;
            a.key = std::string(c[0]);
            a.label = std::string(c[1]);
            if (a.label != "Agency" && a.label != "Organization")
                fail(column_of(c, 1), "expected label 'Agency' or 'Organization'");
            a.country = c[2] == "@"   ? AgencyInfo::kInContext
                        : c[2] == "-" ? AgencyInfo::kInternational
                                      : country(c[2], column_of(c, 2));
            a.ar = std::string(c[3]);
            a.en = std::string(c[4]);
            lex.agencies.push_back(a);
        }
        AgencyInfo& info = lex.agencies[it->second];
        for (std::string_view form : {c[3], c[4]})
            if (form != "-" && form != info.ar && form != info.en &&
                std::find(info.forms.begin(), info.forms.end(), form) == info.forms.end())
                info.forms.emplace_back(form);
        lex.add(c[3], {EntryKind::Agency, 0, it->second});
        if (c[4] != "-") lex.add(c[4], {EntryKind::Agency, 0, it->second});
    } else if (name == "titles") {
        need(4);
        TitleInfo t;
        t.form = std::string(c[0]);
        t.en = std::string(c[2]);
        if (c[1] == "office")
            t.kind = TitleKind::Office;
        else if (c[1] == "rank")
            t.kind = TitleKind::Rank;
        else if (c[1] == "honorific")
            t.kind = TitleKind::Honorific;
        else if (c[1] == "role")
            t.kind = TitleKind::Role;
        else
            fail(column_of(c, 1), "expected kind office, rank, honorific or role");
        if (c[3] != "-") {
            t.heads = lex.agency_index(c[3]);
            // Agencies load first; an unknown key is a lexicon error the build should show.
            if (t.heads == UINT32_MAX)
                fail(column_of(c, 3), fmt::format("unknown agency '{}'", c[3]));
        }
        lex.titles.push_back(t);
        lex.add(c[0], {EntryKind::Title, 0, static_cast<std::uint32_t>(lex.titles.size() - 1)});
    } else if (name == "given_names") {
        need(1);
        const char g = c.size() > 1 && !c[1].empty() ? c[1][0] : '-';
        lex.given_names.push_back(static_cast<std::uint8_t>(g));
        lex.add(c[0],
                {EntryKind::GivenName, 0, static_cast<std::uint32_t>(lex.given_names.size() - 1)});
    } else if (name == "frames") {
        need(4);
        FrameInfo f;
        f.relation = std::string(c[1]);
        if (c[2] == "active")
            f.voice = Voice::Active;
        else if (c[2] == "passive")
            f.voice = Voice::Passive;
        else if (c[2] == "nominal")
            f.voice = Voice::Nominal;
        else
            fail(column_of(c, 2), "expected voice active, passive or nominal");
        f.confidence = number(c[3], column_of(c, 3));
        if (f.confidence < 0 || f.confidence > 1)
            fail(column_of(c, 3), "confidence must be in [0, 1]");
        lex.frames.push_back(f);
        lex.add(c[0], {EntryKind::Frame, 0, static_cast<std::uint32_t>(lex.frames.size() - 1)});
    } else if (name == "modality") {
        need(2);
        Modality m;
        if (c[1] == "planned")
            m = Modality::Planned;
        else if (c[1] == "negated")
            m = Modality::Negated;
        else if (c[1] == "reported")
            m = Modality::Reported;
        else if (c[1] == "habitual")
            m = Modality::Habitual;
        else
            fail(column_of(c, 1), "expected planned, negated, reported or habitual");
        lex.modalities.push_back(m);
        lex.add(c[0],
                {EntryKind::Modality, 0, static_cast<std::uint32_t>(lex.modalities.size() - 1)});
    } else if (name == "months") {
        need(2);
        const double m = number(c[1], column_of(c, 1));
        if (m < 1 || m > 12) fail(column_of(c, 1), "month must be 1..12");
        lex.months.push_back(static_cast<std::uint8_t>(m));
        lex.add(c[0], {EntryKind::Month, 0, static_cast<std::uint32_t>(lex.months.size() - 1)});
    } else if (name == "dates") {
        need(2);
        DateWordInfo d;
        if (c[1] == "weekday")
            d.kind = DateWordKind::Weekday;
        else if (c[1] == "relative")
            d.kind = DateWordKind::Relative;
        else if (c[1] == "current")
            d.kind = DateWordKind::Current;
        else if (c[1] == "day")
            d.kind = DateWordKind::Day;
        else
            d.kind = DateWordKind::Other;
        if (c.size() > 2 && !c[2].empty()) {
            // "3", "-1 day", "month", "0 day"
            std::string_view v = c[2];
            const std::size_t sp = v.find(' ');
            std::string_view first = v.substr(0, sp);
            char* end = nullptr;
            std::string num(first);
            const long n = std::strtol(num.c_str(), &end, 10);
            if (!num.empty() && *end == '\0') {
                d.amount = static_cast<int>(n);
                if (sp != std::string_view::npos) d.unit = std::string(v.substr(sp + 1));
            } else {
                d.unit = std::string(v);
            }
        }
        lex.date_words.push_back(d);
        lex.add(c[0],
                {EntryKind::DateWord, 0, static_cast<std::uint32_t>(lex.date_words.size() - 1)});
    } else if (name == "counterparts") {
        need(1);
        std::uint8_t n = 1;
        if (c.size() > 1 && c[1] == "dual") n = 2;
        if (c.size() > 1 && c[1] == "plural") n = 3;
        lex.counterparts.push_back(n);
        lex.add(c[0], {EntryKind::Counterpart, 0,
                       static_cast<std::uint32_t>(lex.counterparts.size() - 1)});
    } else if (name == "stopwords") {
        need(1);
        std::string_view r = c.size() > 1 ? c[1] : std::string_view();
        StopRole role = StopRole::Other;
        if (r == "with")
            role = StopRole::With;
        else if (r == "between")
            role = StopRole::Between;
        else if (r == "to")
            role = StopRole::To;
        else if (r == "in")
            role = StopRole::In;
        else if (r == "from")
            role = StopRole::From;
        else if (r == "and" || r == "conjunction")
            role = StopRole::And;
        else if (r == "agent")
            role = StopRole::Agent;
        else if (r == "generic")
            role = StopRole::Generic;
        else if (r == "home")
            role = StopRole::Home;
        else if (r == "noun")
            role = StopRole::Noun;
        else if (r == "landmark")
            role = StopRole::Landmark;
        lex.stopwords.push_back(role);
        lex.add(c[0],
                {EntryKind::Stopword, 0, static_cast<std::uint32_t>(lex.stopwords.size() - 1)});
    } else if (name == "roles") {
        need(2);
        std::uint8_t kind = 0;
        if (c[1] == "deputy")
            kind = kRoleDeputy;
        else if (c[1] == "assistant")
            kind = kRoleAssistant;
        else if (c[1] == "former")
            kind = kRoleFormer;
        else if (c[1] == "secretary")
            kind = kRoleSecretary;
        else
            fail(column_of(c, 1), "expected kind deputy, assistant, former or secretary");
        mark_titles(c[0], kind);
    } else if (name == "events") {
        need(3);
        EventWordInfo w;
        if (c[1] == "head")
            w.kind = EventWordKind::Head;
        else if (c[1] == "weak")
            w.kind = EventWordKind::Weak;
        else if (c[1] == "ordinal")
            w.kind = EventWordKind::Ordinal;
        else if (c[1] == "anaphor")
            w.kind = EventWordKind::Anaphor;
        else if (c[1] == "relative")
            w.kind = EventWordKind::Relative;
        else if (c[1] == "homeland")
            w.kind = EventWordKind::Homeland;
        else
            fail(column_of(c, 1),
                 "expected kind head, weak, ordinal, anaphor, relative or homeland");
        if (w.kind == EventWordKind::Ordinal) {
            const double n = number(c[2], column_of(c, 2));
            if (n < 1 || n > 100) fail(column_of(c, 2), "an ordinal must be 1..100");
            w.number = static_cast<int>(n);
        }
        w.en = std::string(c[2]);
        lex.event_words.push_back(w);
        Lexicon::EventForm form;
        form.info = static_cast<std::uint32_t>(lex.event_words.size() - 1);
        for (const auto& word : lexicon_words(fold_string(c[0])))
            form.words.push_back(lex.words.add(word));
        if (form.words.empty()) fail(1, "no word in the form");
        const std::uint32_t first = form.words[0];
        lex.event_forms.push_back(std::move(form));
        // Longest form first, so that ورشة عمل wins over ورشة.
        auto& list = lex.event_forms_by_first[first];
        list.push_back(static_cast<std::uint32_t>(lex.event_forms.size() - 1));
        std::stable_sort(list.begin(), list.end(), [&](std::uint32_t x, std::uint32_t y) {
            return lex.event_forms[x].words.size() > lex.event_forms[y].words.size();
        });
    }
}

void LexiconLoader::load(std::string_view name, std::string_view text) {
    file = std::string(name) + ".tsv";
    line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view l = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
        ++line_no;
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        std::size_t first = l.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || l[first] == '#') continue;
        line(name, split_tabs(l));
    }
}

Lexicon Lexicon::build(const std::vector<std::pair<std::string, std::string_view>>& files,
                       bool with_icu_regions) {
    Lexicon lex;
    LexiconLoader loader{lex, {}, 0, {}};
    // Agencies before titles (titles name the agency they head); the rest in any order.
    static constexpr const char* kOrder[] = {
        "countries", "cities", "agencies",     "titles",    "given_names", "frames", "modality",
        "months",    "dates",  "counterparts", "stopwords", "events",      "roles"};
    for (const char* name : kOrder)
        for (const auto& [file, text] : files)
            if (file == name) loader.load(file, text);
    if (with_icu_regions) add_icu_regions(lex);
    for (CountryInfo& c : lex.countries) {
        if (c.en.empty()) c.en = c.iso3;
        if (c.ar.empty()) c.ar = c.en;
        c.id = slug(c.en);
    }
    return lex;
}

const Lexicon& Lexicon::builtin() {
    static const Lexicon lex = [] {
        std::vector<std::pair<std::string, std::string_view>> files;
        for (std::size_t i = 0; i < detail::kLexiconFileCount; ++i) {
            const auto& f = detail::kLexiconFiles[i];
            files.emplace_back(f.name,
                               std::string_view(reinterpret_cast<const char*>(f.data), f.size));
        }
        return build(files);
    }();
    return lex;
}

}  // namespace liaison::extract
