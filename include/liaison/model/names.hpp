#pragma once
// Name folding: what Arabic and English readers treat as the same spelling maps to one key.
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// Folds a name for lookup: Unicode NFKC; Latin lower-cased without accents; Arabic without
// diacritics (harakat, shadda, sukun, superscript alef) or tatweel; أ إ آ ٱ → ا; ى → ي; ة → ه;
// ؤ → و; ئ → ي; a leading ال (also وال/بال/لل forms are not touched) dropped from each word;
// punctuation (including "-" and "'") becomes a space; runs of spaces collapse.
// "الحُمُّوشي" and "حموشي" fold alike; "Hammouchi" and "HAMMOUCHI" fold alike.
std::string fold_name(std::string_view name);

// The folded name split into words.
std::vector<std::string> folded_words(std::string_view name);

}  // namespace liaison
