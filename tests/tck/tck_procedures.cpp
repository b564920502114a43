#include "tck_procedures.hpp"

#include <stdexcept>

#include "liaison/query/query.hpp"
#include "query/executor/procedures.hpp"

namespace liaison::tck {

namespace {

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t:");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

struct Field {
    std::string name, type;
};

// "a :: INTEGER?, b :: STRING?" -> fields; an empty list gives none.
std::vector<Field> fields(const std::string& list) {
    std::vector<Field> out;
    std::size_t pos = 0;
    while (pos < list.size()) {
        std::size_t comma = list.find(',', pos);
        std::string item =
            trim(list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
        pos = comma == std::string::npos ? list.size() : comma + 1;
        if (item.empty()) continue;
        std::size_t sep = item.find("::");
        if (sep == std::string::npos) throw std::runtime_error("field without a type: " + item);
        std::string type = trim(item.substr(sep + 2));
        if (!type.empty() && type.back() == '?') type.pop_back();
        out.push_back({trim(item.substr(0, sep)), type});
    }
    return out;
}

}  // namespace

std::string register_test_procedure(const std::string& signature,
                                    const std::vector<std::vector<std::string>>& table) {
    std::size_t open = signature.find('(');
    std::size_t close = signature.find(')', open);
    std::size_t open2 = signature.find('(', close);
    std::size_t close2 = signature.rfind(')');
    if (open == std::string::npos || close == std::string::npos || open2 == std::string::npos ||
        close2 == std::string::npos || close2 < open2)
        throw std::runtime_error("malformed procedure signature: " + signature);
    query::Procedure p;
    p.info.name = trim(signature.substr(0, open));
    for (const auto& f : fields(signature.substr(open + 1, close - open - 1))) {
        p.info.inputs.push_back(f.name);
        p.info.input_types.push_back(f.type);
    }
    for (const auto& f : fields(signature.substr(open2 + 1, close2 - open2 - 1)))
        p.info.outputs.push_back(f.name);
    p.info.required_inputs = p.info.inputs.size();
    // The table's columns are the inputs then the outputs, by name.
    std::vector<std::pair<std::vector<query::Value>, query::ValueMap>> rows;
    // A table of one empty row (a procedure that yields nothing) holds no header.
    if (!table.empty() && !(table.size() == 1 &&
                            (table[0].empty() || (table[0].size() == 1 && table[0][0].empty())))) {
        const auto& header = table[0];
        for (std::size_t r = 1; r < table.size(); ++r) {
            std::vector<query::Value> in(p.info.inputs.size());
            query::ValueMap out;
            for (std::size_t c = 0; c < header.size() && c < table[r].size(); ++c) {
                query::Value v = query::parse_parameter(table[r][c]);
                bool is_input = false;
                for (std::size_t i = 0; i < p.info.inputs.size(); ++i)
                    if (p.info.inputs[i] == header[c]) {
                        in[i] = v;
                        is_input = true;
                    }
                if (!is_input) query::map_set(out, header[c], v);
            }
            rows.emplace_back(std::move(in), std::move(out));
        }
    }
    p.run = [rows](query::ExecContext&, const std::vector<query::Value>& args) {
        std::vector<query::ValueMap> out;
        for (const auto& [in, values] : rows) {
            bool match = in.size() == args.size();
            for (std::size_t i = 0; match && i < in.size(); ++i) {
                // Null matches null here: the table spells the answer for a null argument.
                if (in[i].is_null() || args[i].is_null())
                    match = in[i].is_null() && args[i].is_null();
                else
                    match = query::order(in[i], args[i]) == 0;
            }
            if (match) out.push_back(values);
        }
        return out;
    };
    std::string name = p.info.name;
    query::register_procedure(std::move(p));
    return name;
}

TestProcedures::~TestProcedures() {
    for (const auto& n : names_) query::unregister_procedure(n);
}

void TestProcedures::add(const std::string& signature,
                         const std::vector<std::vector<std::string>>& table) {
    names_.push_back(register_test_procedure(signature, table));
}

}  // namespace liaison::tck
