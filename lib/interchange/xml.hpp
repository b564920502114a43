#pragma once
// A thin pull reader over libxml2's xmlTextReader with file:line positions, and XML escaping
// and attribute type names for the writers. No entity expansion and no network access.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "interchange/flat.hpp"
#include "liaison/core/error.hpp"

namespace liaison::detail {

class XmlReader {
public:
    XmlReader(std::string_view text, std::string name);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    // Moves to the next start or end tag; false at the end of the document. Malformed XML
    // throws InputError naming file:line:column.
    bool next();
    bool is_start() const { return start_; }
    bool is_empty() const { return empty_; }  // a start tag closed at once (<a/>)
    int depth() const { return depth_; }
    const std::string& name() const { return name_; }  // local name, without prefix
    std::optional<std::string> attribute(const char* local, const char* ns = nullptr) const;
    // Text content of the current element (and moves past its end tag).
    std::string text();
    TextPosition position() const;
    const std::string& file() const { return file_; }

    struct Impl;  // libxml2's reader and the first error it reported

private:
    std::unique_ptr<Impl> impl_;
    std::string file_;
    std::string name_;
    bool start_ = false;
    bool empty_ = false;
    int depth_ = 0;
};

// Escapes text for XML attribute values and content (&, <, >, ", and line breaks and tabs as
// character references so attribute values keep them).
std::string xml_escape(std::string_view text);

inline constexpr const char* kLiaisonNamespace = "urn:liaison";

// The attribute type GraphML and GEXF both call "boolean", "long", "double" or "string".
const char* xml_attr_type(flat::AttrType t);

}  // namespace liaison::detail
