#pragma once
// The TCK's test procedures: a step "there exists a procedure name(in :: TYPE?, ...) ::
// (out :: TYPE?, ...):" declares a procedure by its signature and a table of input and output
// values; a call returns the output columns of the rows whose inputs equal its arguments.
#include <string>
#include <vector>

namespace liaison::tck {

// Registers the procedure of the step text (after "there exists a procedure ") and its table
// (header row first); returns its name. Throws std::runtime_error on a malformed signature.
std::string register_test_procedure(const std::string& signature,
                                    const std::vector<std::vector<std::string>>& table);

// Removes the procedures a scenario registered when it ends.
class TestProcedures {
public:
    TestProcedures() = default;
    TestProcedures(const TestProcedures&) = delete;
    TestProcedures& operator=(const TestProcedures&) = delete;
    ~TestProcedures();
    void add(const std::string& signature, const std::vector<std::vector<std::string>>& table);

private:
    std::vector<std::string> names_;
};

}  // namespace liaison::tck
