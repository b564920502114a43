#pragma once
// Checked reading of a mapped base image's sections, shared by the image's accessors
// (binary_image.cpp) and the decoding of its content (binary_content.cpp): every value read
// from the file is compared with the bounds of what it points into before it is followed.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/core/value.hpp"
#include "store/binary_format.hpp"
#include "store/binary_layout.hpp"

namespace liaison::binary {

struct BaseImage::Raw {
    Header header{};
    std::array<SectionEntry, kSectionKinds + 1> entry{};  // by kind; [0] unused
};

namespace detail {

[[noreturn]] inline void fail(const std::string& file, const std::string& what) {
    throw InputError(TextPosition{file, 0, 0}, what);
}

inline std::optional<Date> unpack(std::uint32_t v, const std::string& file, Section s,
                                  std::uint64_t i) {
    if (v == 0) return std::nullopt;
    Date d;
    d.year = static_cast<std::int16_t>(v & 0xFFFF);
    d.month = static_cast<std::int8_t>((v >> 16) & 0xFF);
    d.day = static_cast<std::int8_t>(v >> 24);
    bool ok = d.year >= 1 && d.year <= 9999 && d.month >= 0 && d.month <= 12 && d.day >= 0 &&
              (d.day == 0 || (d.month >= 1 && d.day <= days_in_month(d.year, d.month)));
    if (!ok)
        fail(file, fmt::format("section {}, entry {}: 0x{:08x} is not a date (expected year "
                               "1-9999, month 0-12, a day of that month or 0)",
                               section_name(s), i, v));
    return d;
}

// ---- reading sections, checked ---------------------------------------------------------------

class Reader {
public:
    // `text`: check every string read as UTF-8 without NUL (a single entity's decoding; loading
    // the whole graph checks the heap at once instead).
    Reader(const unsigned char* data, const BaseImage::Raw& raw, const std::string& file,
           bool text = false)
        : data_(data), raw_(raw), file_(file), text_(text) {}

    std::uint64_t count(Section s) const { return entry(s).count; }

    template <typename T>
    T get(Section s, std::uint64_t i) const {
        const SectionEntry& e = entry(s);
        if (i >= e.count)
            fail(file_, fmt::format("section {}: entry {} is past its end ({} entries)",
                                    section_name(s), i, e.count));
        T v;
        std::memcpy(&v, data_ + e.offset + i * sizeof(T), sizeof(T));
        return v;
    }
    std::uint32_t u32(Section s, std::uint64_t i) const { return get<std::uint32_t>(s, i); }

    // A value read from section `s` at entry `i` that must be below `limit`.
    std::uint64_t index(Section s, std::uint64_t i, std::uint64_t value, std::uint64_t limit,
                        const char* what) const {
        if (value >= limit)
            fail(file_, fmt::format("section {}, entry {}: {} {} out of range (expected below {})",
                                    section_name(s), i, what, value, limit));
        return value;
    }

    // The range [offsets[i], offsets[i+1]) of `s` into `target`; ascending and inside it.
    template <typename Off>
    std::pair<std::uint64_t, std::uint64_t> range(Section s, std::uint64_t i,
                                                  Section target) const {
        std::uint64_t a = get<Off>(s, i), b = get<Off>(s, i + 1);
        if (a > b || b > count(target))
            fail(file_, fmt::format("section {}, entry {}: range {}..{} is not inside section {} "
                                    "({} entries; expected ascending offsets)",
                                    section_name(s), i, a, b, section_name(target), count(target)));
        return {a, b};
    }

    std::string_view string(std::uint32_t id, Section from, std::uint64_t i) const {
        index(from, i, id, count(Section::StringOffsets) - 1, "string id");
        auto [a, b] = range<std::uint64_t>(Section::StringOffsets, id, Section::StringHeap);
        std::string_view v(
            reinterpret_cast<const char*>(data_ + entry(Section::StringHeap).offset + a),
            static_cast<std::size_t>(b - a));
        if (text_ && (find_invalid_utf8(v) || v.find('\0') != std::string_view::npos))
            fail(file_, fmt::format("section {}, entry {}: string {} is not UTF-8 text without NUL",
                                    section_name(from), i, id));
        return v;
    }
    std::string_view string_at(Section s, std::uint64_t i) const { return string(u32(s, i), s, i); }

    const unsigned char* bytes(Section s) const { return data_ + entry(s).offset; }
    const std::string& file() const { return file_; }

private:
    const SectionEntry& entry(Section s) const { return raw_.entry[static_cast<std::uint32_t>(s)]; }
    const unsigned char* data_;
    const BaseImage::Raw& raw_;
    const std::string& file_;
    bool text_ = false;
};

// Property values from a blob slice; refuses anything the writer would not have written.
class BlobReader {
public:
    BlobReader(const Reader& r, Section s, std::uint64_t entity, std::uint64_t begin,
               std::uint64_t end)
        : r_(r), s_(s), entity_(entity), p_(begin), end_(end), base_(r.bytes(s)) {}

