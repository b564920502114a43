#include "liaison/store/edit_syntax.hpp"

#include <charconv>

#include <fmt/format.h>

#include "liaison/core/error.hpp"

namespace liaison::store {

std::pair<std::string, Value> parse_assignment(std::string_view text) {
    auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw ArgumentError(fmt::format(
            "'{}': expected key=text or key:=JSON (e.g. title=Director, session:=93)", text));
    bool typed = text[eq - 1] == ':';
    std::string key(text.substr(0, typed ? eq - 1 : eq));
    std::string_view rest = text.substr(eq + 1);
    if (key.empty()) throw ArgumentError(fmt::format("'{}': the key is empty", text));
    if (!typed) return {key, Value(std::string(rest))};
    try {
        return {key, decode_value(rest, key)};
    } catch (const InputError& e) {
        throw ArgumentError(fmt::format("'{}': {}", text, e.message()));
    }
}

std::optional<EdgeRef> parse_edge_ref(std::string_view text) {
    auto first = text.find(':');
    if (first == std::string_view::npos) return std::nullopt;
    auto second = text.find(':', first + 1);
    auto bad = [&] {
        return ArgumentError(fmt::format(
            "'{}': expected an edge as SOURCE:RELATION:TARGET or SOURCE:RELATION:TARGET#N", text));
    };
    if (second == std::string_view::npos || text.find(':', second + 1) != std::string_view::npos)
        throw bad();
    EdgeRef ref;
    ref.source = std::string(text.substr(0, first));
    ref.relation = std::string(text.substr(first + 1, second - first - 1));
    std::string_view target = text.substr(second + 1);
    if (auto hash = target.find('#'); hash != std::string_view::npos) {
        std::string_view n = target.substr(hash + 1);
        std::uint32_t nth = 0;
        auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), nth);
        if (ec != std::errc() || p != n.data() + n.size() || nth == 0) throw bad();
        ref.ordinal = nth - 1;
        target = target.substr(0, hash);
    }
    ref.target = std::string(target);
    if (ref.source.empty() || ref.relation.empty() || ref.target.empty()) throw bad();
    return ref;
}

}  // namespace liaison::store
