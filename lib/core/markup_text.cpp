#include "liaison/core/markup_text.hpp"

namespace liaison {

std::string escape_markup(std::string_view text, bool controls) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += controls ? "&#10;" : "\n";
                break;
            case '\r':
                out += controls ? "&#13;" : "\r";
                break;
            case '\t':
                out += controls ? "&#9;" : "\t";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace liaison
