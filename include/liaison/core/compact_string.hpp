#pragma once
/// @file
/// A string one pointer wide, for the optional id of every edge.
#include <compare>
#include <cstdint>
#include <cstring>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace liaison {

// Few edges carry an id, yet a std::string costs 32 bytes empty, in every one of millions of
// edges. This one is a null pointer when empty, else one allocation holding the length and the
// characters (NUL-terminated). It reads as a std::string_view; str() copies it out.
class CompactString {
public:
    CompactString() noexcept = default;
    CompactString(std::string_view text) { fill(text); }    // NOLINT: implicit, like std::string
    CompactString(const std::string& text) { fill(text); }  // NOLINT
    CompactString(const char* text) { fill(text); }         // NOLINT
    CompactString(const CompactString& o) { fill(o.view()); }
    CompactString(CompactString&& o) noexcept : data_(std::exchange(o.data_, nullptr)) {}
    CompactString& operator=(const CompactString& o) {
        if (this != &o) {
            CompactString copy(o);
            std::swap(data_, copy.data_);
        }
        return *this;
    }
    CompactString& operator=(CompactString&& o) noexcept {
        if (this != &o) {
            release();
            data_ = std::exchange(o.data_, nullptr);
        }
        return *this;
    }
    CompactString& operator=(std::string_view text) {
        CompactString copy(text);
        std::swap(data_, copy.data_);
        return *this;
    }
    CompactString& operator=(const std::string& text) { return *this = std::string_view(text); }
    CompactString& operator=(const char* text) { return *this = std::string_view(text); }
    ~CompactString() { release(); }

    std::size_t size() const noexcept {
        if (!data_) return 0;
        std::uint32_t n;
        std::memcpy(&n, data_, sizeof n);
        return n;
    }
    bool empty() const noexcept { return data_ == nullptr; }
    const char* data() const noexcept { return data_ ? data_ + sizeof(std::uint32_t) : ""; }
    const char* c_str() const noexcept { return data(); }
    std::string_view view() const noexcept { return {data(), size()}; }
    operator std::string_view() const noexcept { return view(); }  // NOLINT
    std::string str() const { return std::string(view()); }
    int compare(std::string_view other) const noexcept { return view().compare(other); }
    void clear() noexcept { release(); }
    void assign(std::string_view text) { *this = text; }

    friend bool operator==(const CompactString& a, const CompactString& b) {
        return a.view() == b.view();
    }
    friend bool operator==(const CompactString& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const CompactString& a, const std::string& b) { return a.view() == b; }
    friend bool operator==(const CompactString& a, const char* b) {
        return a.view() == std::string_view(b);
    }
    friend std::strong_ordering operator<=>(const CompactString& a, const CompactString& b) {
        return a.view() <=> b.view();
    }
    friend std::strong_ordering operator<=>(const CompactString& a, std::string_view b) {
        return a.view() <=> b;
    }
    friend std::string operator+(const std::string& a, const CompactString& b) {
        return a + std::string(b.view());
    }
    friend std::string operator+(const CompactString& a, const std::string& b) {
        return std::string(a.view()) + b;
    }
    friend std::string operator+(const char* a, const CompactString& b) {
        return a + std::string(b.view());
    }
    friend std::ostream& operator<<(std::ostream& out, const CompactString& s) {
        return out << s.view();
    }

private:
    void fill(std::string_view text) {  // into an empty string
        if (text.empty()) return;
        if (text.size() > UINT32_MAX) throw std::length_error("CompactString: text too long");
        auto n = static_cast<std::uint32_t>(text.size());
        data_ = static_cast<char*>(::operator new(sizeof n + text.size() + 1));
        std::memcpy(data_, &n, sizeof n);
        std::memcpy(data_ + sizeof n, text.data(), text.size());
        data_[sizeof n + text.size()] = '\0';
    }
    void release() noexcept {
        ::operator delete(data_);
        data_ = nullptr;
    }

    char* data_ = nullptr;
};

}  // namespace liaison
