#pragma once
// A progress bar on stderr for a person watching long work (render, import, export, extract,
// analyses, report batches): drawn only when stderr is a terminal (and TERM is not "dumb"), so
// pipes, files and logs never see it; the line is cleared when the work ends.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace liaison::cli {

class Progress {
public:
    // `task` names the work ("render"); `total` counts its steps (phases or items).
    Progress(std::string task, std::size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Step `done` of total has finished; `now` says what runs next (or what just finished).
    void update(std::size_t done, std::string_view now);
    // The next step starts: done + 1 of total finish with it.
    void step(std::string_view now) { update(done_, now), ++done_; }

    // Clears the line (the destructor does too): call before printing results.
    void finish();

    static bool shown();  // stderr is a terminal that draws
    // Clears the bar being drawn, if any, so a line printed now starts clean; the next update
    // draws it again. print() calls it.
    static void clear_line();

private:
    void draw(std::string_view now);

    std::string task_;
    std::size_t total_;
    std::size_t done_ = 0;
    bool shown_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_;
    static Progress* active_;  // the bar on screen (one at a time)
};

}  // namespace liaison::cli
