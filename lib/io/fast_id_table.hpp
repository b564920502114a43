#pragma once
// Node ids to slots for the native reader's fast path. Millions of endpoint lookups dominate a
// load, so this is open addressing over one flat array with the hash beside the slot, and the ids
// copied together into one small arena: a lookup touches two or three cache lines instead of the
// text of a 500 MB file. Slots are numbered in order of first sight; edges may name an id before
// its node (the canonical writer puts "edges" before "nodes"), so the reader maps slots to node
// indices at the end.
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::detail {

class IdTable {
public:
    using Slot = std::uint32_t;
    static constexpr Slot kNone = UINT32_MAX;

    std::size_t size() const { return starts_.size() - 1; }

    // FNV-1a, then a final mix for the low bits.
    static std::uint64_t hash_of(std::string_view id) {
        std::uint64_t h = 0xcbf29ce484222325ull;
        for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
        h ^= h >> 32;
        return h * 0x9e3779b97f4a7c15ull;
    }

    // Starts loading the cell an id with this hash probes first. A large table misses the cache
    // on nearly every lookup; a reader that asks early and interns a little later hides that.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&cells_[hash & mask_]); }

    // The slot of `id` (whose hash_of is `hash`), adding it when new (then `added` is set).
    Slot intern(std::string_view id, std::uint64_t hash, bool& added) {
        if (2 * (size() + 1) > capacity_) rehash(2 * capacity_);
        std::size_t i = 0;
        const Cell probe = cell_of(id, hash, static_cast<Slot>(size()), i);
        for (i &= mask_;; i = (i + 1) & mask_) {
            Cell& c = cells_[i];
            if (c.slot == kNone) {
                c = probe;
                arena_.append(id);
                starts_.push_back(arena_.size());
                added = true;
                return probe.slot;
            }
            if (same(c, probe, id)) {
                added = false;
                return c.slot;
            }
        }
    }

    // The slot of `id` (whose hash_of is `hash`), or kNone; never changes the table, so threads
    // may look up together once it is built.
    Slot find(std::string_view id, std::uint64_t hash) const {
        std::size_t i = 0;
        const Cell probe = cell_of(id, hash, kNone, i);
        for (i &= mask_;; i = (i + 1) & mask_) {
            const Cell& c = cells_[i];
            if (c.slot == kNone) return kNone;
            if (same(c, probe, id)) return c.slot;
        }
    }

    // Up to the first 8 bytes of a string as one integer (also used to match member names).
    static constexpr std::uint64_t prefix_of(std::string_view s) {
        std::uint64_t p = 0;
        for (std::size_t i = 0; i < s.size() && i < 8; ++i)
            p |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
        return p;
    }

private:
    // An id of up to 8 bytes is wholly in the cell (prefix and length), so a lookup of a short
    // id reads one cache line; longer ones compare the rest in the arena.
    struct Cell {
        std::uint64_t prefix = 0;
        std::uint32_t tag = 0;  // hash with its low byte replaced by min(length, 255)
        Slot slot = kNone;
    };

    // The cell for an id, and where its probe starts (from bits the tag does not use).
    static Cell cell_of(std::string_view id, std::uint64_t h, Slot slot, std::size_t& start) {
        start = static_cast<std::size_t>(h & 0xFFFFFFFFu);
        auto tag = static_cast<std::uint32_t>(h >> 32) & ~0xFFu;
        tag |= static_cast<std::uint32_t>(std::min<std::size_t>(id.size(), 255));
        return {prefix_of(id), tag, slot};
    }

    bool same(const Cell& c, const Cell& probe, std::string_view id) const {
        return c.tag == probe.tag && c.prefix == probe.prefix &&
               (id.size() <= 8 || key(c.slot) == id);
    }

    std::string_view key(Slot k) const {
        return std::string_view(arena_).substr(starts_[k], starts_[k + 1] - starts_[k]);
    }

    // Cells of a large table sit on huge pages where the system allows it (transparent huge
    // pages in "madvise" mode): lookups land on random cells, and with small pages nearly each
    // would also miss the TLB. Only advice: when refused, nothing changes.
    static std::unique_ptr<Cell[], void (*)(Cell*)> allocate(std::size_t capacity) {
        constexpr std::size_t kHuge = std::size_t{2} << 20;
        const std::size_t bytes = capacity * sizeof(Cell);
        Cell* cells = nullptr;
        if (bytes >= kHuge) {
            void* p = std::aligned_alloc(kHuge, (bytes + kHuge - 1) / kHuge * kHuge);
            if (p) ::madvise(p, bytes, MADV_HUGEPAGE);
            cells = static_cast<Cell*>(p);
        } else {
            cells = static_cast<Cell*>(std::malloc(bytes));
        }
        if (!cells) throw std::bad_alloc();
        std::uninitialized_fill_n(cells, capacity, Cell{});
        return {cells, [](Cell* c) { std::free(c); }};
    }

    void rehash(std::size_t capacity) {
        cells_ = allocate(capacity);
        capacity_ = capacity;
        mask_ = capacity - 1;
        for (Slot k = 0; k < size(); ++k) {
            std::size_t i = 0;
            const Cell c = cell_of(key(k), hash_of(key(k)), k, i);
            i &= mask_;
            while (cells_[i].slot != kNone) i = (i + 1) & mask_;
            cells_[i] = c;
        }
    }

    std::unique_ptr<Cell[], void (*)(Cell*)> cells_ = allocate(16);
    std::size_t capacity_ = 16;
    std::size_t mask_ = 15;
    std::string arena_;
    std::vector<std::size_t> starts_{0};  // key k is arena_[starts_[k], starts_[k + 1])
};

}  // namespace liaison::detail
