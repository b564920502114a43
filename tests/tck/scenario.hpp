#pragma once
// Runs one TCK scenario: sets up the graph, executes the queries and checks the expectations.
#include <string>

#include "gherkin.hpp"

namespace liaison::tck {

struct Outcome {
    enum class Status { Passed, Failed, Skipped } status = Status::Passed;
    std::string message;
};

// graphs_dir holds the TCK's named graphs (binary-tree-1/binary-tree-1.cypher, ...).
Outcome run_scenario(const Scenario& s, const std::string& graphs_dir);

}  // namespace liaison::tck
