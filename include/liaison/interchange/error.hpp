#pragma once
// Errors of importers and merges: every bad row is reported with file:line:column.
#include <cstddef>
#include <string>
#include <vector>

#include "liaison/core/error.hpp"

namespace liaison {

// One or more bad rows of an import. what() lists every problem, one per line, each as
// "file:line:column: what was expected"; problems() gives each with its position.
class ImportError : public InputError {
public:
    explicit ImportError(std::vector<InputError> problems);
    const std::vector<InputError>& problems() const { return problems_; }

private:
    std::vector<InputError> problems_;
};

// Collects the problems of one import. Strict: the first problem throws at once. Otherwise they
// accumulate and finish() throws them all together, so nothing is imported from bad input.
class ProblemLog {
public:
    explicit ProblemLog(bool strict) : strict_(strict) {}
    void report(TextPosition where, const std::string& message);
    bool empty() const { return problems_.empty(); }
    std::size_t size() const { return problems_.size(); }
    // Throws ImportError when any problem was reported.
    void finish() const;

private:
    bool strict_;
    std::vector<InputError> problems_;
};

}  // namespace liaison
