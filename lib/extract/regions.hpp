#pragma once
// What ICU knows that the lexicons need not repeat: region names in Arabic and English, and
// transliteration for the ASCII ids of new entities.
#include <string>
#include <string_view>

namespace liaison::extract {

class Lexicon;

// Adds every ISO 3166 country ICU names (icu::Locale::getDisplayCountry in Arabic and English)
// as country forms; the Arabic and English names become each country's canonical names.
void add_icu_regions(Lexicon& lex);

// An ASCII id for a name in any script: ICU's Any-Latin and Latin-ASCII transliteration, lower
// case, runs of anything else as one "-" ("عمر حيجاوي" → "mr-hyjawy"), at most 60 characters.
std::string slug(std::string_view name);

}  // namespace liaison::extract
