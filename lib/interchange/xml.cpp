#include "interchange/xml.hpp"

#include <libxml/xmlreader.h>

#include <fmt/format.h>

#include "liaison/core/markup_text.hpp"

namespace liaison::detail {

struct XmlReader::Impl {
    xmlTextReaderPtr reader = nullptr;
    std::string error;
    int error_line = 0;
    int error_column = 0;
};

namespace {
void on_error(void* arg, xmlErrorPtr error) {
    auto* impl = static_cast<XmlReader::Impl*>(arg);
    if (!error || error->level < XML_ERR_ERROR || !impl->error.empty()) return;  // warnings pass
    impl->error = error->message ? error->message : "malformed XML";
    while (!impl->error.empty() && (impl->error.back() == '\n' || impl->error.back() == ' '))
        impl->error.pop_back();
    impl->error_line = error->line;
    impl->error_column = error->int2;  // libxml2 keeps the column there
}

std::string take(xmlChar* s) {
    if (!s) return {};
    std::string out(reinterpret_cast<const char*>(s));
    xmlFree(s);
    return out;
}
}  // namespace

XmlReader::XmlReader(std::string_view text, std::string name)
    : impl_(std::make_unique<Impl>()), file_(std::move(name)) {
    impl_->reader = xmlReaderForMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8",
                                       XML_PARSE_NONET);
    if (!impl_->reader) throw InputError({file_, 0, 0}, "cannot start the XML parser");
    xmlTextReaderSetStructuredErrorHandler(impl_->reader, on_error, impl_.get());
}

XmlReader::~XmlReader() {
    if (impl_->reader) xmlFreeTextReader(impl_->reader);
}

bool XmlReader::next() {
    for (;;) {
        int r = xmlTextReaderRead(impl_->reader);
        if (r < 0 || !impl_->error.empty()) {
            std::string what = impl_->error.empty() ? "malformed XML" : impl_->error;
            throw InputError({file_, static_cast<std::size_t>(std::max(impl_->error_line, 0)),
                              static_cast<std::size_t>(std::max(impl_->error_column, 0))},
                             "XML: " + what);
        }
        if (r == 0) return false;
        int type = xmlTextReaderNodeType(impl_->reader);
        if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT) continue;
        start_ = type == XML_READER_TYPE_ELEMENT;
        empty_ = start_ && xmlTextReaderIsEmptyElement(impl_->reader) == 1;
        depth_ = xmlTextReaderDepth(impl_->reader);
        const xmlChar* local = xmlTextReaderConstLocalName(impl_->reader);
        name_ = local ? reinterpret_cast<const char*>(local) : "";
        return true;
    }
}

std::optional<std::string> XmlReader::attribute(const char* local, const char* ns) const {
    auto name = reinterpret_cast<const xmlChar*>(local);
    xmlChar* v =
        ns ? xmlTextReaderGetAttributeNs(impl_->reader, name, reinterpret_cast<const xmlChar*>(ns))
           : xmlTextReaderGetAttribute(impl_->reader, name);
    if (!v) return std::nullopt;
    return take(v);
}

std::string XmlReader::text() {
    if (empty_) return {};
    std::string out = take(xmlTextReaderReadString(impl_->reader));
    // Skip to the matching end tag so next() continues after the element.
    int depth = depth_;
    while (next())
        if (!start_ && depth_ == depth) break;
    return out;
}

TextPosition XmlReader::position() const {
    xmlNodePtr node = xmlTextReaderCurrentNode(impl_->reader);
    long line = node ? xmlGetLineNo(node) : -1;
    // libxml2 keeps no column per element, so positions name the line only.
    return {file_, line > 0 ? static_cast<std::size_t>(line) : 0, 0};
}

std::string xml_escape(std::string_view text) { return escape_markup(text, true); }

const char* xml_attr_type(flat::AttrType t) {
    // Dates, lists and JSON travel as strings (with liaison's own type beside them).
    const bool scalar = t == flat::AttrType::Bool || t == flat::AttrType::Int ||
                        t == flat::AttrType::Float || t == flat::AttrType::String;
    return scalar ? flat::type_name(t) : "string";
}

}  // namespace liaison::detail
