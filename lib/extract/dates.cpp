// Dates as the press writes them: day and month in every month family, with or without a year,
// ranges (من 28 نونبر إلى غاية فاتح دجنبر 2023، ما بين 24 و27 نوفمبر الجاري), numeric dates
// (2023/12/01), and weekdays and relative words resolved against the article's date.
#include <algorithm>
#include <optional>

#include "extract/analysis.hpp"

namespace liaison::extract {

namespace {

struct Atom {
    int day = 0, month = 0, year = 0;
    std::size_t first = 0, last = 0;  // items
    bool current = false;             // "الجاري": the article's month
    bool whole = false;               // complete as read (a year or month alone): nothing flows in
    bool weekday = false;             // a bare weekday, read as the last one before the article
};

bool number_item(const Analysis& a, const Item& it, int lo, int hi, int& v) {
    if (it.node != 0 || a.token(it).kind != TokenKind::Number) return false;
    v = a.token(it).number;
    return v >= lo && v <= hi;
}

const DateWordInfo* date_word(const Analysis& a, const Item& it) {
    const Entry* e = a.entry(it, EntryKind::DateWord);
    return e ? &a.lex.date_words[e->index] : nullptr;
}

// The English ordinal ending the tokenizer splits from its digits (18th → 18, th).
bool ordinal_suffix(const Analysis& a, const Item& it) {
    if (it.node != 0 || a.token(it).kind != TokenKind::Word) return false;
    const std::u32string_view w = a.token(it).form(a.text);
    return w == U"st" || w == U"nd" || w == U"rd" || w == U"th";
}

bool is_and(const Analysis& a, const Item& it) {
    if (it.node == 0) {
        const Token& t = a.token(it);
        return t.kind == TokenKind::Dash || t.form(a.text) == U"\u0648";
    }
    const StopRole r = a.stop_role(it);
    return r == StopRole::And || r == StopRole::To;
}

std::optional<Date> make(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 0 || m > 12) return std::nullopt;
    if (d > 0 && (m == 0 || d > days_in_month(y, m))) return std::nullopt;
    Date out;
    out.year = static_cast<std::int16_t>(y);
    out.month = static_cast<std::int8_t>(m);
    out.day = static_cast<std::int8_t>(d);
    return out;
}

Date from_days(std::int64_t days) {
    // Inverse of days_from_civil (Howard Hinnant's algorithm).
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y0 = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    Date out;
    out.year = static_cast<std::int16_t>(y0 + (m <= 2));
    out.month = static_cast<std::int8_t>(m);
    out.day = static_cast<std::int8_t>(d);
    return out;
}

}  // namespace

// Monday = 1 … Sunday = 7 for a day count since 1970-01-01 (a Thursday).
int weekday_of(std::int64_t days) {
    const std::int64_t w = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
    return static_cast<int>(w) + 1;
}

