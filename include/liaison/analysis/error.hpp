#pragma once
// The analysis module's error: an algorithm cannot run on the input it was given (a negative
// weight for Dijkstra, a diameter of a disconnected graph). Invalid options throw ArgumentError.
#include <string>

#include "liaison/core/error.hpp"

namespace liaison::analysis {

class AnalysisError : public Error {
public:
    explicit AnalysisError(const std::string& message) : Error("analysis: " + message) {}
};

}  // namespace liaison::analysis
