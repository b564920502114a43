#include "fixtures.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace fixtures {

namespace fs = std::filesystem;

static fs::path folder() { return fs::path(LIAISON_TEST_DATA) / "analysis"; }

Fixture load(const std::string& name) {
    std::ifstream in(folder() / (name + ".json"));
    if (!in) throw std::runtime_error("missing fixture " + name);
    std::stringstream text;
    text << in.rdbuf();
    Fixture f;
    f.doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.str().c_str());
    if (f.doc.HasParseError()) throw std::runtime_error("bad fixture " + name);
    f.name = name;
    f.directed = f.doc["directed"].GetBool();
    f.weighted = f.doc["weighted"].GetBool();
    for (const auto& v : f.doc["nodes"].GetArray()) f.nodes.emplace_back(v.GetString());
    for (const auto& e : f.doc["edges"].GetArray()) {
        f.edges.push_back({e[0].GetUint(), e[1].GetUint(), e[2].GetDouble()});
    }
    return f;
}

std::vector<std::string> all_names() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder())) {
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

liaison::analysis::Csr Fixture::csr() const {
    liaison::analysis::CsrOptions options;
    options.directed = directed;
    options.weighted = weighted;
    return liaison::analysis::Csr::from_edges(static_cast<std::uint32_t>(nodes.size()), edges,
                                              options);
}

bool Fixture::has(const char* key) const {
    return reference().HasMember(key) && !reference()[key].IsNull();
}

std::vector<double> Fixture::values(const char* key) const {
    std::vector<double> out;
    for (const auto& v : reference()[key].GetArray())
        out.push_back(v.IsNull() ? std::numeric_limits<double>::infinity() : v.GetDouble());
    return out;
}

double Fixture::number(const char* key) const { return reference()[key].GetDouble(); }

std::vector<std::uint32_t> Fixture::list(const char* key) const {
    std::vector<std::uint32_t> out;
    for (const auto& v : reference()[key].GetArray()) out.push_back(v.GetUint());
    return out;
}

std::vector<std::vector<std::uint32_t>> Fixture::lists(const char* key) const {
    std::vector<std::vector<std::uint32_t>> out;
    for (const auto& row : reference()[key].GetArray()) {
        out.emplace_back();
        for (const auto& v : row.GetArray()) out.back().push_back(v.GetUint());
    }
    return out;
}

double max_difference(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return std::numeric_limits<double>::infinity();
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isinf(a[i]) && std::isinf(b[i])) continue;
        worst = std::max(worst, std::abs(a[i] - b[i]));
    }
    return worst;
}

}  // namespace fixtures