void find_dates(Analysis& a) {
    for (SentenceState& st : a.sentences) {
        const auto& items = st.items;
        std::vector<Atom> atoms;
        for (std::size_t k = 0; k < items.size(); ++k) {
            const Entry* month = a.entry(items[k], EntryKind::Month);
            int v = 0;
            if (month) {
                Atom at;
                at.month = a.lex.months[month->index];
                at.first = at.last = k;
                ++at.last;
                if (k > 0) {
                    const DateWordInfo* dw = date_word(a, items[k - 1]);
                    if (k > 1 && ordinal_suffix(a, items[k - 1]) &&
                        number_item(a, items[k - 2], 1, 31, v)) {
                        at.day = v;  // "18th February"
                        at.first = k - 2;
                    } else if (number_item(a, items[k - 1], 1, 31, v)) {
                        at.day = v;
                        at.first = k - 1;
                    } else if (dw && dw->kind == DateWordKind::Day) {
                        at.day = dw->amount;
                        at.first = k - 1;
                    }
                }
                std::size_t n = k + 1;
                // English writes the day after the month: "March 4, 2025".
                const std::u32string_view mw = a.token(items[k]).form(a.text);
                if (!at.day && !mw.empty() && mw.front() >= 'a' && mw.front() <= 'z' &&
                    n < items.size() && number_item(a, items[n], 1, 31, v)) {
                    at.day = v;
                    at.last = ++n;
                }
                if (n < items.size() && items[n].node == 0 &&
                    a.token(items[n]).kind == TokenKind::Comma)
                    ++n;
                if (n < items.size() && number_item(a, items[n], 1900, 2100, v)) {
                    at.year = v;
                    at.last = n + 1;
                } else if (k + 1 < items.size()) {
                    const DateWordInfo* dw = date_word(a, items[k + 1]);
                    if (dw && dw->kind == DateWordKind::Current) {
                        at.current = true;
                        at.last = k + 2;
                    } else if (dw && dw->kind == DateWordKind::Relative && dw->unit.empty() &&
                               a.doc_date && a.doc_date->month) {
                        // "نونبر الماضي": the last November before the article; "المقبل": the next.
                        const int m = a.doc_date->month;
                        at.year = a.doc_date->year;
                        if (dw->amount < 0 && at.month > m) --at.year;
                        if (dw->amount > 0 && at.month < m) ++at.year;
                        at.last = k + 2;
                    }
                }
                // "24 و27 نوفمبر": a first day before the one the month follows.
                if (at.day && at.first >= 2 && is_and(a, items[at.first - 1]) &&
                    number_item(a, items[at.first - 2], 1, 31, v) && v < at.day) {
                    Atom first = at;
                    first.day = v;
                    first.first = at.first - 2;
                    first.last = at.first - 1;
                    atoms.push_back(first);
                }
                atoms.push_back(at);
                k = at.last - 1;
                continue;
            }
            // Numeric dates: 2023/12/01, 01/12/2023, 2023-12-01.
            int x = 0, y = 0, z = 0;
            if (k + 4 < items.size() && number_item(a, items[k], 1, 9999, x) &&
                items[k + 1].node == 0 && items[k + 3].node == 0 &&
                (a.token(items[k + 1]).kind == TokenKind::Slash ||
                 a.token(items[k + 1]).kind == TokenKind::Dash) &&
                a.token(items[k + 3]).kind == a.token(items[k + 1]).kind &&
                number_item(a, items[k + 2], 1, 12, y) &&
                number_item(a, items[k + 4], 1, 9999, z)) {
                Atom at;
                if (x >= 1900 && z <= 31) {
                    at.year = x, at.month = y, at.day = z;
                } else if (z >= 1900 && x <= 31) {
                    at.year = z, at.month = y, at.day = x;
                } else {
                    continue;
                }
                at.first = k;
                at.last = k + 5;
                atoms.push_back(at);
                k += 4;
                continue;
            }
            // A year after a noun of year (عام 2026، سنة 2027، in 2026): the year alone.
            if (k > 0 && number_item(a, items[k], 1900, 2100, v)) {
                const DateWordInfo* noun = date_word(a, items[k - 1]);
                // A part of the year (مطلع 2026، early 2026) is no more precise than the year.
                const bool part =
                    noun && noun->kind == DateWordKind::Other &&
                    (noun->unit == "start" || noun->unit == "middle" || noun->unit == "end");
                if (noun && noun->kind == DateWordKind::Other && (part || noun->unit == "year")) {
                    Atom at;
                    at.year = v;
                    at.whole = true;
                    at.first = k - 1;
                    at.last = k + 1;
                    atoms.push_back(at);
                }
                continue;
            }
            // A period relative to the article's (العام المقبل، الشهر الماضي، هذا العام): only as
            // precise as the period, never a day.
            if (const DateWordInfo* dw = date_word(a, items[k]);
                dw && a.doc_date &&
                ((dw->kind == DateWordKind::Relative &&
                  (dw->unit == "year" || (dw->unit == "month" && a.doc_date->month))) ||
                 // A bare الجاري/الحالي qualifies any noun; only "this year" is safe alone.
                 (dw->kind == DateWordKind::Current && dw->unit == "year"))) {
                const int amount = dw->kind == DateWordKind::Current ? 0 : dw->amount;
                Atom at;
                at.whole = true;
                at.first = k;
                at.last = k + 1;
                if (dw->unit == "year") {
                    at.year = a.doc_date->year + amount;
                } else {
                    const int m = a.doc_date->year * 12 + (a.doc_date->month - 1) + amount;
                    at.year = m / 12;
                    at.month = m % 12 + 1;
                }
                atoms.push_back(at);
                continue;
            }
            // "اليوم التالي": the day after the one named just before it in the sentence.
            if (const DateWordInfo* dw = date_word(a, items[k]);
                dw && dw->kind == DateWordKind::Other && dw->unit == "next") {
                if (!atoms.empty() && atoms.back().day && atoms.back().year) {
                    const auto prev = make(atoms.back().year, atoms.back().month, atoms.back().day);
                    if (prev) {
                        const Date d = from_days(prev->first_day() + 1);
                        Atom at;
                        at.year = d.year, at.month = d.month, at.day = d.day;
                        at.first = k;
                        at.last = k + 1;
                        atoms.push_back(at);
                    }
                }
                continue;
            }
            // Weekdays and relative days, against the article's date.
            if (const DateWordInfo* dw = date_word(a, items[k]);
                dw && a.doc_date && a.doc_date->precision() == Date::Precision::Day &&
                // "يوم 3 مارس"، "الخميس 12 مارس": the explicit date that follows says it.
                !(k + 1 < items.size() && number_item(a, items[k + 1], 1, 31, v))) {
                const std::int64_t today = a.doc_date->first_day();
                std::optional<std::int64_t> day;
                bool bare = false;
                if (dw->kind == DateWordKind::Weekday && dw->amount >= 1 && dw->amount <= 7) {
                    // The last such weekday on or before the article's date.
                    // "الاثنين المقبل": the first after it.
                    const DateWordInfo* next =
                        k + 1 < items.size() ? date_word(a, items[k + 1]) : nullptr;
                    const bool ahead = next && next->kind == DateWordKind::Relative &&
                                       next->unit.empty() && next->amount > 0;
                    std::int64_t d = ahead ? today + 1 : today;
                    while (weekday_of(d) != dw->amount) d += ahead ? 1 : -1;
                    day = d;
                    bare = !ahead && !(next && next->kind == DateWordKind::Relative);
                } else if (dw->kind == DateWordKind::Relative && dw->unit == "day") {
                    // A bare المقبل/الماضي has no unit of its own: it is not a day.
                    day = today + dw->amount;
                }
                if (day) {
                    Atom at;
                    const Date d = from_days(*day);
                    at.year = d.year, at.month = d.month, at.day = d.day;
                    at.first = k;
                    at.last = k + 1;
                    at.weekday = bare && *day < today;
                    // "اليوم الجمعة": one day said twice.
                    if (!atoms.empty() && atoms.back().last == k && atoms.back().year == at.year &&
                        atoms.back().month == at.month && atoms.back().day == at.day)
                        atoms.back().last = k + 1;
                    else
                        atoms.push_back(at);
                }
            }
        }
        st.times.clear();
        st.time.reset();
        if (atoms.empty()) continue;
        // Years and months flow right to left within a range; "الجاري" is the article's month.
        for (std::size_t i = atoms.size(); i-- > 0;) {
            Atom& at = atoms[i];
            if (at.whole) continue;
            if (at.current && a.doc_date) at.year = a.doc_date->year;
            if (!at.year && i + 1 < atoms.size()) at.year = atoms[i + 1].year;
            if (!at.month && i + 1 < atoms.size()) at.month = atoms[i + 1].month;
            if (!at.year && a.doc_date) {
                at.year = a.doc_date->year;
                // A month later than the article's is last year's (news reports the past).
                if (a.doc_date->month && at.month > a.doc_date->month + 1) --at.year;
            }
        }
        // Each date, or two joined by a range word (إلى، حتى، و، -) within three items.
        for (std::size_t i = 0; i < atoms.size(); ++i) {
            const Atom& first = atoms[i];
            auto d1 = make(first.year, first.month, first.day);
            if (!d1) continue;
            TimeSpan span;
            std::size_t last = first.last;
            if (i + 1 < atoms.size() && atoms[i + 1].first >= first.last &&
                atoms[i + 1].first - first.last <= 3) {
                auto d2 = make(atoms[i + 1].year, atoms[i + 1].month, atoms[i + 1].day);
                if (d2 && *d1 < *d2) {
                    span.start = d1;
                    span.end = d2;
                    last = atoms[++i].last;
                }
            }
            // "… اليوم الأحد 14 ديسمبر …، التي تحتضنها الجزائر إلى غاية 16 ديسمبر": an end written
            // apart from its start closes a range that opens at the sentence's last day before it.
            if (span.empty() && first.first > 0 &&
                a.stop_role(items[first.first - 1]) == StopRole::To && !st.times.empty() &&
                st.times.back().time.date && *st.times.back().time.date < *d1 &&
                st.times.back().time.date->precision() == Date::Precision::Day &&
                d1->precision() == Date::Precision::Day) {
                span.start = st.times.back().time.date;
                span.end = d1;
            }
            if (span.empty()) span.date = d1;
            st.times.push_back(
                {a.start_of(items[first.first]), a.end_of(items[last - 1]), span, first.weekday});
            if (!st.time) {
                st.time = span;
                st.time_first = items[first.first].first;
            }
        }
    }
}

