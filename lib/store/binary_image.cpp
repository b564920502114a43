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

namespace liaison::binary {

struct BaseImage::Raw {
    Header header{};
    std::array<SectionEntry, kSectionKinds + 1> entry{};  // by kind; [0] unused
};

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what) {
    throw InputError(TextPosition{file, 0, 0}, what);
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::optional<Date> unpack(std::uint32_t v, const std::string& file, Section s, std::uint64_t i) {
    if (v == 0) return std::nullopt;
    Date d;
    d.year = static_cast<std::int16_t>(v & 0xFFFF);
    d.month = static_cast<std::int8_t>((v >> 16) & 0xFF);
    d.day = static_cast<std::int8_t>(v >> 24);
    bool ok = d.year >= 1 && d.year <= 9999 && d.month >= 0 && d.month <= 12 && d.day >= 0 &&
              (d.day == 0 || (d.month >= 1 && d.day <= days_in_month(d.year, d.month)));
    if (!ok)
        fail(file, fmt::format("section {}, entry {}: 0x{:08x} is not a date (expected year "
                               "1-9999, month 0-12, a day of that month or 0)",
                               section_name(s), i, v));
    return d;
}

}  // namespace

// ---- reading sections, checked ---------------------------------------------------------------

namespace {

class Reader {
public:
    Reader(const unsigned char* data, const BaseImage::Raw& raw, const std::string& file)
        : data_(data), raw_(raw), file_(file) {}

    std::uint64_t count(Section s) const { return entry(s).count; }

    template <typename T>
    T get(Section s, std::uint64_t i) const {
        const SectionEntry& e = entry(s);
        if (i >= e.count)
            fail(file_, fmt::format("section {}: entry {} is past its end ({} entries)",
                                    section_name(s), i, e.count));
        T v;
        std::memcpy(&v, data_ + e.offset + i * sizeof(T), sizeof(T));
        return v;
    }
    std::uint32_t u32(Section s, std::uint64_t i) const { return get<std::uint32_t>(s, i); }

    // A value read from section `s` at entry `i` that must be below `limit`.
    std::uint64_t index(Section s, std::uint64_t i, std::uint64_t value, std::uint64_t limit,
                        const char* what) const {
        if (value >= limit)
            fail(file_, fmt::format("section {}, entry {}: {} {} out of range (expected below {})",
                                    section_name(s), i, what, value, limit));
        return value;
    }

    // The range [offsets[i], offsets[i+1]) of `s` into `target`; ascending and inside it.
    template <typename Off>
    std::pair<std::uint64_t, std::uint64_t> range(Section s, std::uint64_t i,
                                                  Section target) const {
        std::uint64_t a = get<Off>(s, i), b = get<Off>(s, i + 1);
        if (a > b || b > count(target))
            fail(file_, fmt::format("section {}, entry {}: range {}..{} is not inside section {} "
                                    "({} entries; expected ascending offsets)",
                                    section_name(s), i, a, b, section_name(target), count(target)));
        return {a, b};
    }

    std::string_view string(std::uint32_t id, Section from, std::uint64_t i) const {
        index(from, i, id, count(Section::StringOffsets) - 1, "string id");
        auto [a, b] = range<std::uint64_t>(Section::StringOffsets, id, Section::StringHeap);
        return {reinterpret_cast<const char*>(data_ + entry(Section::StringHeap).offset + a),
                static_cast<std::size_t>(b - a)};
    }
    std::string_view string_at(Section s, std::uint64_t i) const { return string(u32(s, i), s, i); }

    const unsigned char* bytes(Section s) const { return data_ + entry(s).offset; }
    const std::string& file() const { return file_; }

private:
    const SectionEntry& entry(Section s) const { return raw_.entry[static_cast<std::uint32_t>(s)]; }
    const unsigned char* data_;
    const BaseImage::Raw& raw_;
    const std::string& file_;
};

// Property values from a blob slice; refuses anything the writer would not have written.
class BlobReader {
public:
    BlobReader(const Reader& r, Section s, std::uint64_t entity, std::uint64_t begin,
               std::uint64_t end)
        : r_(r), s_(s), entity_(entity), p_(begin), end_(end), base_(r.bytes(s)) {}

