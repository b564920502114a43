#include "gherkin.hpp"

#include <sstream>
#include <stdexcept>

namespace liaison::tck {

namespace {

std::string trim(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    std::size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

std::vector<std::string> split_row(const std::string& line) {
    std::vector<std::string> cells;
    std::string cur;
    bool started = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        // Gherkin's table escapes: \| is a bar and \\ a backslash.
        if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '|' || line[i + 1] == '\\')) {
            cur += line[i + 1];
            ++i;
        } else if (c == '|') {
            if (started) cells.push_back(trim(cur));
            started = true;
            cur.clear();
        } else {
            cur += c;
        }
    }
    return cells;
}

std::string substitute(std::string s, const std::vector<std::string>& names,
                       const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string key = "<" + names[i] + ">";
        for (std::size_t pos = 0; (pos = s.find(key, pos)) != std::string::npos;) {
            s.replace(pos, key.size(), values[i]);
            pos += values[i].size();
        }
    }
    return s;
}

}  // namespace

Feature parse_feature(const std::string& text) {
    Feature f;
    std::vector<std::string> lines;
    {
        std::istringstream in(text);
        for (std::string l; std::getline(in, l);) lines.push_back(l);
    }
    struct Raw {
        Scenario s;
        bool outline = false;
        Table examples;
    };
    std::vector<Raw> raws;
    std::vector<Step> background;
    bool in_background = false;
    bool in_examples = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string t = trim(lines[i]);
        if (t.empty() || t[0] == '#' || t[0] == '@') continue;
        int line_no = static_cast<int>(i) + 1;
        if (starts_with(t, "Feature:")) {
            f.name = trim(t.substr(8));
        } else if (starts_with(t, "Background:")) {
            in_background = true;
        } else if (starts_with(t, "Scenario Outline:") || starts_with(t, "Scenario:")) {
            bool outline = starts_with(t, "Scenario Outline:");
            Raw r;
            r.outline = outline;
            r.s.name = trim(t.substr(outline ? 17 : 9));
            r.s.line = line_no;
            r.s.steps = background;
            raws.push_back(std::move(r));
            in_background = false;
            in_examples = false;
        } else if (starts_with(t, "Examples:")) {
            in_examples = true;
        } else if (t[0] == '|') {
            auto row = split_row(t);
            if (in_examples) {
                if (raws.empty()) throw std::runtime_error("examples outside a scenario");
                raws.back().examples.push_back(row);
            } else {
                std::vector<Step>& steps = in_background ? background : raws.back().s.steps;
                if (steps.empty()) throw std::runtime_error("table outside a step");
                steps.back().table.push_back(row);
            }
        } else if (starts_with(t, "\"\"\"")) {
            std::size_t indent = lines[i].find("\"\"\"");
            std::string doc;
            for (++i; i < lines.size() && trim(lines[i]) != "\"\"\""; ++i) {
                std::string l = lines[i];
                std::size_t strip = 0;
                while (strip < indent && strip < l.size() && l[strip] == ' ') ++strip;
                doc += l.substr(strip) + "\n";
            }
            if (!doc.empty()) doc.pop_back();
            std::vector<Step>& steps = in_background ? background : raws.back().s.steps;
            if (steps.empty()) throw std::runtime_error("doc string outside a step");
            steps.back().doc = doc;
        } else {
            std::size_t sp = t.find(' ');
            Step s;
            s.keyword = t.substr(0, sp);
            s.text = sp == std::string::npos ? "" : trim(t.substr(sp + 1));
            s.line = line_no;
            if (in_background) {
                background.push_back(std::move(s));
            } else {
                if (raws.empty())
                    throw std::runtime_error("line " + std::to_string(line_no) +
                                             ": step outside a scenario");
                raws.back().s.steps.push_back(std::move(s));
            }
        }
    }
    for (auto& r : raws) {
        if (!r.outline) {
            f.scenarios.push_back(std::move(r.s));
            continue;
        }
        if (r.examples.size() < 2) continue;
        const auto& names = r.examples[0];
        for (std::size_t k = 1; k < r.examples.size(); ++k) {
            Scenario s = r.s;
            s.name += " (example " + std::to_string(k) + ")";
            for (auto& step : s.steps) {
                step.text = substitute(step.text, names, r.examples[k]);
                step.doc = substitute(step.doc, names, r.examples[k]);
                for (auto& row : step.table)
                    for (auto& cell : row) cell = substitute(cell, names, r.examples[k]);
            }
            f.scenarios.push_back(std::move(s));
        }
    }
    return f;
}

}  // namespace liaison::tck
