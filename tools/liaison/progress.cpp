#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace liaison::cli {

namespace {
constexpr std::size_t kBarWidth = 24;
constexpr std::size_t kTextWidth = 48;  // what runs now, cut so the line fits 80 columns
constexpr auto kRedraw = std::chrono::milliseconds(80);  // items faster than this share a draw
}  // namespace

Progress* Progress::active_ = nullptr;

bool Progress::shown() {
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

Progress::Progress(std::string task, std::size_t total)
    : task_(std::move(task)),
      total_(std::max<std::size_t>(total, 1)),
      shown_(shown()),
      start_(std::chrono::steady_clock::now()) {
    if (shown_) active_ = this;
}

Progress::~Progress() { finish(); }

void Progress::finish() {
    if (drawn_) std::fputs("\r\x1b[K", stderr);
    drawn_ = false;
    shown_ = false;
    if (active_ == this) active_ = nullptr;
}

void Progress::clear_line() {
    if (!active_ || !active_->drawn_) return;
    std::fputs("\r\x1b[K", stderr);
    active_->drawn_ = false;
}

void Progress::update(std::size_t done, std::string_view now) {
    done_ = std::min(done, total_);
    if (!shown_) return;
    auto t = std::chrono::steady_clock::now();
    if (drawn_ && done_ < total_ && t - last_ < kRedraw) return;
    last_ = t;
    draw(now);
}

void Progress::draw(std::string_view now) {
    const std::size_t filled = kBarWidth * done_ / total_;
    // Cut at a character boundary: never inside a UTF-8 sequence.
    std::size_t end = std::min(now.size(), kTextWidth);
    while (end > 0 && end < now.size() && (static_cast<unsigned char>(now[end]) & 0xC0) == 0x80)
        --end;
    const std::string_view text = now.substr(0, end);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    fmt::print(stderr, "\r\x1b[K{} [{}{}] {}/{} {} ({:.1f} s)", task_, std::string(filled, '#'),
               std::string(kBarWidth - filled, '-'), done_, total_, text, seconds);
    std::fflush(stderr);
    drawn_ = true;
}

}  // namespace liaison::cli