    Properties properties() {
        Properties out;
        std::uint64_t n = varint();
        std::string_view previous;
        for (std::uint64_t k = 0; k < n; ++k) {
            std::string_view key = r_.string(checked_u32(varint(), "string id"), s_, entity_);
            if (key.empty() || (k > 0 && key <= previous))
                bad("property keys not in strictly ascending order");
            previous = key;
            out.set(std::string(key), value(0));
        }
        if (p_ != end_) bad("bytes left after the last property");
        return out;
    }

private:
    [[noreturn]] void bad(const std::string& what) const {
        fail(r_.file(), fmt::format("section {}, entity {} at byte {}: {}", section_name(s_),
                                    entity_, p_, what));
    }
    std::uint8_t byte() {
        if (p_ >= end_) bad("the record ends early");
        return base_[p_++];
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b = byte();
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        bad("a variable-length integer longer than 10 bytes");
    }
    std::uint32_t checked_u32(std::uint64_t v, const char* what) {
        if (v > UINT32_MAX) bad(fmt::format("{} {} out of range", what, v));
        return static_cast<std::uint32_t>(v);
    }
    template <typename T>
    T fixed() {
        if (end_ - p_ < sizeof(T)) bad("the record ends early");
        T v;
        std::memcpy(&v, base_ + p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    Value value(int depth) {
        auto tag = static_cast<Tag>(byte());
        switch (tag) {
            case Tag::Null:
                return Value();
            case Tag::False:
                return Value(false);
            case Tag::True:
                return Value(true);
            case Tag::Int: {
                std::uint64_t z = varint();
                return Value(static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1)));
            }
            case Tag::Float: {
                auto d = fixed<double>();
                if (!std::isfinite(d)) bad("a float that is not finite");
                return Value(d);
            }
            case Tag::String:
                return Value(
                    std::string(r_.string(checked_u32(varint(), "string id"), s_, entity_)));
            case Tag::Date: {
                auto d = unpack(fixed<std::uint32_t>(), r_.file(), s_, entity_);
                if (!d) bad("an absent date as a value");
                return Value(*d);
            }
            case Tag::List: {
                if (depth > 0) bad("a list inside a list");
                std::uint64_t n = varint();
                if (n > end_ - p_) bad("a list longer than its record");
                ValueList items;
                items.reserve(n);
                for (std::uint64_t i = 0; i < n; ++i) items.push_back(value(depth + 1));
                return Value(std::move(items));
            }
            case Tag::Typed: {
                std::string_view key = r_.string(checked_u32(varint(), "string id"), s_, entity_);
                std::string_view text = r_.string(checked_u32(varint(), "string id"), s_, entity_);
                std::string error;
                std::optional<Value> v = parse_typed(key, text, error);
                if (!v) bad(fmt::format("typed value {{\"{}\": \"{}\"}}: {}", key, text, error));
                return std::move(*v);
            }
        }
        bad(fmt::format("unknown value tag {}", static_cast<int>(tag)));
    }

    const Reader& r_;
    Section s_;
    std::uint64_t entity_, p_, end_;
    const unsigned char* base_;
};

}  // namespace

// ---- opening ---------------------------------------------------------------------------------

