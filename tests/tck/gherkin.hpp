#pragma once
// A reader for the subset of Gherkin the openCypher TCK uses: Feature, Scenario, Scenario
// Outline with Examples, steps with doc strings ("""...""") and tables (| a | b |).
#include <string>
#include <vector>

namespace liaison::tck {

using Table = std::vector<std::vector<std::string>>;

struct Step {
    std::string keyword;  // Given, When, Then, And, But
    std::string text;     // the rest of the line
    std::string doc;      // doc string, when given
    Table table;          // table rows, when given
    int line = 0;
};

struct Scenario {
    std::string name;  // "[3] Create a single node with a label", " (example 2)" appended
    std::vector<Step> steps;
    int line = 0;
};

struct Feature {
    std::string name;
    std::vector<Scenario> scenarios;  // outlines expanded, one per example row
};

// Parses a .feature file's text; throws std::runtime_error naming the line on malformed input.
Feature parse_feature(const std::string& text);

}  // namespace liaison::tck
