// BaseImage: a base file mapped read-only. Opening checks the header, the directory and that
// every section lies inside the file with the size its counts imply; every value later read
// from a section (a string id, an offset, a node index) is compared with the bounds of what it
// points into before it is followed, so a damaged or hostile file is refused, never read past.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/model/names.hpp"
#include "store/binary_format.hpp"
#include "store/binary_indexes.hpp"
#include "store/binary_layout.hpp"
#include "store/binary_reader.hpp"

namespace liaison::binary {

using namespace detail;

namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

// ---- opening ---------------------------------------------------------------------------------

BaseImage::~BaseImage() {
    if (mapping_) ::munmap(mapping_, size_);
}

void BaseImage::release_pages() const {
    // MADV_DONTNEED on a private, read-only file mapping drops our page table entries; the next
    // read faults the page in from the cache again. Advice only: failure changes nothing.
    if (mapping_) ::madvise(mapping_, size_, MADV_DONTNEED);
}

std::shared_ptr<const BaseImage> BaseImage::open_file(const std::string& path) {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) throw SystemError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    struct stat st {};
    if (::fstat(f.fd, &st) != 0)
        throw SystemError(fmt::format("{}: cannot stat: {}", path, std::strerror(errno)));
    if (!S_ISREG(st.st_mode)) throw SystemError(fmt::format("{}: not a regular file", path));
    std::shared_ptr<BaseImage> img(new BaseImage());
    img->name_ = path;
    img->size_ = static_cast<std::size_t>(st.st_size);
    if (img->size_ > 0) {
        void* p = ::mmap(nullptr, img->size_, PROT_READ, MAP_PRIVATE, f.fd, 0);
        if (p == MAP_FAILED)
            throw SystemError(fmt::format("{}: cannot map: {}", path, std::strerror(errno)));
        img->mapping_ = p;
        img->data_ = static_cast<const unsigned char*>(p);
    }
    img->validate_layout();
    return img;
}

std::shared_ptr<const BaseImage> BaseImage::from_bytes(std::string bytes, std::string name) {
    std::shared_ptr<BaseImage> img(new BaseImage());
    img->name_ = std::move(name);
    img->owned_ = std::move(bytes);
    img->data_ = reinterpret_cast<const unsigned char*>(img->owned_.data());
    img->size_ = img->owned_.size();
    img->validate_layout();
    return img;
}

std::shared_ptr<const BaseImage> BaseImage::view(std::string_view bytes, std::string name) {
    std::shared_ptr<BaseImage> img(new BaseImage());
    img->name_ = std::move(name);
    img->data_ = reinterpret_cast<const unsigned char*>(bytes.data());
    img->size_ = bytes.size();
    img->validate_layout();
    return img;
}

