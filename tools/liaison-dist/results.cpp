// The results table (results.hpp).
#include "results.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "collective.hpp"

namespace liaison::dist {

namespace {

std::vector<std::string> read_ids(const std::string& path, Index n) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open for reading");
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::int64_t> seen;
    std::string line;
    std::int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty())
            throw InputError(path + ":" + std::to_string(number) +
                             ":1: expected an id, found an empty line");
        if (auto tab = line.find('\t'); tab != std::string::npos)
            throw InputError(path + ":" + std::to_string(number) + ":" + std::to_string(tab + 1) +
                             ": expected an id without tabs");
        if (auto [it, fresh] = seen.emplace(line, number); !fresh)
            throw InputError(path + ":" + std::to_string(number) + ":1: id '" + line +
                             "' repeats line " + std::to_string(it->second));
        ids.push_back(line);
    }
    if (static_cast<Index>(ids.size()) != n)
        throw InputError(path + ": " + std::to_string(ids.size()) + " ids for " +
                         std::to_string(n) + " vertices (one id per line, line i naming vertex i)");
    return ids;
}

void format_number(std::string& out, double x) {
    char buffer[40];
    const int length = std::snprintf(buffer, sizeof buffer, "%.17g", x);
    out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

Results::Results(const Graph& g, const std::string& ids_path, const std::string& output)
    : g_(g), output_(output) {
    std::optional<Problem> problem;
    if (g.rank == 0) {
        try {
            if (!ids_path.empty()) ids_ = read_ids(ids_path, g.n);
            if (output_ == "-") {
                file_ = stdout;
            } else {
                partial_ = output_ + ".part";
                file_ = std::fopen(partial_.c_str(), "wb");
                if (!file_)
                    throw InputError(output_ + ": cannot write here (" + std::strerror(errno) +
                                     ")");
            }
        } catch (const InputError& e) {
            problem = Problem{0, e.what()};
        }
    }
    agree(g.comm, problem);
}

Results::~Results() {
    if (file_ && file_ != stdout) {
        std::fclose(file_);
        std::filesystem::remove(partial_);  // not renamed: the run did not finish
    }
}

Index Results::vertex_of(const std::string& name, const std::string& option) const {
    Index vertex = -1;
    std::optional<Problem> problem;
    if (g_.rank == 0) {
        if (!ids_.empty()) {
            auto it = std::find(ids_.begin(), ids_.end(), name);
            if (it != ids_.end())
                vertex = it - ids_.begin();
            else
                problem = Problem{0, option + ": no vertex has the id '" + name + "'"};
        } else {
            Index number = 0;
            auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), number);
            if (ec == std::errc() && end == name.data() + name.size() && number >= 1 &&
                number <= g_.n)
                vertex = number - 1;
            else
                problem =
                    Problem{0, option + ": expected a vertex number from 1 to " +
                                   std::to_string(g_.n) + " (no ids file), found '" + name + "'"};
        }
    }
    agree(g_.comm, problem);
    MPI_Bcast(&vertex, 1, MPI_INT64_T, 0, g_.comm);
    return vertex;
}

std::vector<double> Results::gather(const std::vector<double>& local) const {
    int ranks = 1;
    MPI_Comm_size(g_.comm, &ranks);
    std::vector<int> counts(static_cast<std::size_t>(ranks)),
        displs(static_cast<std::size_t>(ranks));
    for (int r = 0; r < ranks; ++r) {
        counts[static_cast<std::size_t>(r)] = static_cast<int>(
            g_.starts[static_cast<std::size_t>(r) + 1] - g_.starts[static_cast<std::size_t>(r)]);
        displs[static_cast<std::size_t>(r)] =
            static_cast<int>(g_.starts[static_cast<std::size_t>(r)]);
    }
    std::vector<double> all(g_.rank == 0 ? static_cast<std::size_t>(g_.n) : 0);
    MPI_Gatherv(local.data(), static_cast<int>(local.size()), MPI_DOUBLE, all.data(), counts.data(),
                displs.data(), MPI_DOUBLE, 0, g_.comm);
    return all;
}

void Results::add(const std::string& name, const std::vector<double>& local) {
    std::vector<double> all = gather(local);
    names_.push_back(name);
    columns_.push_back(std::move(all));
}

void Results::add_components(const std::string& name, const std::vector<double>& roots) {
    std::vector<double> all = gather(roots);
    if (g_.rank == 0) {
        const std::size_t n = all.size();
        std::vector<Index> size(n, 0);
        for (double r : all) ++size[static_cast<std::size_t>(r)];
        std::vector<Index> order;
        for (std::size_t v = 0; v < n; ++v)
            if (size[v] > 0) order.push_back(static_cast<Index>(v));
        // A root is its component's smallest vertex: sort by size, then by root.
        std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
            return size[static_cast<std::size_t>(a)] > size[static_cast<std::size_t>(b)];
        });
        std::vector<double> number(n, 0);
        for (std::size_t k = 0; k < order.size(); ++k)
            number[static_cast<std::size_t>(order[k])] = static_cast<double>(k);
        for (double& r : all) r = number[static_cast<std::size_t>(r)];
    }
    names_.push_back(name);
    columns_.push_back(std::move(all));
}

void Results::write() {
    std::optional<Problem> problem;
    if (g_.rank == 0) {
        std::string text = "id";
        for (const std::string& name : names_) text += "\t" + name;
        text += "\n";
        bool ok = true;
        for (Index v = 0; v < g_.n && ok; ++v) {
            if (ids_.empty())
                text += std::to_string(v + 1);
            else
                text += ids_[static_cast<std::size_t>(v)];
            for (const auto& column : columns_) {
                text += '\t';
                format_number(text, column[static_cast<std::size_t>(v)]);
            }
            text += '\n';
            if (text.size() > (1u << 20) || v + 1 == g_.n) {
                ok = std::fwrite(text.data(), 1, text.size(), file_) == text.size();
                text.clear();
            }
        }
        if (g_.n == 0) ok = std::fwrite(text.data(), 1, text.size(), file_) == text.size();
        if (file_ == stdout) {
            ok = std::fflush(stdout) == 0 && ok;
            file_ = nullptr;
        } else {
            ok = std::fclose(file_) == 0 && ok;
            file_ = nullptr;
            std::error_code ec;
            if (ok) std::filesystem::rename(partial_, output_, ec);
            if (!ok || ec) {
                std::filesystem::remove(partial_, ec);
                problem = Problem{0, output_ + ": could not write the results"};
            }
        }
    }
    agree(g_.comm, problem);
}

}  // namespace liaison::dist
