#pragma once
// A set of node indexes as a bitmap that grows to the largest index seen: DISTINCT over nodes
// (count(DISTINCT n), WITH DISTINCT n) without hashing or allocating per element.
#include <cstdint>
#include <vector>

namespace liaison::query {

class NodeSet {
public:
    // True when n was not in the set yet.
    bool insert(std::uint32_t n) {
        std::size_t word = n >> 6;
        if (word >= bits_.size()) bits_.resize(word + 1 + word / 2, 0);
        std::uint64_t mask = std::uint64_t{1} << (n & 63);
        if (bits_[word] & mask) return false;
        bits_[word] |= mask;
        return true;
    }
    void clear() { bits_.clear(); }

private:
    std::vector<std::uint64_t> bits_;
};

}  // namespace liaison::query
