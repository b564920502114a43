#include "query/executor/schema.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "query/executor/functions.hpp"
#include "query/executor/procedures.hpp"

namespace liaison::query {

std::string SchemaUpdate::describe() const {
    const IndexDefinition& d = command_.index;
    if (command_.drop) return fmt::format("DropIndex {}", d.name);
    std::string props;
    for (const auto& p : d.properties) props += (props.empty() ? "" : ", ") + p;
    return fmt::format("CreateIndex {}{} on {}{}({})", d.name.empty() ? "" : d.name + " ",
                       d.relationships ? "relationships" : "nodes",
                       d.relationships ? "[:" + d.label + "]" : ":" + d.label, "", props);
}

bool SchemaUpdate::produce(Row& row) {
    if (!input_->next(row)) return false;
    ExecContext& c = ctx();
    IndexDefinition d = command_.index;
    const std::vector<IndexDefinition>& now = c.g().indexes;
    if (command_.drop) {
        if (!find_index(now, d.name)) {
            if (command_.if_exists) return false;
            runtime_error("SchemaError", "IndexNotFound",
                          fmt::format("cannot drop index '{}': there is no such index", d.name));
        }
        c.w().drop_index(d.name);
        ++c.stats.indexes_removed;
        return false;
    }
    if (d.name.empty()) d.name = default_index_name(d);
    for (const IndexDefinition& x : now) {
        if (x.name != d.name && !x.equivalent(d)) continue;
        if (command_.if_exists) return false;  // IF NOT EXISTS: nothing to do
        if (x.name == d.name)
            runtime_error("SchemaError", "IndexAlreadyExists",
                          fmt::format("an index named '{}' already exists", d.name));
        runtime_error("SchemaError", "EquivalentSchemaRuleAlreadyExists",
                      fmt::format("an equivalent index already exists: '{}'", x.name));
    }
    try {
        c.w().create_index(std::move(d));
    } catch (const ArgumentError& e) {
        runtime_error("SchemaError", "InvalidIndex", e.what());
    }
    ++c.stats.indexes_added;
    return false;
}

namespace {

ValueList strings(const std::vector<std::string>& v) { return ValueList(v.begin(), v.end()); }

// The index's position among the definitions sorted by name, from 1: ids are stable while
// the set of indexes does not change.
std::vector<ValueMap> db_indexes(ExecContext& ctx, const std::vector<Value>&) {
    std::vector<ValueMap> out;
    std::int64_t id = 0;
    for (const IndexDefinition& d : ctx.g().indexes) {
        ValueMap m;
        m.emplace_back("entityType", std::string(d.relationships ? "RELATIONSHIP" : "NODE"));
        m.emplace_back("id", ++id);
        m.emplace_back("indexProvider", std::string("liaison-memory-1.0"));
        m.emplace_back("labelsOrTypes", ValueList{Value(d.label)});
        m.emplace_back("name", d.name);
        m.emplace_back("populationPercent", 100.0);
        m.emplace_back("properties", strings(d.properties));
        m.emplace_back("state", std::string("ONLINE"));
        m.emplace_back("type", std::string("RANGE"));
        out.push_back(std::move(m));
    }
    return out;
}

// Every property key a node or relationship reads (stored keys, and the name and time fields
// queries see as properties), sorted.
std::vector<ValueMap> db_property_keys(ExecContext& ctx, const std::vector<Value>&) {
    std::set<std::string, std::less<>> keys;
    const PropertyGraph& g = ctx.g();
    auto time = [&](const TimeSpan& t) {
        if (t.date) keys.insert("date");
        if (t.start) keys.insert("start");
        if (t.end) keys.insert("end");
    };
    for (const Node& n : g.nodes()) {
        for (const auto& [k, v] : n.properties) keys.insert(k);
        if (!n.names.en.empty() || !n.names.ar.empty()) keys.insert("name");
        if (!n.names.en.empty()) keys.insert("name_en");
        if (!n.names.ar.empty()) keys.insert("name_ar");
        if (!n.names.aliases.empty()) keys.insert("aliases");
        time(n.time);
    }
    for (const Edge& e : g.edges()) {
        for (const auto& [k, v] : e.properties) keys.insert(k);
        time(e.time);
    }
    std::vector<ValueMap> out;
    for (const auto& k : keys) out.push_back({{"propertyKey", k}});
    return out;
}

std::string type_names(ValueTypes t) {
    namespace ty = types;
    if ((t | ty::kNull) == ty::kAny) return "ANY";
    std::vector<std::string> names;
    auto add = [&](ValueTypes bit, const char* name) {
        if (t & bit) names.emplace_back(name);
    };
    if ((t & ty::kNumber) == ty::kNumber) {
        names.emplace_back("NUMBER");
        t = static_cast<ValueTypes>(t & ~ty::kNumber);
    }
    add(ty::kBool, "BOOLEAN");
    add(ty::kInt, "INTEGER");
    add(ty::kFloat, "FLOAT");
    add(ty::kString, "STRING");
    add(ty::kList, "LIST");
    add(ty::kMap, "MAP");
    add(ty::kNode, "NODE");
    add(ty::kRel, "RELATIONSHIP");
    add(ty::kPath, "PATH");
    add(ty::kTemporal, "TEMPORAL");
    if (names.empty()) return "NULL";
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : " | ") + n;
    return out;
}

// From the result type: what Neo4j's categories mean for the functions liaison has.
std::string category(const FunctionDef& f) {
    namespace ty = types;
    if (f.is_aggregate()) return "Aggregating";
    ValueTypes r = static_cast<ValueTypes>(f.result & ~ty::kNull);
    if (r == ty::kList) return "List";
    if (r == ty::kString) return "String";
    if (r == ty::kBool) return "Predicate";
    if (r == ty::kTemporal) return "Temporal";
    if (r && (r & ~ty::kNumber) == 0) return "Numeric";
    return "Scalar";
}

std::string signature(const FunctionDef& f) {
    std::string args;
    int shown = f.max_args < 0 ? std::max<int>(f.min_args, 1) : f.max_args;
    for (int i = 0; i < shown; ++i) {
        std::string a = type_names(
            static_cast<ValueTypes>(f.accepts(static_cast<std::size_t>(i)) & ~types::kNull));
        if (i >= f.min_args) a = "[" + a + "]";
        args += (i ? ", " : "") + a;
    }
    if (f.max_args < 0) args += ", …";
    return fmt::format("{}({}) :: {}", f.name, args,
                       type_names(static_cast<ValueTypes>(f.result & ~types::kNull)));
}

std::vector<ValueMap> dbms_functions(ExecContext&, const std::vector<Value>&) {
    std::vector<const FunctionDef*> fs;
    for (const FunctionDef& f : all_functions()) fs.push_back(&f);
    std::sort(fs.begin(), fs.end(),
              [](const FunctionDef* a, const FunctionDef* b) { return a->name < b->name; });
    std::vector<ValueMap> out;
    for (const FunctionDef* f : fs)
        out.push_back({{"aggregating", f->is_aggregate()},
                       {"category", category(*f)},
                       {"isBuiltIn", true},
                       {"name", std::string(f->name)},
                       {"signature", signature(*f)}});
    return out;
}

// One line per built-in procedure; the analysis algorithms point to their documentation.
Value description(std::string_view name) {
    static const std::map<std::string_view, std::string_view> kText = {
        {"db.indexes", "The property indexes of the network (SHOW INDEXES)."},
        {"db.labels", "The labels in use."},
        {"db.propertyKeys", "Every property key of the network's nodes and relationships."},
        {"db.relationshipTypes", "The relationship types in use."},
        {"dbms.functions", "The functions of the query language (SHOW FUNCTIONS)."},
        {"dbms.procedures", "The procedures CALL can run (SHOW PROCEDURES)."},
        {"liaison.lookup", "Entities by any spelling of a name, as the CLI finds them."},
    };
    auto it = kText.find(name);
    if (it != kText.end()) return std::string(it->second);
    if (name.rfind("liaison.", 0) == 0)
        return fmt::format("The analysis algorithm {} (docs/algorithms.md).", name.substr(8));
    return {};
}

std::vector<ValueMap> dbms_procedures(ExecContext&, const std::vector<Value>&) {
    std::vector<ValueMap> out;
    for (const ProcedureInfo& p : all_procedures()) {
        std::string args;
        for (std::size_t i = 0; i < p.inputs.size(); ++i) {
            args += (i ? ", " : "") + p.inputs[i] +
                    " :: " + (i < p.input_types.size() ? p.input_types[i] : std::string("ANY"));
            if (i >= p.required_inputs) args += "?";
        }
        std::string outs;
        for (const auto& o : p.outputs) outs += (outs.empty() ? "" : ", ") + o;
        out.push_back({{"description", description(p.name)},
                       {"mode", std::string("READ")},
                       {"name", p.name},
                       {"signature", fmt::format("{}({}) :: ({})", p.name, args, outs)},
                       {"worksOnSystem", false}});
    }
    return out;
}

}  // namespace

void add_introspection_procedures(std::map<std::string, Procedure, std::less<>>& m) {
    auto add = [&](const char* name, std::vector<std::string> outputs, ProcedureFn fn) {
        m[name] = {{name, {}, std::move(outputs), 0, {}}, std::move(fn)};
    };
    add("db.indexes",
        {"id", "name", "state", "populationPercent", "type", "entityType", "labelsOrTypes",
         "properties", "indexProvider"},
        db_indexes);
    add("db.propertyKeys", {"propertyKey"}, db_property_keys);
    add("dbms.procedures", {"name", "description", "mode", "worksOnSystem", "signature"},
        dbms_procedures);
    add("dbms.functions", {"name", "category", "signature", "isBuiltIn", "aggregating"},
        dbms_functions);
}

}  // namespace liaison::query
