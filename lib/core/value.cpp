#include "core/value.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace liaison {

const char* Value::kind_name(Kind k) {
    switch (k) {
        case Kind::Null:
            return "null";
        case Kind::Bool:
            return "boolean";
        case Kind::Int:
            return "integer";
        case Kind::Float:
            return "float";
        case Kind::String:
            return "string";
        case Kind::Date:
            return "date";
        case Kind::List:
            return "list";
    }
    return "?";
}

std::string Value::to_display() const {
    switch (kind()) {
        case Kind::Null:
            return "null";
        case Kind::Bool:
            return as_bool() ? "true" : "false";
        case Kind::Int:
            return std::to_string(as_int());
        case Kind::Float:
            return fmt::format("{}", as_float());
        case Kind::String:
            return as_string();
        case Kind::Date:
            return as_date().to_string();
        case Kind::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < as_list().size(); ++i) {
                if (i) out += ", ";
                out += as_list()[i].to_display();
            }
            return out + "]";
        }
    }
    return {};
}

const Value* Properties::get(std::string_view key) const {
    auto it = std::lower_bound(items_.begin(), items_.end(), key,
                               [](const Entry& e, std::string_view k) { return e.first < k; });
    return it != items_.end() && it->first == key ? &it->second : nullptr;
}

void Properties::set(std::string key, Value value) {
    auto it = std::lower_bound(items_.begin(), items_.end(), key,
                               [](const Entry& e, std::string_view k) { return e.first < k; });
    if (it != items_.end() && it->first == key)
        it->second = std::move(value);
    else
        items_.emplace(it, std::move(key), std::move(value));
}

bool Properties::erase(std::string_view key) {
    auto it = std::lower_bound(items_.begin(), items_.end(), key,
                               [](const Entry& e, std::string_view k) { return e.first < k; });
    if (it == items_.end() || it->first != key) return false;
    items_.erase(it);
    return true;
}

}  // namespace liaison