void date_fact(const Analysis& a, const SentenceState& st, Fact& f) {
    if (!st.time || st.times.empty()) return;
    const SentenceState::Stated* pick = &st.times.front();
    for (const SentenceState::Stated& d : st.times) {
        if (d.start >= f.start && d.start < f.end) {
            pick = &d;  // stated inside the fact's own words
            break;
        }
        if (d.start < f.end) continue;
        // Right after the quote: at most two words (في، خلال، يوم) and no clause break between.
        std::size_t words = 0;
        bool word = false, broken = false;
        for (std::uint32_t c = f.end; c < d.start && !broken; ++c) {
            const char32_t ch = a.text.original[c];
            const bool space = ch == ' ' || ch == '\t' || ch == 0xA0;
            broken = ch == ',' || ch == 0x060C || ch == 0x061B || ch == '.' || ch == '\n' ||
                     ch == '(' || ch == ')';
            if (!space && !word) ++words;
            word = !space;
        }
        if (!broken && words <= 2) pick = &d;
        break;
    }
    f.time = pick->time;
    // A planned fact on a bare weekday (يتوجه … إلى تونس يومي الأحد والإثنين) is on the next one.
    if (f.planned && pick->weekday) {
        auto later = [](std::optional<Date>& d) {
            if (d) d = from_days(d->first_day() + 7);
        };
        later(f.time.date);
        later(f.time.start);
        later(f.time.end);
    }
}

