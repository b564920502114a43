#include "liaison/model/names.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace liaison {

namespace {

const icu::Normalizer2* nfkd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
}

const icu::Normalizer2* nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
}

// Arabic letters that readers treat as one; applied after decomposition, so hamza carriers
// (أ = ا + U+0654) arrive here as their base letter followed by a dropped combining mark.
UChar32 fold_letter(UChar32 c) {
    switch (c) {
        case 0x0671:
            return 0x0627;  // ٱ alef wasla → ا
        case 0x0649:
            return 0x064A;  // ى alef maksura → ي
        case 0x06CC:
            return 0x064A;  // Farsi yeh → ي
        case 0x0629:
            return 0x0647;  // ة teh marbuta → ه
        case 0x06A9:
            return 0x0643;  // Farsi keheh → ك
        case 0x0621:
            return -1;  // a lone hamza carries no letter of its own
        default:
            return c;
    }
}

bool is_arabic_word_with_article(const icu::UnicodeString& w) {
    // ال followed by at least two letters ("الله" style short words keep their article).
    return w.length() >= 4 && w.charAt(0) == 0x0627 && w.charAt(1) == 0x0644;
}

// ASCII needs none of ICU: NFKD and NFC leave it alone, no ASCII character is a mark, a format
// character or a folded Arabic letter, and case folding is tolower. Loading millions of Latin
// names then costs no UTF-16 round trip.
bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

std::vector<std::string> folded_ascii_words(std::string_view name) {
    std::vector<std::string> out;
    std::string word;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (c >= 'A' && c <= 'Z') {
            word += static_cast<char>(c - 'A' + 'a');
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

}  // namespace

std::vector<std::string> folded_words(std::string_view name) {
    if (is_ascii(name)) return folded_ascii_words(name);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    icu::UnicodeString decomposed = nfkd()->normalize(in, status);
    if (U_FAILURE(status)) decomposed = in;

    std::vector<icu::UnicodeString> words(1);
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;  // harakat, accents
        if (c == 0x0640) continue;                                             // tatweel
        if (type == U_FORMAT_CHAR) continue;  // bidi controls, ZWJ/ZWNJ
        c = fold_letter(c);
        if (c < 0) continue;
        if (u_isalnum(c)) {
            words.back().append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
        } else if (!words.back().isEmpty()) {
            words.emplace_back();  // spaces and punctuation separate words
        }
    }
    if (words.back().isEmpty()) words.pop_back();

    std::vector<std::string> out;
    out.reserve(words.size());
    for (auto& w : words) {
        if (is_arabic_word_with_article(w)) w.remove(0, 2);
        icu::UnicodeString composed = nfc()->normalize(w, status);
        std::string utf8;
        (U_SUCCESS(status) ? composed : w).toUTF8String(utf8);
        out.push_back(std::move(utf8));
    }
    return out;
}

std::string fold_name(std::string_view name) {
    std::string out;
    for (const std::string& w : folded_words(name)) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace liaison
