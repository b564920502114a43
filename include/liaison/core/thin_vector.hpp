#pragma once
/// @file
/// A vector one pointer wide, for the lists every node and edge carries (docs/storage-engine.md,
/// "A loaded graph's memory").
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

namespace liaison {

// Most edges have no sources and at most one property, yet a std::vector costs 24 bytes empty:
// millions of edges pay that twice. This one stores its size and capacity in front of the
// elements, in the one allocation, so an empty list is a null pointer (8 bytes).
template <class T>
class ThinVector {
public:
    using value_type = T;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using reference = T&;
    using const_reference = const T&;
    using iterator = T*;
    using const_iterator = const T*;

    ThinVector() noexcept = default;
    ThinVector(std::initializer_list<T> items) { assign(items.begin(), items.end()); }
    template <class It, class = typename std::iterator_traits<It>::iterator_category>
    ThinVector(It first, It last) {
        assign(first, last);
    }
    // Implicit, so code that builds a std::vector hands it over unchanged.
    ThinVector(const std::vector<T>& v) { assign(v.begin(), v.end()); }  // NOLINT
    ThinVector(std::vector<T>&& v) {                                     // NOLINT
        assign(std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    }
    ThinVector(const ThinVector& o) { assign(o.begin(), o.end()); }
    ThinVector(ThinVector&& o) noexcept : data_(std::exchange(o.data_, nullptr)) {}
    ThinVector& operator=(const ThinVector& o) {
        if (this != &o) {
            ThinVector copy(o);
            swap(copy);
        }
        return *this;
    }
    ThinVector& operator=(ThinVector&& o) noexcept {
        if (this != &o) {
            release();
            data_ = std::exchange(o.data_, nullptr);
        }
        return *this;
    }
    ~ThinVector() { release(); }

    void swap(ThinVector& o) noexcept { std::swap(data_, o.data_); }

    size_type size() const noexcept { return data_ ? header()->size : 0; }
    size_type capacity() const noexcept { return data_ ? header()->capacity : 0; }
    bool empty() const noexcept { return size() == 0; }

    T* data() noexcept { return data_; }
    const T* data() const noexcept { return data_; }
    iterator begin() noexcept { return data_; }
    iterator end() noexcept { return data_ + size(); }
    const_iterator begin() const noexcept { return data_; }
    const_iterator end() const noexcept { return data_ + size(); }
    const_iterator cbegin() const noexcept { return begin(); }
    const_iterator cend() const noexcept { return end(); }
    T& operator[](size_type i) { return data_[i]; }
    const T& operator[](size_type i) const { return data_[i]; }
    T& at(size_type i) {
        if (i >= size()) throw std::out_of_range("ThinVector::at");
        return data_[i];
    }
    const T& at(size_type i) const {
        if (i >= size()) throw std::out_of_range("ThinVector::at");
        return data_[i];
    }
    T& front() { return data_[0]; }
    const T& front() const { return data_[0]; }
    T& back() { return data_[size() - 1]; }
    const T& back() const { return data_[size() - 1]; }

    void reserve(size_type n) {
        if (n > capacity()) regrow(n);
    }
    void shrink_to_fit() {
        if (empty())
            release();
        else if (size() < capacity())
            regrow(size());
    }
    void clear() noexcept {
        if (!data_) return;
        std::destroy(begin(), end());
        header()->size = 0;
    }

    template <class... Args>
    T& emplace_back(Args&&... args) {
        if (size() == capacity()) {
            // The new element may refer to one of ours: build it before the move.
            T item(std::forward<Args>(args)...);
            regrow(grown());
            return append(std::move(item));
        }
        return append(std::forward<Args>(args)...);
    }
    void push_back(const T& item) { emplace_back(item); }
    void push_back(T&& item) { emplace_back(std::move(item)); }
    void pop_back() {
        std::destroy_at(&back());
        --header()->size;
    }
    void resize(size_type n) {
        while (size() > n) pop_back();
        reserve(n);
        while (size() < n) emplace_back();
    }

    iterator insert(const_iterator pos, T item) {
        size_type at = static_cast<size_type>(pos - begin());
        emplace_back(std::move(item));
        std::rotate(begin() + at, end() - 1, end());
        return begin() + at;
    }
    template <class It, class = typename std::iterator_traits<It>::iterator_category>
    iterator insert(const_iterator pos, It first, It last) {
        size_type at = static_cast<size_type>(pos - begin()), before = size();
        for (; first != last; ++first) emplace_back(*first);
        std::rotate(begin() + at, begin() + before, end());
        return begin() + at;
    }
    iterator erase(const_iterator first, const_iterator last) {
        iterator from = begin() + (first - begin()), to = begin() + (last - begin());
        iterator kept = std::move(to, end(), from);
        std::destroy(kept, end());
        if (data_) header()->size = static_cast<std::uint32_t>(kept - begin());
        return from;
    }
    iterator erase(const_iterator pos) { return erase(pos, pos + 1); }

    bool operator==(const ThinVector& o) const {
        return std::equal(begin(), end(), o.begin(), o.end());
    }
    friend bool operator==(const ThinVector& a, const std::vector<T>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    struct Header {
        std::uint32_t size, capacity;
    };
    // Elements start after the header, aligned for T.
    static constexpr std::size_t kOffset =
        (sizeof(Header) + alignof(T) - 1) / alignof(T) * alignof(T);

    Header* header() const {
        return reinterpret_cast<Header*>(reinterpret_cast<char*>(data_) - kOffset);
    }
    template <class... Args>
    T& append(Args&&... args) {  // room is there
        T* slot = ::new (static_cast<void*>(end())) T(std::forward<Args>(args)...);
        ++header()->size;
        return *slot;
    }
    size_type grown() const { return capacity() < 2 ? capacity() + 1 : capacity() * 2; }

    template <class It>
    void assign(It first, It last) {
        auto n = static_cast<size_type>(std::distance(first, last));
        if (n == 0) return;
        regrow(n);
        for (; first != last; ++first) append(*first);
    }
    void regrow(size_type cap) {
        if (cap > UINT32_MAX) throw std::length_error("ThinVector: too many elements");
        char* block = static_cast<char*>(::operator new(kOffset + cap * sizeof(T)));
        T* moved = reinterpret_cast<T*>(block + kOffset);
        size_type n = size();
        std::uninitialized_move(begin(), end(), moved);
        release();
        data_ = moved;
        *header() = Header{static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(cap)};
    }
    void release() noexcept {
        if (!data_) return;
        std::destroy(begin(), end());
        ::operator delete(reinterpret_cast<char*>(data_) - kOffset);
        data_ = nullptr;
    }

    T* data_ = nullptr;
};

}  // namespace liaison
