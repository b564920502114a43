#include "liaison/interchange/error.hpp"

namespace liaison {

namespace {
// More than this many problems are summarised: a wrong file can have a bad row per line.
constexpr std::size_t kShownProblems = 50;

std::string list_problems(const std::vector<InputError>& problems) {
    std::string out;
    for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i) {
        if (i > 0) out += '\n';
        out += problems[i].what();
    }
    // Appended piece by piece: `"literal" + std::string&&` trips GCC 12's -Wrestrict at -O3.
    if (problems.size() > kShownProblems) {
        out += "\n… and ";
        out += std::to_string(problems.size() - kShownProblems);
        out += " more problems";
    }
    if (problems.size() > 1) {
        out += '\n';
        out += std::to_string(problems.size());
        out += " problems; nothing was imported";
    }
    return out;
}
}  // namespace

// what() is the whole list (each with its position), so the base carries no position itself.
ImportError::ImportError(std::vector<InputError> problems)
    : InputError(TextPosition{}, list_problems(problems)), problems_(std::move(problems)) {}

void ProblemLog::report(TextPosition where, const std::string& message) {
    problems_.emplace_back(std::move(where), message);
    if (strict_) throw ImportError(problems_);
}

void ProblemLog::finish() const {
    if (!problems_.empty()) throw ImportError(problems_);
}

}  // namespace liaison