// A fact whose sentence states no date: the date of the event it happened at (one of its ends,
// or an event its sentence names: على هامش المؤتمر), else the nearest date stated earlier in its
// paragraph, which governs the sentences that follow it, else the lead's. Planned facts inherit
// only an event's; roles none.
void inherit_dates(Analysis& a) {
    if (a.sentences.empty()) return;
    std::vector<std::uint32_t> starts;
    starts.reserve(a.sentences.size());
    for (const SentenceState& st : a.sentences) starts.push_back(a.tokens.tokens[st.s.first].start);
    auto event_time = [&](std::uint32_t e) -> const TimeSpan* {
        if (e == kNone || e >= a.entities.size()) return nullptr;
        const Entity& en = a.entities[e];
        return en.label == Label::Event && !en.time.empty() ? &en.time : nullptr;
    };
    // The lead: the first paragraph after the headline (the first line), when it states a date.
    // A dateline alone on the second line (أنقرة/ الأناضول، أبوظبي - سكاي نيوز عربية), a few
    // words with no date, leaves the lead to the third.
    std::optional<TimeSpan> lead;
    std::size_t lead_line = 2;
    for (std::size_t j = 0, line = 0; j < a.sentences.size(); ++j) {
        if (a.tokens.tokens[a.sentences[j].s.first].line_start && ++line > lead_line) break;
        if (line == lead_line && a.sentences[j].time) {
            lead = a.sentences[j].time;
            break;
        }
        const SentenceState& st = a.sentences[j];
        const bool alone =
            j + 1 == a.sentences.size() || a.tokens.tokens[a.sentences[j + 1].s.first].line_start;
        if (line == 2 && lead_line == 2 && alone && st.s.last - st.s.first <= 6) lead_line = 3;
    }
    // An event dated by its first day in one sentence and by its span in another: the span.
    for (const EventMention& m : a.event_mentions) {
        if (m.entity >= a.entities.size() || m.sentence >= a.sentences.size()) continue;
        TimeSpan& t = a.entities[m.entity].time;
        // Any range the sentence states, not only its first date (انطلقت يوم 16 … وتتواصل إلى
        // غاية 20 فيفري).
        for (const SentenceState::Stated& d : a.sentences[m.sentence].times) {
            const TimeSpan& said = d.time;
            if (said.start && said.end &&
                (t.empty() || (t.date && *said.start <= *t.date && *t.date <= *said.end))) {
                t = said;
                break;
            }
        }
    }
    for (Fact& f : a.facts) {
        // A role is held, not dated by the day it is mentioned.
        if (f.relation == "HEADS" || f.relation == "REPRESENTS") continue;
        // At an event: its whole span rather than the day the sentence opened with.
        if (const TimeSpan* ev = event_time(f.a) ? event_time(f.a) : event_time(f.b);
            ev && ev->start && f.time.date && *ev->start <= *f.time.date &&
            *f.time.date <= *ev->end) {
            f.time = *ev;
            continue;
        }
        if (!f.time.empty()) continue;
        const auto up = std::upper_bound(starts.begin(), starts.end(), f.start);
        if (up == starts.begin()) continue;
        const auto si = static_cast<std::size_t>(up - starts.begin()) - 1;
        if (a.sentences[si].time) continue;  // its own date, whatever the frame made of it
        const TimeSpan* t = event_time(f.a);
        if (!t) t = event_time(f.b);
        for (const EventMention& m : a.event_mentions)
            if (!t && m.sentence == si) t = event_time(m.entity);
        // "اليوم ذاته" points back to the last date named, across paragraphs.
        bool same = false;
        for (const Item& it : a.sentences[si].items)
            if (const DateWordInfo* dw = date_word(a, it); dw && dw->unit == "same") same = true;
        for (std::size_t j = si; !t && !f.planned && j > 0; --j) {
            if (!same && a.tokens.tokens[a.sentences[j].s.first].line_start) break;
            if (a.sentences[j - 1].time) t = &*a.sentences[j - 1].time;
        }
        // The lead paragraph's date governs the report that follows it.
        if (!t && !f.planned && lead) t = &*lead;
        if (t) f.time = *t;
    }
}

}  // namespace liaison::extract
