#pragma once
// Helpers of the benchmark driver: wall-clock timing, resident memory, JSON result lines, the
// plain edge-list parser and normalised mutual information. Nothing here is part of the library.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::bench {

inline double now_seconds() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

// CPU seconds of the whole process (all threads): robust to other processes sharing the cores.
inline double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A field of /proc/self/status in MiB (VmRSS: resident now; VmHWM: peak resident).
inline double status_mib(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::stod(line.substr(key.size())) / 1024.0;  // kB
    }
    return 0;
}
inline double rss_mib() { return status_mib("VmRSS"); }
inline double peak_rss_mib() { return status_mib("VmHWM"); }

// One result as a JSON object on one line: {"tool":"liaison", ...}. Values are numbers or text.
class ResultLine {
public:
    ResultLine& text(const std::string& key, const std::string& value) {
        std::string escaped;
        for (char c : value) {
            if (c == '"' || c == '\\') escaped += '\\';
            if (c == '\n') {
                escaped += "\\n";
                continue;
            }
            escaped += c;
        }
        fields_.emplace_back(key, "\"" + escaped + "\"");
        return *this;
    }
    ResultLine& number(const std::string& key, double value) {
        char buf[64];
        if (!std::isfinite(value)) {
            fields_.emplace_back(key, "null");
            return *this;
        }
        std::snprintf(buf, sizeof buf, "%.9g", value);
        fields_.emplace_back(key, buf);
        return *this;
    }
    void print() const {
        std::string out = "{";
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            if (i) out += ", ";
            out += "\"" + fields_[i].first + "\": " + fields_[i].second;
        }
        out += "}\n";
        std::fputs(out.c_str(), stdout);
        std::fflush(stdout);
    }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

// Parses "u v" lines (whitespace separated, '#' comments) into edges; n is max id + 1 unless
// `node_count` is larger. A digit loop of its own: std::from_chars plus a space-skipping lambda
// per field spent a third of the edge-list load on K18.
inline std::vector<analysis::WeightedEdge> parse_edge_list(const std::string& text,
                                                           analysis::Vertex& node_count) {
    std::vector<analysis::WeightedEdge> edges;
    edges.reserve(text.size() / 12);
    const char* p = text.data();
    const char* const end = p + text.size();
    analysis::Vertex max_id = 0;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    auto vertex = [&]() {
        while (p < end && is_space(*p)) ++p;
        std::uint64_t x = 0;
        const char* first = p;
        while (p < end && static_cast<unsigned>(*p - '0') < 10) {
            x = x * 10 + static_cast<unsigned>(*p - '0');
            if (x >= analysis::kNoVertex) throw std::runtime_error("edge list: vertex too large");
            ++p;
        }
        if (p == first) throw std::runtime_error("edge list: bad vertex");
        return static_cast<analysis::Vertex>(x);
    };
    while (p < end) {
        if (is_space(*p)) {
            ++p;
            continue;
        }
        if (*p == '#') {
            while (p < end && *p != '\n') ++p;
            continue;
        }
        const analysis::Vertex u = vertex();
        const analysis::Vertex v = vertex();
        while (p < end && *p != '\n') ++p;  // ignore any further columns
        edges.push_back({u, v, 1.0});
        max_id = std::max({max_id, u, v});
    }
    if (!edges.empty()) node_count = std::max(node_count, max_id + 1);
    return edges;
}

// Normalised mutual information 2 I(X;Y) / (H(X) + H(Y)) (Danon et al. 2005; igraph's
// compare_communities(method="nmi")); 1 when both partitions are trivial and equal.
inline double nmi(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
    const double n = static_cast<double>(x.size());
    std::unordered_map<std::uint32_t, double> cx, cy;
    std::unordered_map<std::uint64_t, double> cxy;
    for (std::size_t i = 0; i < x.size(); ++i) {
        cx[x[i]] += 1;
        cy[y[i]] += 1;
        cxy[(static_cast<std::uint64_t>(x[i]) << 32) | y[i]] += 1;
    }
    auto entropy = [n](const std::unordered_map<std::uint32_t, double>& c) {
        double h = 0;
        for (const auto& [k, v] : c) h -= v / n * std::log(v / n);
        return h;
    };
    double mi = 0;
    for (const auto& [k, v] : cxy) {
        const double px = cx[static_cast<std::uint32_t>(k >> 32)] / n;
        const double py = cy[static_cast<std::uint32_t>(k & 0xffffffffu)] / n;
        mi += v / n * std::log(v / n / (px * py));
    }
    const double h = entropy(cx) + entropy(cy);
    return h <= 0 ? 1.0 : 2 * mi / h;
}

}  // namespace liaison::bench
