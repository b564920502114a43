#include "query/binder/catalog.hpp"

#include <cctype>

namespace liaison::query {

namespace {

constexpr FunctionInfo kFunctions[] = {
    // aggregates
    {"count", 1, 1, true},
    {"sum", 1, 1, true},
    {"avg", 1, 1, true},
    {"min", 1, 1, true},
    {"max", 1, 1, true},
    {"collect", 1, 1, true},
    {"percentilecont", 2, 2, true},
    {"percentiledisc", 2, 2, true},
    {"stdev", 1, 1, true},
    {"stdevp", 1, 1, true},
    // graph
    {"id", 1, 1, false},
    {"labels", 1, 1, false},
    {"type", 1, 1, false},
    {"keys", 1, 1, false},
    {"properties", 1, 1, false},
    {"startnode", 1, 1, false},
    {"endnode", 1, 1, false},
    {"nodes", 1, 1, false},
    {"relationships", 1, 1, false},
    {"length", 1, 1, false},
    {"exists", 1, 1, false},
    // lists and scalars
    {"size", 1, 1, false},
    {"head", 1, 1, false},
    {"last", 1, 1, false},
    {"tail", 1, 1, false},
    {"range", 2, 3, false},
    {"reverse", 1, 1, false},
    {"coalesce", 1, -1, false},
    {"tointeger", 1, 1, false},
    {"tofloat", 1, 1, false},
    {"tostring", 1, 1, false},
    {"toboolean", 1, 1, false},
    {"abs", 1, 1, false},
    {"sign", 1, 1, false},
    {"ceil", 1, 1, false},
    {"floor", 1, 1, false},
    {"round", 1, 1, false},
    {"sqrt", 1, 1, false},
    {"exp", 1, 1, false},
    {"log", 1, 1, false},
    {"log10", 1, 1, false},
    {"sin", 1, 1, false},
    {"cos", 1, 1, false},
    {"tan", 1, 1, false},
    {"asin", 1, 1, false},
    {"acos", 1, 1, false},
    {"atan", 1, 1, false},
    {"atan2", 2, 2, false},
    {"pi", 0, 0, false},
    {"e", 0, 0, false},
    {"rand", 0, 0, false},
    {"substring", 2, 3, false},
    {"toupper", 1, 1, false},
    {"tolower", 1, 1, false},
    {"trim", 1, 1, false},
    {"ltrim", 1, 1, false},
    {"rtrim", 1, 1, false},
    {"replace", 3, 3, false},
    {"split", 2, 2, false},
    {"left", 2, 2, false},
    {"right", 2, 2, false},
    // temporal (executor/temporal_functions.cpp)
    {"date", 0, 1, false},
    {"localtime", 0, 1, false},
    {"time", 0, 1, false},
    {"localdatetime", 0, 1, false},
    {"datetime", 0, 1, false},
    {"duration", 1, 1, false},
    {"date.transaction", 0, 1, false},
    {"date.statement", 0, 1, false},
    {"date.realtime", 0, 1, false},
    {"localtime.transaction", 0, 1, false},
    {"localtime.statement", 0, 1, false},
    {"localtime.realtime", 0, 1, false},
    {"time.transaction", 0, 1, false},
    {"time.statement", 0, 1, false},
    {"time.realtime", 0, 1, false},
    {"localdatetime.transaction", 0, 1, false},
    {"localdatetime.statement", 0, 1, false},
    {"localdatetime.realtime", 0, 1, false},
    {"datetime.transaction", 0, 1, false},
    {"datetime.statement", 0, 1, false},
    {"datetime.realtime", 0, 1, false},
    {"date.truncate", 2, 3, false},
    {"localtime.truncate", 2, 3, false},
    {"time.truncate", 2, 3, false},
    {"localdatetime.truncate", 2, 3, false},
    {"datetime.truncate", 2, 3, false},
    {"duration.between", 2, 2, false},
    {"duration.inmonths", 2, 2, false},
    {"duration.indays", 2, 2, false},
    {"duration.inseconds", 2, 2, false},
    {"datetime.fromepoch", 2, 2, false},
    {"datetime.fromepochmillis", 1, 1, false},
    {"timestamp", 0, 0, false},
    // liaison
    {"liaison.named", 2, 2, false},
};

}  // namespace

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<FunctionInfo> find_function(std::string_view name) {
    std::string key = lower(name);
    for (const FunctionInfo& f : kFunctions)
        if (f.name == key) return f;
    return std::nullopt;
}

}  // namespace liaison::query
