#pragma once
// Folded words interned to small integers: the trie and the recognisers compare integers.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace liaison::extract {

inline constexpr std::uint32_t kNoWord = UINT32_MAX;

class Interner {
public:
    std::uint32_t find(std::u32string_view word) const {
        auto it = ids_.find(word);
        return it == ids_.end() ? kNoWord : it->second;
    }
    std::uint32_t add(std::u32string_view word) {
        auto it = ids_.find(word);
        if (it != ids_.end()) return it->second;
        const auto id = static_cast<std::uint32_t>(ids_.size());
        ids_.emplace(std::u32string(word), id);
        return id;
    }
    std::size_t size() const { return ids_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::u32string_view s) const {
            return std::hash<std::u32string_view>{}(s);
        }
    };
    std::unordered_map<std::u32string, std::uint32_t, Hash, std::equal_to<>> ids_;
};

}  // namespace liaison::extract
