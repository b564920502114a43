#pragma once
// The columns of a Neo4j-style CSV header ("name:type", ":ID", ":START_ID", …), shared by the
// row reader (csv_format.cpp) and the fast relationship reader (csv_fast.cpp).
#include <optional>
#include <string>
#include <string_view>

#include "interchange/flat.hpp"

namespace liaison::detail {

inline constexpr char kArraySeparator = ';';

enum class Role { Id, Label, StartId, EndId, Type, Ignore, Attribute };

struct Column {
    Role role = Role::Attribute;
    std::string name;
    flat::AttrType type = flat::AttrType::String;
    std::optional<flat::AttrType> element;  // arrays of non-strings: int[], date[], …
};

// "name:type", ":ID", "id:ID(space)", ":LABEL", … → a column; nullopt with `error` set when the
// type is unknown.
std::optional<Column> parse_header(const std::string& header, std::string& error);
// A non-empty cell of the column as a value; nullopt with `error` set when it does not parse.
std::optional<Value> cell_value(const Column& c, std::string_view text, std::string& error);

}  // namespace liaison::detail
