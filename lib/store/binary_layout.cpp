// Names and element sizes of the base image's sections, and the checksum they use.
#include "store/binary_layout.hpp"

#include <zlib.h>

#include <algorithm>

namespace liaison::binary {

namespace {
struct SectionInfo {
    std::string_view name;
    std::uint32_t element_bytes;
};
constexpr SectionInfo kInfo[] = {
    {"STRING_OFFSETS", 8},
    {"STRING_HEAP", 1},
    {"GRAPH_INFO", 4},
    {"RELATIONS", sizeof(RelationRecord)},
    {"LABELS", 4},
    {"NODE_ID", 4},
    {"NODE_LABEL_OFFSETS", 4},
    {"NODE_LABELS", 4},
    {"NODE_NAME_EN", 4},
    {"NODE_NAME_AR", 4},
    {"NODE_ALIAS_OFFSETS", 4},
    {"NODE_ALIASES", 4},
    {"NODE_TIME", sizeof(TimeRecord)},
    {"NODE_SOURCE_OFFSETS", 4},
    {"NODE_SOURCES", sizeof(SourceRecord)},
    {"NODE_SOURCE_SPANS", sizeof(SpanRecord)},
    {"NODE_PROPERTY_OFFSETS", 8},
    {"NODE_PROPERTY_BLOB", 1},
    {"EDGE_SRC", 4},
    {"EDGE_DST", 4},
    {"EDGE_TYPE", 2},
    {"EDGE_ID", 4},
    {"EDGE_TIME", sizeof(TimeRecord)},
    {"EDGE_SOURCE_OFFSETS", 4},
    {"EDGE_SOURCES", sizeof(SourceRecord)},
    {"EDGE_SOURCE_SPANS", sizeof(SpanRecord)},
    {"EDGE_PROPERTY_OFFSETS", 8},
    {"EDGE_PROPERTY_BLOB", 1},
    {"FWD_OFFSETS", 4},
    {"REV_OFFSETS", 4},
    {"REV_EDGES", 4},
    {"LABEL_OFFSETS", 4},
    {"LABEL_NODES", 4},
    {"TYPE_OFFSETS", 4},
    {"TYPE_EDGES", 4},
    {"NAME_KEYS", sizeof(NameKeyRecord)},
    {"NAME_POSTINGS", 4},
    {"DOCUMENTS", sizeof(DocumentRecord)},
};
static_assert(std::size(kInfo) == kSectionKinds);
}  // namespace

std::string_view section_name(Section s) {
    auto k = static_cast<std::uint32_t>(s);
    return k >= 1 && k <= kSectionKinds ? kInfo[k - 1].name : std::string_view("UNKNOWN");
}

std::uint32_t element_bytes_of(Section s) {
    auto k = static_cast<std::uint32_t>(s);
    return k >= 1 && k <= kSectionKinds ? kInfo[k - 1].element_bytes : 0;
}

std::uint32_t crc32_of(const void* data, std::size_t bytes) {
    // zlib takes at most UINT_MAX bytes per call.
    uLong crc = ::crc32(0L, Z_NULL, 0);
    const auto* p = static_cast<const Bytef*>(data);
    while (bytes > 0) {
        auto chunk = static_cast<uInt>(std::min<std::size_t>(bytes, 1u << 30));
        crc = ::crc32(crc, p, chunk);
        p += chunk;
        bytes -= chunk;
    }
    return static_cast<std::uint32_t>(crc);
}

}  // namespace liaison::binary
