#include "liaison/core/error.hpp"

#include <fmt/format.h>

namespace liaison {

std::string TextPosition::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += fmt::format("{}{}", out.empty() ? "" : ":", line);
        if (column > 0) out += fmt::format(":{}", column);
    }
    return out;
}

static std::string compose(const TextPosition& where, const std::string& message) {
    std::string pos = where.to_string();
    return pos.empty() ? message : pos + ": " + message;
}

InputError::InputError(TextPosition where, const std::string& message)
    : Error(compose(where, message)), where_(std::move(where)), message_(message) {}

void assertion_failed(const char* what, const char* file, int line) {
    // Programmer error: never reachable from user input, so it is not a liaison::Error.
    throw std::logic_error(
        fmt::format("internal error: assertion '{}' failed at {}:{}", what, file, line));
}

}  // namespace liaison
