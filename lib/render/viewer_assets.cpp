#include "render/html_viewer.hpp"

namespace liaison::render {

const char* const kViewerStyle = "";
const char* const kViewerScript = "";

}  // namespace liaison::render