    Properties properties() {
        Properties out;
        std::uint64_t n = varint();
        std::string_view previous;
        for (std::uint64_t k = 0; k < n; ++k) {
            std::string_view key = r_.string(checked_u32(varint(), "string id"), s_, entity_);
            if (key.empty() || (k > 0 && key <= previous))
                bad("property keys not in strictly ascending order");
            previous = key;
            out.set(std::string(key), value(0));
        }
        if (p_ != end_) bad("bytes left after the last property");
        return out;
    }

    // The string ids of the keys only, values skipped (as checked as properties() would).
    void keys(std::vector<std::uint32_t>& out) {
        std::uint64_t n = varint();
        for (std::uint64_t k = 0; k < n; ++k) {
            out.push_back(checked_u32(varint(), "string id"));
            skip(0);
        }
        if (p_ != end_) bad("bytes left after the last property");
    }

private:
    [[noreturn]] void bad(const std::string& what) const {
        fail(r_.file(), fmt::format("section {}, entity {} at byte {}: {}", section_name(s_),
                                    entity_, p_, what));
    }
    std::uint8_t byte() {
        if (p_ >= end_) bad("the record ends early");
        return base_[p_++];
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b = byte();
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        bad("a variable-length integer longer than 10 bytes");
    }
    std::uint32_t checked_u32(std::uint64_t v, const char* what) {
        if (v > UINT32_MAX) bad(fmt::format("{} {} out of range", what, v));
        return static_cast<std::uint32_t>(v);
    }
    template <typename T>
    T fixed() {
        if (end_ - p_ < sizeof(T)) bad("the record ends early");
        T v;
        std::memcpy(&v, base_ + p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    void skip(int depth) {
        auto tag = static_cast<Tag>(byte());
        switch (tag) {
            case Tag::Null:
            case Tag::False:
            case Tag::True:
                return;
            case Tag::Int:
            case Tag::String:
                varint();
                return;
            case Tag::Float:
                fixed<double>();
                return;
            case Tag::Date:
                fixed<std::uint32_t>();
                return;
            case Tag::List: {
                if (depth > 0) bad("a list inside a list");
                std::uint64_t n = varint();
                if (n > end_ - p_) bad("a list longer than its record");
                for (std::uint64_t i = 0; i < n; ++i) skip(depth + 1);
                return;
            }
            case Tag::Typed:
                varint();
                varint();
                return;
        }
        bad(fmt::format("unknown value tag {}", static_cast<int>(tag)));
    }
    Value value(int depth) {
        auto tag = static_cast<Tag>(byte());
        switch (tag) {
            case Tag::Null:
                return Value();
            case Tag::False:
                return Value(false);
            case Tag::True:
                return Value(true);
            case Tag::Int: {
                std::uint64_t z = varint();
                return Value(static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1)));
            }
            case Tag::Float: {
                auto d = fixed<double>();
                if (!std::isfinite(d)) bad("a float that is not finite");
                return Value(d);
            }
            case Tag::String:
                return Value(
                    std::string(r_.string(checked_u32(varint(), "string id"), s_, entity_)));
            case Tag::Date: {
                auto d = unpack(fixed<std::uint32_t>(), r_.file(), s_, entity_);
                if (!d) bad("an absent date as a value");
                return Value(*d);
            }
            case Tag::List: {
                if (depth > 0) bad("a list inside a list");
                std::uint64_t n = varint();
                if (n > end_ - p_) bad("a list longer than its record");
                ValueList items;
                items.reserve(n);
                for (std::uint64_t i = 0; i < n; ++i) items.push_back(value(depth + 1));
                return Value(std::move(items));
            }
            case Tag::Typed: {
                std::string_view key = r_.string(checked_u32(varint(), "string id"), s_, entity_);
                std::string_view text = r_.string(checked_u32(varint(), "string id"), s_, entity_);
                std::string error;
                std::optional<Value> v = parse_typed(key, text, error);
                if (!v) bad(fmt::format("typed value {{\"{}\": \"{}\"}}: {}", key, text, error));
                return std::move(*v);
            }
        }
        bad(fmt::format("unknown value tag {}", static_cast<int>(tag)));
    }

    const Reader& r_;
    Section s_;
    std::uint64_t entity_, p_, end_;
    const unsigned char* base_;
};

}  // namespace detail

}  // namespace liaison::binary
