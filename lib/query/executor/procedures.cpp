#include "query/executor/procedures.hpp"

#include <map>
#include <mutex>

#include <fmt/format.h>

#include "liaison/model/lookup.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/operators.hpp"
#include "query/executor/schema.hpp"
#ifdef LIAISON_QUERY_WITH_ANALYSIS
#include "query/procedures/analysis_procedures.hpp"
#endif

namespace liaison::query {

namespace {

std::vector<ValueMap> db_labels(ExecContext& ctx, const std::vector<Value>&) {
    std::vector<ValueMap> out;
    for (const auto& l : ctx.g().labels()) out.push_back({{"label", l}});
    return out;
}

std::vector<ValueMap> db_relationship_types(ExecContext& ctx, const std::vector<Value>&) {
    std::vector<ValueMap> out;
    for (const auto& t : ctx.g().relations().all())
        if (!ctx.g().edges_of_type(t.name).empty()) out.push_back({{"relationshipType", t.name}});
    return out;
}

std::vector<ValueMap> liaison_lookup(ExecContext& ctx, const std::vector<Value>& args) {
    if (args.empty() || args[0].kind() != Value::Kind::String)
        type_error("liaison.lookup expects a name");
    std::vector<ValueMap> out;
    for (NodeIndex n : lookup(ctx.g(), args[0].as_string()).matches)
        out.push_back({{"node", NodeRef{n}}});
    return out;
}

std::map<std::string, Procedure, std::less<>>& registry() {
    static std::map<std::string, Procedure, std::less<>> procedures = [] {
        std::map<std::string, Procedure, std::less<>> m;
        m["db.labels"] = {{"db.labels", {}, {"label"}, 0, {}}, db_labels};
        m["db.relationshipTypes"] = {{"db.relationshipTypes", {}, {"relationshipType"}, 0, {}},
                                     db_relationship_types};
        m["liaison.lookup"] = {{"liaison.lookup", {"name"}, {"node"}, 0, {}}, liaison_lookup};
        add_introspection_procedures(m);
        return m;
    }();
    return procedures;
}

std::mutex& registry_mutex() {
    static std::mutex m;
    return m;
}

}  // namespace

void register_procedure(Procedure procedure) {
    std::lock_guard lock(registry_mutex());
    registry()[procedure.info.name] = std::move(procedure);
}

void unregister_procedure(std::string_view name) {
    std::lock_guard lock(registry_mutex());
    auto it = registry().find(name);
    if (it != registry().end()) registry().erase(it);
}

const Procedure* lookup_procedure(std::string_view name) {
#ifdef LIAISON_QUERY_WITH_ANALYSIS
    // The analysis algorithms join the built-ins on first use.
    static std::once_flag analysis_once;
    std::call_once(analysis_once, register_analysis_procedures);
#endif
    std::lock_guard lock(registry_mutex());
    auto it = registry().find(name);
    return it == registry().end() ? nullptr : &it->second;
}

std::vector<ProcedureInfo> all_procedures() {
    lookup_procedure("");  // registers the analysis procedures if not yet done
    std::lock_guard lock(registry_mutex());
    std::vector<ProcedureInfo> out;
    for (const auto& [name, p] : registry()) out.push_back(p.info);
    return out;
}

std::optional<ProcedureInfo> find_procedure(std::string_view name) {
    const Procedure* p = lookup_procedure(name);
    if (!p) return std::nullopt;
    return p->info;
}

bool CallProcedure::produce(Row& row) {
    while (pos_ >= records_.size()) {
        if (!input_->next(current_)) return false;
        const Procedure* proc = lookup_procedure(clause_.procedure);
        if (!proc)
            runtime_error("ProcedureError", "ProcedureNotFound",
                          fmt::format("unknown procedure {}", clause_.procedure));
        std::vector<Value> args;
        for (const auto& e : clause_.exprs) args.push_back(eval(*e, current_, ctx()));
        // `CALL name` without parentheses takes its arguments from the parameters of the
        // same names.
        if (!clause_.has_arguments)
            for (const auto& in : proc->info.inputs) {
                const Value* v = ctx().params ? map_get(*ctx().params, in) : nullptr;
                if (!v)
                    runtime_error("ParameterMissing", "MissingParameter",
                                  fmt::format("{} needs the parameter ${}", clause_.procedure, in));
                args.push_back(*v);
            }
        // Trailing arguments may be left out: they are null (a procedure's default options).
        if (args.size() > proc->info.inputs.size())
            runtime_error(
                "SyntaxError", "InvalidNumberOfArguments",
                fmt::format("{} takes {} arguments", clause_.procedure, proc->info.inputs.size()));
        args.resize(proc->info.inputs.size());
        records_ = proc->run(ctx(), args);
        pos_ = 0;
        // A procedure without outputs (a void one) lets each row through once.
        if (proc->info.outputs.empty()) {
            row = current_;
            records_.clear();
            return true;
        }
        if (records_.empty()) continue;
    }
    row = current_;
    const ValueMap& rec = records_[pos_++];
    for (const auto& y : clause_.yields) {
        const Value* v = map_get(rec, y.field);
        row[y.slot] = v ? *v : Value();
    }
    return true;
}

}  // namespace liaison::query
