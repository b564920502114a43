#include "extract/regions.hpp"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "extract/lexicon.hpp"

namespace liaison::extract {

void add_icu_regions(Lexicon& lex) {
    const icu::Locale ar("ar");
    const icu::Locale en("en");
    for (const char* const* cc = icu::Locale::getISOCountries(); *cc; ++cc) {
        const icu::Locale region("", *cc);
        const std::string iso3 = region.getISO3Country();
        if (iso3.size() != 3) continue;
        icu::UnicodeString name_ar, name_en;
        region.getDisplayCountry(ar, name_ar);
        region.getDisplayCountry(en, name_en);
        std::string a, e;
        name_ar.toUTF8String(a);
        name_en.toUTF8String(e);
        const std::uint32_t k = lex.add_country(iso3);
        CountryInfo& info = lex.countries[k];
        // ICU's names are the canonical ones; the lexicon's first spellings are kept otherwise.
        if (!a.empty() && a != *cc) info.ar = a;
        if (!e.empty() && e != *cc) info.en = e;
        if (!a.empty()) lex.add(a, {EntryKind::Country, 0, k});
        if (!e.empty()) lex.add(e, {EntryKind::Country, 0, k});
    }
}

std::string slug(std::string_view name) {
    static std::mutex mutex;
    static std::unique_ptr<icu::Transliterator> to_ascii;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!to_ascii) {
            UErrorCode status = U_ZERO_ERROR;
            to_ascii.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                               UTRANS_FORWARD, status));
            if (U_FAILURE(status)) to_ascii.reset();
        }
        if (to_ascii) to_ascii->transliterate(u);
    }
    std::string utf8;
    u.toUTF8String(utf8);
    std::string out;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

}  // namespace liaison::extract
