#pragma once
// Bodies and places the lexicons do not list (bodies.cpp), found before the lexicon's own so
// that their words are not read again. Internal to lib/extract.
#include <cstdint>
#include <utility>
#include <vector>

namespace liaison::extract {

struct Analysis;
struct SentenceState;
struct Token;

// Adds the sentence's unlisted bodies, cities after مدينة / ولاية and capitals named by
// العاصمة + nisba as entities and mentions; returns the token spans they cover.
std::vector<std::pair<std::uint32_t, std::uint32_t>> find_unlisted(Analysis& a, SentenceState& st);

// Whether the word opens an institution's name (أكاديمية، كلية، معهد، مديرية): a concrete
// place, so its short name (أكاديمية الشرطة) is the body of the article's country.
bool institution_head(const Analysis& a, const Token& t);

}  // namespace liaison::extract