BaseImage::~BaseImage() {
    if (mapping_) ::munmap(mapping_, size_);
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

// ---- the whole graph -------------------------------------------------------------------------

namespace {

TimeSpan time_at(const Reader& r, Section s, std::uint64_t i) {
    auto t = r.get<TimeRecord>(s, i);
    TimeSpan out;
    out.date = unpack(t.date, r.file(), s, i);
    out.start = unpack(t.start, r.file(), s, i);
    out.end = unpack(t.end, r.file(), s, i);
    return out;
}

// Sources of entities of one kind, walking the sparse span records alongside.
class SourceReader {
public:
    SourceReader(const Reader& r, Section offsets, Section records, Section spans,
                 const std::vector<std::string_view>& documents)
        : r_(r), offsets_(offsets), records_(records), spans_(spans), documents_(documents) {}

    std::vector<Source> at(std::uint64_t entity) {
        auto [a, b] = r_.range<std::uint32_t>(offsets_, entity, records_);
        if (a != expected_)
            fail(r_.file(), fmt::format("section {}, entry {}: starts at {} (expected {}, where "
                                        "the previous entity's sources end)",
                                        section_name(offsets_), entity, a, expected_));
        expected_ = b;
        std::vector<Source> out;
        out.reserve(b - a);
        for (auto i = a; i < b; ++i) {
            auto rec = r_.get<SourceRecord>(records_, i);
            std::string_view doc = r_.string(rec.document, records_, i);
            if (!std::binary_search(documents_.begin(), documents_.end(), doc))
                fail(r_.file(), fmt::format("section {}, entry {}: document '{}' is not in "
                                            "section DOCUMENTS",
                                            section_name(records_), i, doc));
            Source s(std::string(doc), std::string(r_.string(rec.quote, records_, i)));
            if (span_ < r_.count(spans_)) {
                auto sp = r_.get<SpanRecord>(spans_, span_);
                if (sp.source < i)
                    fail(r_.file(), fmt::format("section {}, entry {}: source {} is out of order "
                                                "or past its section",
                                                section_name(spans_), span_, sp.source));
                if (sp.source == i) {
                    if (sp.has_start > 1 || sp.has_end > 1 || (!sp.has_start && !sp.has_end))
                        fail(r_.file(),
                             fmt::format("section {}, entry {}: flags {} {} (expected "
                                         "0 or 1, not both 0)",
                                         section_name(spans_), span_, sp.has_start, sp.has_end));
                    if (sp.has_start) s.start = sp.start;
                    if (sp.has_end) s.end = sp.end;
                    ++span_;
                }
            }
            out.push_back(std::move(s));
        }
        return out;
    }
    void finish() const {
        if (span_ != r_.count(spans_))
            fail(r_.file(), fmt::format("section {}, entry {}: names a source past section {}",
                                        section_name(spans_), span_, section_name(records_)));
    }

private:
    const Reader& r_;
    Section offsets_, records_, spans_;
    const std::vector<std::string_view>& documents_;
    std::uint64_t span_ = 0, expected_ = 0;
};

Properties properties_at(const Reader& r, Section offsets, Section blob, std::uint64_t i) {
    auto [a, b] = r.range<std::uint64_t>(offsets, i, blob);
    return BlobReader(r, blob, i, a, b).properties();
}

// The string heap: valid UTF-8 without NUL, every string starting on a character. O(heap):
// run when content is loaded, not at open.
void check_strings(const Reader& r, const std::string& file) {
    std::string_view heap(reinterpret_cast<const char*>(r.bytes(Section::StringHeap)),
                          r.count(Section::StringHeap));
    if (auto bad = find_invalid_utf8(heap))
        fail(file, fmt::format("section STRING_HEAP, byte {}: invalid UTF-8", *bad));
    if (auto nul = heap.find('\0'); nul != std::string_view::npos)
        fail(file, fmt::format("section STRING_HEAP, byte {}: a NUL byte", nul));
    const std::uint64_t s = r.count(Section::StringOffsets);
    std::uint64_t previous = 0;
    for (std::uint64_t i = 0; i < s; ++i) {
        auto off = r.get<std::uint64_t>(Section::StringOffsets, i);
        if (off < previous || off > heap.size() || (i == 0 && off != 0) ||
            (i + 1 == s && off != heap.size()) ||
            (off < heap.size() && (static_cast<unsigned char>(heap[off]) & 0xC0) == 0x80))
            fail(file, fmt::format("section STRING_OFFSETS, entry {}: offset {} (expected "
                                   "ascending offsets from 0 to {} on character starts)",
                                   i, off, heap.size()));
        previous = off;
    }
}

}  // namespace

// The small sections every open reads (graph attributes, relation types, documents). Each string
// is checked on its own here: the whole heap is checked only when content is loaded.
std::vector<RelationId> BaseImage::read_attributes(PropertyGraph& g) const {
    Reader r(data_, *raw_, name_);
    const std::string& file = name_;
    auto text = [&](std::string_view v, Section s, std::uint64_t i) {
        if (find_invalid_utf8(v) || v.find('\0') != std::string_view::npos)
            fail(file, fmt::format("section {}, entry {}: a string that is not UTF-8 text",
                                   section_name(s), i));
        return std::string(v);
    };
    g.graph_id = text(r.string_at(Section::GraphInfo, 0), Section::GraphInfo, 0);
    g.graph_label = text(r.string_at(Section::GraphInfo, 1), Section::GraphInfo, 1);
    g.indexes = read_index_definitions(
        r.count(Section::GraphInfo), [&](std::uint64_t k) { return r.u32(Section::GraphInfo, k); },
        [&](std::uint64_t k) {
            return text(r.string_at(Section::GraphInfo, k), Section::GraphInfo, k);
        },
        file);

    std::vector<RelationId> relation_of(r.count(Section::Relations));
    for (std::uint64_t i = 0; i < relation_of.size(); ++i) {
        auto rec = r.get<RelationRecord>(Section::Relations, i);
        RelationType t;
        t.name = text(r.string(rec.name, Section::Relations, i), Section::Relations, i);
        t.ar = text(r.string(rec.ar, Section::Relations, i), Section::Relations, i);
        t.en = text(r.string(rec.en, Section::Relations, i), Section::Relations, i);
        t.symmetric = rec.symmetric != 0;
        try {
            relation_of[i] = g.relations().declare(std::move(t));
        } catch (const ArgumentError& e) {
            fail(file, fmt::format("section RELATIONS, entry {}: {}", i, e.what()));
        }
    }

    std::string previous;
    for (std::uint64_t i = 0; i < r.count(Section::Documents); ++i) {
        auto rec = r.get<DocumentRecord>(Section::Documents, i);
        auto str = [&](std::uint32_t id) {
            return text(r.string(id, Section::Documents, i), Section::Documents, i);
        };
        Document d;
        d.id = str(rec.id);
        d.title = str(rec.title);
        d.outlet = str(rec.outlet);
        d.file = str(rec.file);
        d.language = str(rec.language);
        d.url = str(rec.url);
        d.date = unpack(rec.date, file, Section::Documents, i);
        if (d.id.empty() || (i > 0 && d.id <= previous))
            fail(file, fmt::format("section DOCUMENTS, entry {}: id '{}' (expected non-empty ids "
                                   "in strictly ascending order)",
                                   i, d.id));
        previous = d.id;
        std::string key = d.id;
        g.documents().emplace(std::move(key), std::move(d));
    }
    return relation_of;
}

PropertyGraph BaseImage::to_graph() const {
    Reader r(data_, *raw_, name_);
    const std::string& file = name_;
    check_strings(r, file);
    PropertyGraph g;
    std::vector<RelationId> relation_of = read_attributes(g);
    std::vector<std::string_view> doc_ids;  // sorted, as the map's keys (which do not move)
    for (const auto& [id, doc] : g.documents()) doc_ids.push_back(id);

    std::vector<std::string> labels(r.count(Section::Labels));
    for (std::uint64_t i = 0; i < labels.size(); ++i)
        labels[i] = std::string(r.string_at(Section::Labels, i));

    const std::uint64_t n = node_count(), m = edge_count();
    g.reserve_nodes(n);
    SourceReader node_sources(r, Section::NodeSourceOffsets, Section::NodeSources,
                              Section::NodeSourceSpans, doc_ids);
    for (std::uint64_t i = 0; i < n; ++i) {
        Node node;
        node.id = std::string(r.string_at(Section::NodeId, i));
        auto [la, lb] = r.range<std::uint32_t>(Section::NodeLabelOffsets, i, Section::NodeLabels);
        for (auto k = la; k < lb; ++k)
            node.labels.push_back(labels[r.index(
                Section::NodeLabels, k, r.u32(Section::NodeLabels, k), labels.size(), "label")]);
        node.names.en = std::string(r.string_at(Section::NodeNameEn, i));
        node.names.ar = std::string(r.string_at(Section::NodeNameAr, i));
        auto [aa, ab] = r.range<std::uint32_t>(Section::NodeAliasOffsets, i, Section::NodeAliases);
        for (auto k = aa; k < ab; ++k)
            node.names.aliases.emplace_back(r.string_at(Section::NodeAliases, k));
        node.time = time_at(r, Section::NodeTime, i);
        node.sources = node_sources.at(i);
        node.properties =
            properties_at(r, Section::NodePropertyOffsets, Section::NodePropertyBlob, i);
        try {
            g.add_node(std::move(node));
        } catch (const ArgumentError& e) {
            fail(file, fmt::format("section NODE_ID, entry {}: {}", i, e.what()));
        }
    }
    node_sources.finish();

    std::vector<Edge> edges(m);
    SourceReader edge_sources(r, Section::EdgeSourceOffsets, Section::EdgeSources,
                              Section::EdgeSourceSpans, doc_ids);
    for (std::uint64_t i = 0; i < m; ++i) {
        Edge& e = edges[i];
        EdgeEnds ends = edge_ends(static_cast<EdgeIndex>(i));
        e.source = ends.source;
        e.target = ends.target;
        e.type = relation_of[ends.type];
        e.id = std::string(r.string_at(Section::EdgeId, i));
        e.time = time_at(r, Section::EdgeTime, i);
        e.sources = edge_sources.at(i);
        e.properties = properties_at(r, Section::EdgePropertyOffsets, Section::EdgePropertyBlob, i);
    }
    edge_sources.finish();
    try {
        g.add_edges(std::move(edges));
    } catch (const ArgumentError& e) {
        fail(file, fmt::format("section EDGE_SRC: {}", e.what()));
    }
    return g;
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
