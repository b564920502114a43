#include "store/carry.hpp"

#include <optional>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/store/ops.hpp"
#include "store/snapshot_codec.hpp"

namespace liaison::store {

namespace {

bool same_content(const Edge& a, const Edge& b) {
    return a.id == b.id && a.time == b.time && a.properties == b.properties &&
           a.sources == b.sources;
}

// The ordinal in `to` of the edge `ref` names in `from`, two graphs with the same content.
std::uint32_t counterpart(const PropertyGraph& from, const PropertyGraph& to, const EdgeRef& ref) {
    std::vector<EdgeIndex> mine = parallel_edges(from, ref);
    std::vector<EdgeIndex> theirs = parallel_edges(to, ref);
    if (ref.ordinal >= mine.size() || mine.size() != theirs.size())
        throw LookupError(fmt::format("no edge {}", ref.to_string()));
    const Edge& named = from.edge(mine[ref.ordinal]);
    std::size_t equal_before = 0;
    for (std::uint32_t i = 0; i < ref.ordinal; ++i)
        equal_before += same_content(from.edge(mine[i]), named) ? 1 : 0;
    for (std::size_t j = 0; j < theirs.size(); ++j)
        if (same_content(to.edge(theirs[j]), named) && equal_before-- == 0)
            return static_cast<std::uint32_t>(j);
    throw LookupError(
        fmt::format("no counterpart of edge {} in the new snapshot", ref.to_string()));
}

bool names_an_edge(const Op& op) {
    return op.kind == OpKind::PutEdge || op.kind == OpKind::RemoveEdge;
}

}  // namespace

std::vector<std::string> carry_over(PropertyGraph& state, std::string_view snapshot,
                                    const std::string& path, const std::vector<JournalRecord>& tail,
                                    const std::string& jpath) {
    // The snapshot's graph is only needed once an operation names one of several parallel
    // edges (a lone edge is #1 in any order); it then catches up with the operations so far,
    // which it would have read unchanged.
    std::optional<PropertyGraph> built;
    std::vector<std::vector<Op>> unchanged;
    std::vector<std::string> out;
    out.reserve(tail.size());
    for (const JournalRecord& r : tail) {
        std::vector<Op> ops =
            decode_ops(r.ops, fmt::format("{}: transaction at byte {}", jpath, r.offset));
        bool renamed = false;
        for (Op& op : ops) {
            std::uint32_t ordinal = op.ref.ordinal;
            if (names_an_edge(op)) {
                if (!built && parallel_edges(state, op.ref).size() > 1) {
                    built = view_snapshot(snapshot, path);
                    for (const auto& earlier : unchanged)
                        for (const Op& o : earlier) apply_replayed(*built, o);
                    unchanged.clear();
                }
                if (built) ordinal = counterpart(state, *built, op.ref);
            }
            apply_replayed(state, op);
            if (ordinal != op.ref.ordinal) {
                op.ref.ordinal = ordinal;
                renamed = true;
            }
            if (built) apply_replayed(*built, op);
        }
        out.push_back(renamed ? encode_ops(ops) : std::string(r.ops));
        if (!built) unchanged.push_back(std::move(ops));
    }
    return out;
}

}  // namespace liaison::store
