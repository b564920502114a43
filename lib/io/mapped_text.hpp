#pragma once
// The text of a file for the fast path's SAX pass: mapped rather than read, so it is neither
// copied nor held in memory of its own; followed by a NUL (the parser's end mark); checked a
// piece at a time just ahead of the parser for what the validated path refuses up front; and
// dropped from memory behind it, so that a load's peak is about the graph alone.
#include <cstddef>
#include <string>
#include <string_view>

#include "io/text_checks.hpp"

namespace liaison::detail {

class MappedText {
public:
    struct File {
        const std::string& path;
    };
    // The whole file, or not usable (ok() false: not a regular file, cannot map, ...).
    explicit MappedText(File file);
    // Text in memory: copied once, for the NUL after it.
    explicit MappedText(std::string_view text);
    ~MappedText();
    MappedText(const MappedText&) = delete;
    MappedText& operator=(const MappedText&) = delete;

    bool ok() const { return data_ != nullptr; }
    const char* data() const { return data_; }  // data()[size()] is a NUL
    std::size_t size() const { return size_; }

    // The parser is at `offset`: check the text a little ahead, drop what is well behind.
    void advance(std::size_t offset) {
        if (offset >= next_) step(offset);
    }
    // After the parse: whether the whole text passes the checks (and the file kept its size).
    bool accepted();
    // Whether the file shrank while mapped: the pages past its end then read as zeros.
    bool shrank() const;

private:
    void step(std::size_t offset);
    void check_to(std::size_t end);

    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t mapped_ = 0;  // bytes mapped at data_, 0 when data_ is copy_'s
    int guard_ = -1;          // slot of the SIGBUS guard while mapped
    std::string copy_;
    std::size_t checked_ = 0, released_ = 0, next_ = 0;
    bool refused_ = false;
    TextChecks checks_;
};

}  // namespace liaison::detail
