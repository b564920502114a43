#pragma once
// Text escaped for HTML and XML, shared by the interchange writers (GraphML, GEXF), the
// diagrams' HTML-like labels and the HTML report.
#include <string>
#include <string_view>

namespace liaison {

// Escapes &, <, > and ". With `controls`, line feeds, carriage returns and tabs become
// character references too, so XML attribute values keep them (a parser would normalise them
// to spaces).
std::string escape_markup(std::string_view text, bool controls = false);

}  // namespace liaison
