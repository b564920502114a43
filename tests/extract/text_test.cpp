// Folding with original offsets, tokens and their clitic variants, dates in every month family.
#include <doctest/doctest.h>

#include "extract/analysis.hpp"
#include "extract/lexicon.hpp"
#include "extract/text.hpp"
#include "extract/tokens.hpp"
#include "liaison/core/error.hpp"

using namespace liaison::extract;

TEST_CASE("folding drops marks and unifies letters, keeping the original offsets") {
    const Text t = make_text("الحُمُّوشي أحمدـ إلى مدينة ٢٠٢٣ AB", "t");
    CHECK(encode_utf8(t.folded) == "الحموشي احمد الي مدينه 2023 ab");
    REQUIRE(t.origin.size() == t.folded.size() + 1);
    // The folded word احمد starts where the original أحمد does.
    const std::size_t f = t.folded.find(U"احمد");
    REQUIRE(f != std::u32string::npos);
    CHECK(t.slice(t.origin[f], t.origin[f + 4 - 1] + 1) == "أحمد");
    CHECK(t.slice(0, t.origin[7]) == "الحُمُّوشي");
    CHECK(fold_char(U'\u0649') == U'\u064A');  // ى → ي
    CHECK(fold_char(U'\u0629') == U'\u0647');  // ة → ه
    CHECK(fold_char(U'\u0640') == 0);          // tatweel
    CHECK(fold_char(U'\u064E') == 0);          // fatha
    CHECK(fold_char(U'\u0663') == U'3');
}

TEST_CASE("invalid UTF-8 and oversized articles are refused with their position") {
    try {
        make_text("سطر\nab\xff", "bad.txt");
        FAIL("accepted invalid UTF-8");
    } catch (const liaison::InputError& e) {
        CHECK(std::string(e.what()).find("bad.txt:2:3") != std::string::npos);
    }
    CHECK_THROWS_AS(make_text(std::string(kMaxArticleBytes + 1, 'a'), "big.txt"),
                    liaison::InputError);
    try {
        make_text(std::string("عنوان\nab\0c", 15), "nul.txt");
        FAIL("accepted a NUL byte");
    } catch (const liaison::InputError& e) {
        CHECK(std::string(e.what()) ==
              "nul.txt:2:3: NUL byte; expected text without NUL characters");
    }
}

TEST_CASE("tokens carry spans, sentences end at full stops, clitics give variants") {
    const Lexicon& lex = Lexicon::builtin();
    const Text t = make_text("وبالمغرب، نما 2.5 في المئة. جملة ثانية؟ ثالثة\nرابعة", "t");
    const Tokens tk = tokenize(t, lex.words);
    REQUIRE(tk.sentences.size() == 4);
    const Token& first = tk.tokens[0];
    CHECK(t.slice(first.start, first.end) == "وبالمغرب");
    CHECK(tk.tokens[1].kind == TokenKind::Comma);
    const std::uint32_t morocco = lex.words.find(U"مغرب");
    REQUIRE(morocco != kNoWord);
    const Variant* v = first.variant(morocco);
    REQUIRE(v != nullptr);
    CHECK(v->skip == 4);  // و ب ال
    CHECK((v->flags & (kConj | kPrep | kArticle)) == (kConj | kPrep | kArticle));
    // 2.5 does not end the sentence.
    CHECK(tk.tokens[3].kind == TokenKind::Number);
    CHECK(tk.tokens[3].number == 2);
}

namespace {
std::optional<liaison::TimeSpan> date_of(const std::string& text, const char* doc_date = nullptr) {
    const Text t = make_text(text, "t");
    Analysis a(Lexicon::builtin(), t);
    if (doc_date) a.doc_date = liaison::Date::parse(doc_date);
    find_items(a);
    find_dates(a);
    REQUIRE(!a.sentences.empty());
    return a.sentences[0].time;
}
std::string span(const std::optional<liaison::TimeSpan>& s) { return s ? s->to_string() : "none"; }
}  // namespace

TEST_CASE("dates in each month family, ranges, numeric dates") {
    CHECK(span(date_of("انعقد في 28 نونبر 2023")) == "2023-11-28");         // maghrebi
    CHECK(span(date_of("انعقد في 28 نوفمبر 2023")) == "2023-11-28");        // egyptian-gulf
    CHECK(span(date_of("انعقد في 28 تشرين الثاني 2023")) == "2023-11-28");  // levantine
    CHECK(span(date_of("انعقد في 5 جويلية 2024")) == "2024-07-05");         // algerian-tunisian
    CHECK(span(date_of("held on 28 November 2023")) == "2023-11-28");       // english
    CHECK(span(date_of("كتب في 1 ديسمبر، 2023 - 16:45")) == "2023-12-01");
    CHECK(span(date_of("من 28 نونبر إلى غاية فاتح دجنبر 2023")) == "2023-11-28 .. 2023-12-01");
    CHECK(span(date_of("ما بين 24 و27 نوفمبر 2025")) == "2025-11-24 .. 2025-11-27");
    CHECK(span(date_of("بتاريخ 2023/12/01")) == "2023-12-01");
    CHECK(span(date_of("بتاريخ 01/12/2023")) == "2023-12-01");
    CHECK(span(date_of("date 2025-11-24 إيلاف")) == "2025-11-24");
    CHECK(span(date_of("في 30 فبراير 2023")) == "none");  // no such day
}

TEST_CASE("weekdays and relative words resolve against the article's date") {
    CHECK(span(date_of("استقبل اليوم الجمعة", "2023-12-01")) == "2023-12-01");
    CHECK(span(date_of("التقى الاثنين", "2025-11-26")) == "2025-11-24");
    CHECK(span(date_of("التقى أمس", "2025-11-26")) == "2025-11-25");
    CHECK(span(date_of("ما بين 6 و8 ماي الجاري", "2024-05-09")) == "2024-05-06 .. 2024-05-08");
    CHECK(span(date_of("من 28 نونبر الماضي", "2024-01-10")) == "2023-11-28");
    CHECK(span(date_of("التقى الاثنين")) == "none");  // no article date: not guessed
}
