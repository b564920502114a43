# Writes OUT: a C++ source holding every lexicon file of DIR as a byte array, so that extraction
# needs no file at run time (docs/extract.md). Run by lib/extract/CMakeLists.txt at build time.
file(GLOB files "${DIR}/*.tsv")
list(SORT files)
set(arrays "")
set(table "")
set(count 0)
foreach(f ${files})
    get_filename_component(name ${f} NAME_WE)
    file(READ ${f} hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND arrays "const unsigned char lexicon_${count}[] = {${bytes}0};\n")
    string(APPEND table "    {\"${name}\", lexicon_${count}, ${size}},\n")
    math(EXPR count "${count} + 1")
endforeach()
if(count EQUAL 0)
    set(table "    {\"\", nullptr, 0},\n")
endif()
file(WRITE ${OUT}.tmp "// Generated from lib/extract/lexicons/*.tsv by embed_lexicons.cmake; do not edit.
#include <cstddef>
namespace liaison::extract::detail {
struct LexiconFile {
    const char* name;
    const unsigned char* data;
    std::size_t size;
};
namespace {
${arrays}}  // namespace
extern const LexiconFile kLexiconFiles[];
extern const std::size_t kLexiconFileCount;
const LexiconFile kLexiconFiles[] = {
${table}};
const std::size_t kLexiconFileCount = ${count};
}  // namespace liaison::extract::detail
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