void BaseImage::validate_layout() {
    const std::string& file = name_;
    if (size_ < sizeof(Header))
        fail(file, fmt::format("truncated: {} bytes, shorter than the {}-byte header of a base "
                               "image",
                               size_, sizeof(Header)));
    raw_ = std::make_unique<Raw>();
    Header& h = raw_->header;
    std::memcpy(&h, data_, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
        fail(file, "byte 0: not a liaison base image (expected the magic bytes LIAISONB)");
    if (h.byte_order != kByteOrderMark)
        fail(file, h.byte_order == 0x04030201
                       ? "byte 12: written with the other byte order (big-endian); this "
                         "liaison reads little-endian base images"
                       : fmt::format("byte 12: byte-order mark 0x{:08x} (expected 0x{:08x})",
                                     h.byte_order, kByteOrderMark));
    if (h.version != kVersion)
        fail(file,
             fmt::format("byte 8: format version {} ({}; this liaison reads version {})", h.version,
                         h.version > kVersion ? "newer than this liaison" : "unknown", kVersion));
    std::uint32_t crc = crc32_of(data_, offsetof(Header, header_crc));
    if (crc != h.header_crc)
        fail(file, fmt::format("byte {}: header checksum 0x{:08x}, but the header's bytes give "
                               "0x{:08x} (a damaged header)",
                               offsetof(Header, header_crc), h.header_crc, crc));
    if (h.file_bytes != size_)
        fail(file, fmt::format("{}: the header says {} bytes, the file has {}",
                               h.file_bytes > size_ ? "truncated" : "trailing bytes", h.file_bytes,
                               size_));
    if (h.directory_offset != sizeof(Header) || h.section_count != kSectionKinds)
        fail(file, fmt::format("byte 56: a directory of {} sections at byte {} (expected {} at "
                               "byte {})",
                               h.section_count, h.directory_offset, kSectionKinds, sizeof(Header)));
    const std::uint64_t dir_end =
        sizeof(Header) + std::uint64_t{kSectionKinds} * sizeof(SectionEntry);
    if (dir_end > size_) fail(file, fmt::format("truncated inside the section directory"));
    crc = crc32_of(data_ + sizeof(Header), dir_end - sizeof(Header));
    if (crc != h.directory_crc)
        fail(file, fmt::format("byte {}: directory checksum 0x{:08x}, but the directory's bytes "
                               "give 0x{:08x}",
                               sizeof(Header), h.directory_crc, crc));
    for (std::uint32_t i = 0; i < kSectionKinds; ++i) {
        SectionEntry e;
        std::size_t at = sizeof(Header) + i * sizeof(SectionEntry);
        std::memcpy(&e, data_ + at, sizeof e);
        if (e.kind < 1 || e.kind > kSectionKinds)
            fail(file, fmt::format("byte {}: directory entry {} has unknown section kind {}", at, i,
                                   e.kind));
        auto s = static_cast<Section>(e.kind);
        if (raw_->entry[e.kind].kind != 0)
            fail(file, fmt::format("byte {}: section {} listed twice", at, section_name(s)));
        if (e.element_bytes != element_bytes_of(s) || e.count > e.bytes ||
            e.bytes != e.count * e.element_bytes)
            fail(file, fmt::format("section {} (directory byte {}): {} bytes for {} entries of "
                                   "{} bytes (expected entries of {} bytes filling it)",
                                   section_name(s), at, e.bytes, e.count, e.element_bytes,
                                   element_bytes_of(s)));
        if (e.offset % kAlign != 0 || e.offset < dir_end || e.offset > size_ ||
            e.bytes > size_ - e.offset)
            fail(file,
                 fmt::format("section {} (directory byte {}): bytes {}..{} (expected "
                             "8-byte aligned, after the directory's end at byte {}, "
                             "inside the file's {} bytes)",
                             section_name(s), at, e.offset, e.offset + e.bytes, dir_end, size_));
        raw_->entry[e.kind] = e;
    }
    const std::uint64_t n = h.node_count, m = h.edge_count;
    auto expect = [&](Section s, std::uint64_t want, const char* why) {
        std::uint64_t have = raw_->entry[static_cast<std::uint32_t>(s)].count;
        if (have != want)
            fail(file, fmt::format("section {}: {} entries (expected {}: {})", section_name(s),
                                   have, want, why));
    };
    expect(Section::StringOffsets, std::uint64_t{h.string_count} + 1, "one per string, plus one");
    if (raw_->entry[static_cast<std::uint32_t>(Section::GraphInfo)].count < 2)
        expect(Section::GraphInfo, 2, "the graph's id and label, then its index definitions");
    expect(Section::Relations, h.relation_count, "one per relation type");
    expect(Section::Labels, h.label_count, "one per label");
    for (Section s : {Section::NodeId, Section::NodeNameEn, Section::NodeNameAr, Section::NodeTime})
        expect(s, n, "one per node");
    for (Section s :
         {Section::NodeLabelOffsets, Section::NodeAliasOffsets, Section::NodeSourceOffsets,
          Section::NodePropertyOffsets, Section::FwdOffsets, Section::RevOffsets})
        expect(s, n + 1, "one per node, plus one");
    for (Section s : {Section::EdgeSrc, Section::EdgeDst, Section::EdgeType, Section::EdgeId,
                      Section::EdgeTime, Section::RevEdges, Section::TypeEdges})
        expect(s, m, "one per edge");
    for (Section s : {Section::EdgeSourceOffsets, Section::EdgePropertyOffsets})
        expect(s, m + 1, "one per edge, plus one");
    expect(Section::LabelOffsets, std::uint64_t{h.label_count} + 1, "one per label, plus one");
    expect(Section::TypeOffsets, std::uint64_t{h.relation_count} + 1,
           "one per relation type, plus one");
    expect(Section::Documents, h.document_count, "one per document");
    if (raw_->entry[static_cast<std::uint32_t>(Section::NameKeys)].count == 0)
        fail(file, "section NAME_KEYS: empty (expected at least its end record)");
}

std::uint32_t BaseImage::header_crc() const { return raw_->header.header_crc; }
std::size_t BaseImage::node_count() const { return raw_->header.node_count; }
std::size_t BaseImage::edge_count() const { return raw_->header.edge_count; }
std::size_t BaseImage::document_count() const { return raw_->header.document_count; }

// ---- accessors -------------------------------------------------------------------------------

std::string_view BaseImage::node_id(NodeIndex n) const {
    return Reader(data_, *raw_, name_).string_at(Section::NodeId, n);
}

std::optional<NodeIndex> BaseImage::find_id(std::string_view id) const {
    Reader r(data_, *raw_, name_);
    std::uint64_t lo = 0, hi = r.count(Section::NodeId);
    while (lo < hi) {
        std::uint64_t mid = lo + (hi - lo) / 2;
        if (r.string_at(Section::NodeId, mid) < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r.count(Section::NodeId) && r.string_at(Section::NodeId, lo) == id)
        return static_cast<NodeIndex>(lo);
    return std::nullopt;
}

std::vector<NodeIndex> BaseImage::find_name(std::string_view name) const {
    Reader r(data_, *raw_, name_);
    std::string key = fold_name(name);
    std::vector<NodeIndex> out;
    if (key.empty()) return out;
    if (raw_->header.fold_version != kFoldVersion) {
        // An index folded differently cannot be trusted: read the names themselves.
        for (std::uint64_t n = 0; n < node_count(); ++n) {
            bool hit = fold_name(r.string_at(Section::NodeNameAr, n)) == key ||
                       fold_name(r.string_at(Section::NodeNameEn, n)) == key;
            auto [a, b] =
                r.range<std::uint32_t>(Section::NodeAliasOffsets, n, Section::NodeAliases);
            for (auto i = a; i < b && !hit; ++i)
                hit = fold_name(r.string_at(Section::NodeAliases, i)) == key;
            if (hit) out.push_back(static_cast<NodeIndex>(n));
        }
        return out;
    }
    std::uint64_t keys = r.count(Section::NameKeys) - 1;  // the last record only ends the list
    auto key_at = [&](std::uint64_t i) {
        return r.string(r.get<NameKeyRecord>(Section::NameKeys, i).key, Section::NameKeys, i);
    };
    std::uint64_t lo = 0, hi = keys;
    while (lo < hi) {
        std::uint64_t mid = lo + (hi - lo) / 2;
        if (key_at(mid) < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == keys || key_at(lo) != key) return out;
    std::uint64_t a = r.get<NameKeyRecord>(Section::NameKeys, lo).begin;
    std::uint64_t b = r.get<NameKeyRecord>(Section::NameKeys, lo + 1).begin;
    if (a > b || b > r.count(Section::NamePostings))
        fail(name_, fmt::format("section NAME_KEYS, entry {}: postings {}..{} not inside "
                                "NAME_POSTINGS",
                                lo, a, b));
    for (auto i = a; i < b; ++i)
        out.push_back(static_cast<NodeIndex>(r.index(
            Section::NamePostings, i, r.u32(Section::NamePostings, i), node_count(), "node")));
    return out;
}

std::vector<NodeIndex> BaseImage::nodes_with_label(std::string_view label) const {
    Reader r(data_, *raw_, name_);
    std::vector<NodeIndex> out;
    for (std::uint64_t l = 0; l < r.count(Section::Labels); ++l) {
        if (r.string_at(Section::Labels, l) != label) continue;
        auto [a, b] = r.range<std::uint32_t>(Section::LabelOffsets, l, Section::LabelNodes);
        for (auto i = a; i < b; ++i)
            out.push_back(static_cast<NodeIndex>(r.index(
                Section::LabelNodes, i, r.u32(Section::LabelNodes, i), node_count(), "node")));
    }
    return out;
}

EdgeEnds BaseImage::edge_ends(EdgeIndex e) const {
    Reader r(data_, *raw_, name_);
    EdgeEnds out;
    out.source = static_cast<NodeIndex>(
        r.index(Section::EdgeSrc, e, r.u32(Section::EdgeSrc, e), node_count(), "node"));
    out.target = static_cast<NodeIndex>(
        r.index(Section::EdgeDst, e, r.u32(Section::EdgeDst, e), node_count(), "node"));
    out.type = static_cast<RelationId>(r.index(Section::EdgeType, e,
                                               r.get<std::uint16_t>(Section::EdgeType, e),
                                               r.count(Section::Relations), "relation type"));
    return out;
}

std::string_view BaseImage::relation_name(RelationId type) const {
    Reader r(data_, *raw_, name_);
    auto rec = r.get<RelationRecord>(Section::Relations, type);
    return r.string(rec.name, Section::Relations, type);
}

std::vector<EdgeIndex> BaseImage::out_run(NodeIndex n) const {
    Reader r(data_, *raw_, name_);
    auto [a, b] = r.range<std::uint32_t>(Section::FwdOffsets, n, Section::EdgeSrc);
    std::vector<EdgeIndex> out;
    for (auto e = a; e < b; ++e) out.push_back(static_cast<EdgeIndex>(e));
    return out;
}

std::vector<EdgeIndex> BaseImage::in_run(NodeIndex n) const {
    Reader r(data_, *raw_, name_);
    auto [a, b] = r.range<std::uint32_t>(Section::RevOffsets, n, Section::RevEdges);
    std::vector<EdgeIndex> out;
    for (auto i = a; i < b; ++i)
        out.push_back(static_cast<EdgeIndex>(
            r.index(Section::RevEdges, i, r.u32(Section::RevEdges, i), edge_count(), "edge")));
    return out;
}

// ---- the deep check --------------------------------------------------------------------------

void BaseImage::check() const {
    for (std::uint32_t k = 1; k <= kSectionKinds; ++k) {
        const SectionEntry& e = raw_->entry[k];
        std::uint32_t crc = crc32_of(data_ + e.offset, e.bytes);
        if (crc != e.crc)
            fail(name_, fmt::format("section {} (bytes {}..{}): checksum 0x{:08x}, but its bytes "
                                    "give 0x{:08x} (damaged content)",
                                    section_name(static_cast<Section>(k)), e.offset,
                                    e.offset + e.bytes, e.crc, crc));
    }
    {
        Reader r(data_, *raw_, name_);
        for (std::uint64_t n = 1; n < r.count(Section::NodeId); ++n)
            if (!(r.string_at(Section::NodeId, n - 1) < r.string_at(Section::NodeId, n)))
                fail(name_, fmt::format("section NODE_ID, entry {}: '{}' after '{}' (expected ids "
                                        "in strictly ascending byte order)",
                                        n, r.string_at(Section::NodeId, n),
                                        r.string_at(Section::NodeId, n - 1)));
    }
    std::string again = write_base(to_graph());
    // The header's identity fields (generation, uuid) are not content; everything from the
    // counts to the end must be what the content gives.
    if (again.size() == size_ && std::memcmp(again.data() + sizeof(Header), data_ + sizeof(Header),
                                             size_ - sizeof(Header)) == 0)
        return;
    Reader r(data_, *raw_, name_);
    const auto* other = reinterpret_cast<const unsigned char*>(again.data());
    Header h2;
    std::memcpy(&h2, other, sizeof h2);
    for (std::uint32_t k = 1; k <= kSectionKinds; ++k) {
        const SectionEntry& e = raw_->entry[k];
        SectionEntry e2;
        std::memcpy(&e2, other + sizeof(Header) + (k - 1) * sizeof(SectionEntry), sizeof e2);
        std::uint64_t common = std::min(e.bytes, e2.bytes);
        std::uint64_t at = 0;
        while (at < common && data_[e.offset + at] == other[e2.offset + at]) ++at;
        if (at < common || e.bytes != e2.bytes)
            fail(name_, fmt::format("section {}, byte {}: differs from what the graph it holds "
                                    "gives (ids unsorted, edges out of canonical order, or an "
                                    "index that does not match the columns)",
                                    section_name(static_cast<Section>(k)), at));
    }
    fail(name_, "the header or directory differs from what the graph it holds gives");
}

}  // namespace liaison::binary
