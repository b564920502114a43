#pragma once
/// @file
/// The analysis request layer: one registry of the measures and community algorithms by name,
/// each with its options (names, types, defaults, ranges) and the function that runs it. The
/// CLI (`rank`, `communities`), report specs, `render --size-by` and the query procedures
/// (`CALL liaison.pagerank(…)`) all go through it, so a name means the same computation with
/// the same defaults everywhere (docs/algorithms.md, "Measures and algorithms by name").
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/csr.hpp"
#include "liaison/analysis/projection_request.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::analysis {

enum class OptionType { Flag, Integer, Number, Choice };

/// A value given for an option: from a flag, a query's map, a spec's JSON. An integer fits a
/// Number option; text is read by parse_option_text.
using OptionValue = std::variant<bool, std::int64_t, double, std::string>;
using OptionValues = std::vector<std::pair<std::string, OptionValue>>;

struct OptionSpec {
    std::string name;  ///< "damping"
    OptionType type = OptionType::Number;
    OptionValue fallback;                     ///< the default
    double min = -HUGE_VAL, max = HUGE_VAL;   ///< Integer, Number: the range
    bool min_open = false, max_open = false;  ///< whether it excludes its ends ([0, 1) for damping)
    std::vector<std::string> choices{};       ///< Choice
    std::string help;
};

/// Options after validation: every option of the algorithm, given or defaulted.
class AlgorithmOptions {
public:
    AlgorithmOptions() = default;
    explicit AlgorithmOptions(OptionValues values) : values_(std::move(values)) {}
    bool flag(std::string_view name) const;
    std::int64_t integer(std::string_view name) const;
    double number(std::string_view name) const;
    const std::string& choice(std::string_view name) const;
    const OptionValue& get(std::string_view name) const;
    const OptionValues& all() const { return values_; }

private:
    OptionValues values_;
};

enum class AlgorithmKind { Measure, Communities };

struct AlgorithmInfo {
    std::string name;                  ///< canonical: "pagerank", "label_propagation"
    std::vector<std::string> aliases;  ///< other accepted spellings ("labelprop")
    AlgorithmKind kind = AlgorithmKind::Measure;
    std::string title;       ///< "PageRank"
    std::string definition;  ///< one line for readers of a report
    bool counts = false;     ///< scores are whole numbers on an unweighted graph (degree, core)
    std::vector<OptionSpec> options;
    std::function<Scores(const Csr&, const AlgorithmOptions&)> measure;       ///< Measure
    std::function<Partition(const Csr&, const AlgorithmOptions&)> partition;  ///< Communities
};

/// Every registered algorithm, measures first, in a fixed order.
const std::vector<AlgorithmInfo>& algorithms();
/// The canonical names of one kind, in registry order.
std::vector<std::string> algorithm_names(AlgorithmKind kind);
/// The algorithm `communities` runs when none is named: Leiden (connected communities).
const std::string& default_community_algorithm();

/// The algorithm of that kind with this name or alias. Throws ArgumentError "FIELD: unknown
/// measure 'pagerenk' (did you mean 'pagerank'?); known: …" otherwise.
const AlgorithmInfo& find_algorithm(AlgorithmKind kind, std::string_view name,
                                    std::string_view field = "algorithm");

/// Checks the given options against the algorithm's schema and fills in the defaults. Throws
/// ArgumentError naming `field` and the option for an unknown option (with "did you mean"), a
/// value of the wrong type, or one out of range.
AlgorithmOptions validate_options(const AlgorithmInfo& info, const OptionValues& given,
                                  std::string_view field = "options");

/// Reads an option's value from text ("0.9", "true", "in"); throws ArgumentError naming
/// `field` when the algorithm has no such option or the text is not of its type.
OptionValue parse_option_text(const AlgorithmInfo& info, std::string_view option,
                              std::string_view text, std::string_view field = "--option");

/// Runs a measure by name: one score per vertex. Weighted when the Csr carries weights, unless
/// the option `weighted` is false.
Scores run_measure(const Csr& g, std::string_view name, const OptionValues& given = {},
                   std::string_view field = "measure");
/// Runs a community algorithm by name.
Partition run_communities(const Csr& g, std::string_view name, const OptionValues& given = {},
                          std::string_view field = "algorithm");

/// A measure on a projection of a property graph, one score per node index (0 for nodes the
/// projection leaves out): what drawings size nodes by. The default request is the whole
/// network read undirected and unweighted.
std::vector<double> node_scores(const PropertyGraph& g, std::string_view measure,
                                const ProjectionRequest& projection = {},
                                const OptionValues& given = {}, std::string_view field = "measure");
/// Communities on a projection, one number per node index (-1 for nodes left out).
std::vector<int> node_communities(const PropertyGraph& g, std::string_view algorithm,
                                  const ProjectionRequest& projection = {},
                                  const OptionValues& given = {},
                                  std::string_view field = "algorithm");

/// The option value as text, for messages and headers ("0.85", "true", "total").
std::string option_text(const OptionValue& v);

}  // namespace liaison::analysis
