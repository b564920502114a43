#pragma once
// The governor's options of `liaison query` and `liaison shell`: --timeout SECONDS and
// --max-memory SIZE (docs/query.md). Reaching either ends the query with an error (exit 1).
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "query/executor/governor.hpp"

namespace liaison::cli {

// "2G", "512M", "64K", "1.5GiB", "1000000" (bytes); binary units. nullopt when malformed.
inline std::optional<std::uint64_t> parse_memory_size(const std::string& text) {
    std::size_t used = 0;
    double n = 0;
    try {
        n = std::stod(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::string unit = text.substr(used);
    if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
    if (unit.size() == 2 && (unit[1] == 'i' || unit[1] == 'I')) unit.pop_back();
    double scale = 1;
    if (unit == "K" || unit == "k")
        scale = 1024.0;
    else if (unit == "M" || unit == "m")
        scale = 1024.0 * 1024;
    else if (unit == "G" || unit == "g")
        scale = 1024.0 * 1024 * 1024;
    else if (unit == "T" || unit == "t")
        scale = 1024.0 * 1024 * 1024 * 1024;
    else if (!unit.empty())
        return std::nullopt;
    double bytes = n * scale;
    if (!std::isfinite(bytes) || bytes < 0 || bytes >= 1.8e19) return std::nullopt;
    return static_cast<std::uint64_t>(bytes);
}

struct LimitOptions {
    double timeout = query::QueryLimits{}.timeout_seconds;
    std::string max_memory = "2G";

    query::QueryLimits limits() const {
        query::QueryLimits l;
        l.timeout_seconds = timeout;
        l.max_memory = parse_memory_size(max_memory).value_or(l.max_memory);
        return l;
    }
};

inline void add_limit_options(CLI::App* cmd, LimitOptions& o) {
    cmd->add_option("--timeout", o.timeout, "Time limit of a query in seconds (0: none)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--max-memory", o.max_memory,
                    "Memory budget of a query: bytes or K, M, G (binary units; 0: none)")
        ->check([](const std::string& s) -> std::string {
            return parse_memory_size(s) ? "" : "expected a size such as 512M or 2G";
        })
        ->capture_default_str();
}

}  // namespace liaison::cli
