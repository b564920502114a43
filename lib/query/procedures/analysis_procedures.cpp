#include "query/procedures/analysis_procedures.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "liaison/analysis/projection_request.hpp"
#include "liaison/analysis/registry.hpp"
#include "liaison/core/error.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/procedures.hpp"

namespace liaison::query {

namespace {

// The config keys that choose the projection; every other key is an algorithm option.
const std::vector<std::string> kProjectionKeys{"labels", "types",  "direction", "from",
                                               "to",     "weight", "fold",      "keep_undated"};

[[noreturn]] void bad_argument(const std::string& message) {
    runtime_error("ArgumentError", "InvalidArgumentValue", message);
}

std::vector<std::string> strings(const Value& v, std::string_view key) {
    if (v.kind() == Value::Kind::String) return {v.as_string()};
    if (v.kind() != Value::Kind::List)
        type_error(fmt::format("'{}' must be a list of strings", key));
    std::vector<std::string> out;
    for (const auto& x : v.as_list()) {
        if (x.kind() != Value::Kind::String)
            type_error(fmt::format("'{}' must be a list of strings", key));
        out.push_back(x.as_string());
    }
    return out;
}

const std::string& text(const Value& v, std::string_view key, std::string_view what) {
    if (v.kind() != Value::Kind::String) type_error(fmt::format("'{}' must {}", key, what));
    return v.as_string();
}

ValueMap config_of(const std::vector<Value>& args) {
    if (args.empty() || args[0].is_null()) return {};
    if (args[0].kind() != Value::Kind::Map) type_error("the procedure expects a map of options");
    return args[0].as_map();
}

// The request a config map makes: its projection keys, and the algorithm's options (checked
// against the registry's schema by the caller).
struct Request {
    analysis::ProjectionRequest projection;
    analysis::OptionValues options;
};

Request request_of(const ValueMap& config) {
    Request r;
    for (const auto& [key, v] : config) {
        if (v.is_null()) continue;
        if (key == "labels") {
            r.projection.labels = strings(v, key);
        } else if (key == "types") {
            r.projection.types = strings(v, key);
        } else if (key == "direction") {
            r.projection.direction = text(v, key, "be 'undirected', 'directed' or 'reversed'");
        } else if (key == "from" || key == "to") {
            // A date value bounds the window directly; a text is a window text (window.hpp).
            if (v.kind() == Value::Kind::Date) {
                (key == "from" ? r.projection.window.from : r.projection.window.to) = v.as_date();
            } else {
                (key == "from" ? r.projection.from : r.projection.to) =
                    text(v, key, "be a date, a window text ('2025', '2023..2025') or an event");
            }
        } else if (key == "weight") {
            r.projection.weight = text(v, key, "name an edge property (or be 'count')");
        } else if (key == "fold") {
            r.projection.fold = text(v, key, "name a label");
        } else if (key == "keep_undated") {
            if (v.kind() != Value::Kind::Bool) type_error("'keep_undated' must be true or false");
            r.projection.keep_undated = v.as_bool();
        } else if (v.kind() == Value::Kind::Bool) {
            r.options.emplace_back(key, v.as_bool());
        } else if (v.kind() == Value::Kind::Int) {
            r.options.emplace_back(key, v.as_int());
        } else if (v.kind() == Value::Kind::Float) {
            r.options.emplace_back(key, v.as_float());
        } else if (v.kind() == Value::Kind::String) {
            r.options.emplace_back(key, v.as_string());
        } else {
            type_error(fmt::format("'{}' must be a boolean, a number or a string", key));
        }
    }
    return r;
}

// Library errors (an unknown option, a label no node has, a bad window) as the query's
// argument errors, the message naming the procedure.
template <typename F>
auto checked(const std::string& procedure, F&& f) {
    try {
        return f();
    } catch (const ArgumentError& e) {
        bad_argument(fmt::format("{}: {}", procedure, e.what()));
    } catch (const LookupError& e) {
        bad_argument(fmt::format("{}: {}", procedure, e.what()));
    }
}

ProcedureFn run(const analysis::AlgorithmInfo& info) {
    const std::string procedure = "liaison." + info.name;
    return [&info, procedure](ExecContext& ctx, const std::vector<Value>& args) {
        const Request r = request_of(config_of(args));
        std::vector<ValueMap> out;
        checked(procedure, [&] {
            const std::string field = "config";
            const analysis::AlgorithmOptions options =
                analysis::validate_options(info, r.options, field);
            const analysis::Projection p = analysis::project(ctx.g(), r.projection, "");
            const auto& origins = p.graph.origins();
            if (info.kind == analysis::AlgorithmKind::Measure) {
                const analysis::Scores s = info.measure(p.graph, options);
                for (std::size_t v = 0; v < s.value.size(); ++v)
                    out.push_back({{"node", NodeRef{origins[v]}}, {"score", s.value[v]}});
            } else {
                const analysis::Partition part = info.partition(p.graph, options);
                for (std::size_t v = 0; v < part.membership.size(); ++v)
                    out.push_back({{"community", std::int64_t{part.membership[v]}},
                                   {"node", NodeRef{origins[v]}}});
            }
            return 0;
        });
        return out;
    };
}

}  // namespace

void register_analysis_procedures() {
    for (const analysis::AlgorithmInfo& info : analysis::algorithms()) {
        const bool measure = info.kind == analysis::AlgorithmKind::Measure;
        std::vector<std::string> outputs = measure ? std::vector<std::string>{"node", "score"}
                                                   : std::vector<std::string>{"node", "community"};
        register_procedure({{"liaison." + info.name, {"config"}, outputs, 0, {}}, run(info)});
    }
}

}  // namespace liaison::query
