#pragma once
// What the validated path refuses before it parses (a byte order mark, NUL bytes, invalid UTF-8,
// "\u0000" escapes; surrogate escapes too, which it reads itself), checked over text that arrives
// in blocks, so that the fast path can refuse the same texts without holding a whole file. Blocks
// may split a UTF-8 sequence or an escape anywhere: the result is the same as checking the joined
// text at once.
#include <cstddef>
#include <string_view>

namespace liaison::detail {

class TextChecks {
public:
    // False when the text so far has something the validated path refuses up front.
    bool next(std::string_view block);
    // At the end of the text: false when it ends inside a UTF-8 sequence.
    bool finish() const { return carry_len_ == 0; }

private:
    bool utf8(std::string_view block);

    char head_[3] = {};  // the first bytes, for a byte order mark
    std::size_t head_len_ = 0;
    char tail_[5] = {};  // the last bytes so far, for an escape across blocks
    std::size_t tail_len_ = 0;
    char carry_[4] = {};  // an unfinished UTF-8 sequence at the end of the last block
    std::size_t carry_len_ = 0;
};

}  // namespace liaison::detail
