#pragma once
// The on-disk layout of a `.liaison` base image (docs/storage-engine.md §4): a fixed header, a
// directory of sections, then the sections themselves, all little-endian. Shared by the writer,
// the mapped reader and the checker; nothing here allocates.
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace liaison::binary {

inline constexpr char kMagic[8] = {'L', 'I', 'A', 'I', 'S', 'O', 'N', 'B'};
inline constexpr std::uint32_t kVersion = 1;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
// Bumped whenever fold_name() changes, so an old name index is never trusted by a new reader.
inline constexpr std::uint32_t kFoldVersion = 1;
inline constexpr std::size_t kAlign = 8;

struct Header {                // 128 bytes at offset 0
    char magic[8];             // "LIAISONB"
    std::uint32_t version;     // kVersion
    std::uint32_t byte_order;  // kByteOrderMark as written by the host
    std::uint64_t file_bytes;  // the whole file
    std::uint32_t node_count, edge_count, document_count, string_count;
    std::uint32_t relation_count, label_count;
    std::uint32_t fold_version, section_count;
    std::uint64_t directory_offset;  // = sizeof(Header)
    std::uint64_t generation;        // 0 until the overlay's checkpoints number bases
    std::uint8_t graph_uuid[16];     // zero until generations exist
    std::uint8_t reserved[32];
    std::uint32_t directory_crc;  // CRC-32 of the directory's bytes
    std::uint32_t header_crc;     // CRC-32 of the 124 bytes before it
};
static_assert(sizeof(Header) == 128);

struct SectionEntry {                    // 40 bytes each, right after the header
    std::uint32_t kind;                  // Section
    std::uint32_t element_bytes;         // size of one element; 1 for byte heaps
    std::uint64_t offset, bytes, count;  // bytes == element_bytes * count
    std::uint32_t crc;                   // CRC-32 of the section's bytes
    std::uint32_t reserved;
};
static_assert(sizeof(SectionEntry) == 40);

// Every section of version 1, each required exactly once. n nodes, m edges, s strings.
enum class Section : std::uint32_t {
    StringOffsets = 1,    // u64[s+1] into StringHeap; string 0 is ""
    StringHeap,           // UTF-8 bytes, deduplicated
    GraphInfo,            // u32[2+]: graph id, label, then the index definitions
    Relations,            // RelationRecord per type, in RelationId order
    Labels,               // u32 StrId per label id (label names, sorted)
    NodeId,               // u32 StrId[n], nodes sorted by id bytes
    NodeLabelOffsets,     // u32[n+1] into NodeLabels
    NodeLabels,           // u32 label ids, each node's list in its own order
    NodeNameEn,           // u32 StrId[n]
    NodeNameAr,           // u32 StrId[n]
    NodeAliasOffsets,     // u32[n+1] into NodeAliases
    NodeAliases,          // u32 StrId
    NodeTime,             // TimeRecord[n]
    NodeSourceOffsets,    // u32[n+1] into NodeSources
    NodeSources,          // SourceRecord
    NodeSourceSpans,      // SpanRecord, sorted by source, only for positioned sources
    NodePropertyOffsets,  // u64[n+1] into NodePropertyBlob
    NodePropertyBlob,     // per node: varint count, then (varint key StrId, value) sorted
    EdgeSrc,              // u32[m], edges in canonical order
    EdgeDst,              // u32[m]
    EdgeType,             // u16[m] RelationId
    EdgeId,               // u32 StrId[m] (0: no id)
    EdgeTime,             // TimeRecord[m]
    EdgeSourceOffsets,    // u32[m+1]
    EdgeSources,          // SourceRecord
    EdgeSourceSpans,      // SpanRecord
    EdgePropertyOffsets,  // u64[m+1]
    EdgePropertyBlob,     // as NodePropertyBlob
    FwdOffsets,           // u32[n+1]: node u's out-run is edges [fwd[u], fwd[u+1])
    RevOffsets,           // u32[n+1] into RevEdges
    RevEdges,             // u32 edge ids grouped by target, ascending
    LabelOffsets,         // u32[labels+1] into LabelNodes
    LabelNodes,           // u32 nodes of each label, ascending
    TypeOffsets,          // u32[relations+1] into TypeEdges
    TypeEdges,            // u32 edges of each relation type, ascending
    NameKeys,             // NameKeyRecord per distinct folded name, sorted by key bytes, + end
    NamePostings,         // u32 nodes per key, ascending
    Documents,            // DocumentRecord, sorted by id
    Count_                // one past the last kind
};
inline constexpr std::uint32_t kSectionKinds = static_cast<std::uint32_t>(Section::Count_) - 1;

std::string_view section_name(Section s);
std::uint32_t element_bytes_of(Section s);

struct RelationRecord {
    std::uint32_t name, ar, en;
    std::uint8_t symmetric, builtin;
    std::uint16_t pad;
};
static_assert(sizeof(RelationRecord) == 16);

// Dates packed as year | month << 16 | day << 24; 0 = absent.
struct TimeRecord {
    std::uint32_t date, start, end;
};
static_assert(sizeof(TimeRecord) == 12);

struct SourceRecord {
    std::uint32_t document, quote;  // StrIds
};
static_assert(sizeof(SourceRecord) == 8);

struct SpanRecord {
    std::uint32_t source;  // index into the kind's Sources section
    std::uint8_t has_start, has_end;
    std::uint16_t pad;
    std::int64_t start, end;
};
static_assert(sizeof(SpanRecord) == 24);

struct NameKeyRecord {
    std::uint32_t key;    // StrId of the folded name
    std::uint32_t begin;  // first posting; the next record's begin ends it
};
static_assert(sizeof(NameKeyRecord) == 8);

struct DocumentRecord {
    std::uint32_t id, title, outlet, file, language, url;
    std::uint32_t date;  // packed, 0 = absent
};
static_assert(sizeof(DocumentRecord) == 28);

// Value tags in the property blobs.
// Typed: a temporal value or duration as its JSON key and ISO text (varint StrId each), the
// form its JSON reads back from (its zone is a name, not an index of this process's table).
enum class Tag : std::uint8_t { Null = 0, False, True, Int, Float, String, Date, List, Typed };

std::uint32_t crc32_of(const void* data, std::size_t bytes);

}  // namespace liaison::binary
