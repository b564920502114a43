#include "liaison/store/journal.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <zlib.h>

#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "liaison/store/error.hpp"

namespace liaison::store {

namespace {

constexpr std::string_view kMagic = "LJ1 ";
constexpr std::string_view kOpsPrefix = "{\"ops\":";

std::uint32_t crc32_of(std::string_view data) {
    return static_cast<std::uint32_t>(
        ::crc32_z(0L, reinterpret_cast<const Bytef*>(data.data()), data.size()));
}

std::string hash_json(const ContentHash& h) {
    return fmt::format("{{\"crc32\":\"{:08x}\",\"size\":{}}}", h.crc32, h.size);
}

// Reads {"crc32": "hex", "size": n}; false when it is not that.
bool read_hash(const rapidjson::Value& v, ContentHash& out) {
    if (!v.IsObject() || !v.HasMember("crc32") || !v.HasMember("size")) return false;
    const auto& crc = v["crc32"];
    const auto& size = v["size"];
    if (!crc.IsString() || crc.GetStringLength() != 8 || !size.IsUint64()) return false;
    std::string_view hex(crc.GetString(), 8);
    auto [p, ec] = std::from_chars(hex.data(), hex.data() + 8, out.crc32, 16);
    if (ec != std::errc() || p != hex.data() + 8) return false;
    out.size = size.GetUint64();
    return true;
}

// A compaction record's carried transactions, each list of operations as one-line JSON text;
// false when "carried" is there but is not a list of lists.
bool read_carried(const rapidjson::Value& record, std::vector<std::string>& out) {
    auto it = record.FindMember("carried");
    if (it == record.MemberEnd()) return true;
    if (!it->value.IsArray()) return false;
    for (const auto& ops : it->value.GetArray()) {
        if (!ops.IsArray()) return false;
        rapidjson::StringBuffer text;
        rapidjson::Writer<rapidjson::StringBuffer> writer(text);
        ops.Accept(writer);
        out.emplace_back(text.GetString(), text.GetSize());
    }
    return true;
}

enum class Framing { Whole, Damaged };

// Checks the framing and checksum of the record at `at`; on success fills payload and end.
Framing frame_at(std::string_view text, std::size_t at, std::string_view& payload,
                 std::size_t& end) {
    std::string_view rest = text.substr(at);
    if (rest.substr(0, kMagic.size()) != kMagic) return Framing::Damaged;
    rest.remove_prefix(kMagic.size());
    std::uint64_t length = 0;
    const char* digits_end = rest.data() + std::min<std::size_t>(rest.size(), 20);
    auto [p, ec] = std::from_chars(rest.data(), digits_end, length);
    // The length may run to the end of the input (found by fuzz_journal): no separator there.
    if (ec != std::errc() || p == rest.data() || p == digits_end || *p != ' ')
        return Framing::Damaged;
    rest.remove_prefix(static_cast<std::size_t>(p - rest.data()) + 1);
    if (rest.size() < 9 || rest[8] != ' ') return Framing::Damaged;
    std::uint32_t crc = 0;
    auto [q, ec2] = std::from_chars(rest.data(), rest.data() + 8, crc, 16);
    if (ec2 != std::errc() || q != rest.data() + 8) return Framing::Damaged;
    rest.remove_prefix(9);
    if (length >= rest.size() || rest[length] != '\n') return Framing::Damaged;
    payload = rest.substr(0, length);
    if (crc32_of(payload) != crc) return Framing::Damaged;
    end = static_cast<std::size_t>(payload.data() + length + 1 - text.data());
    return Framing::Whole;
}

JournalRecord classify(std::string_view payload, std::size_t offset, std::size_t end,
                       const std::string& name) {
    JournalRecord r;
    r.offset = offset;
    r.end = end;
    if (payload.size() > kOpsPrefix.size() && payload.substr(0, kOpsPrefix.size()) == kOpsPrefix &&
        payload.back() == '}') {
        r.kind = RecordKind::Transaction;
        r.ops = payload.substr(kOpsPrefix.size(), payload.size() - kOpsPrefix.size() - 1);
        return r;
    }
    rapidjson::Document d;
    std::string buffer(payload);
    // Full precision: a carried operation's numbers are written out again from this tree.
    d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(buffer.c_str(),
                                                                                 buffer.size());
    if (!d.HasParseError() && d.IsObject()) {
        if (d.HasMember("base") && d.HasMember("journal") && d["journal"].IsInt() &&
            d["journal"].GetInt() == 1 && read_hash(d["base"], r.snapshot)) {
            r.kind = RecordKind::Header;
            return r;
        }
        if (d.HasMember("compact") && read_hash(d["compact"], r.snapshot) &&
            read_carried(d, r.carried)) {
            r.kind = RecordKind::Compact;
            return r;
        }
    }
    throw StoreError(fmt::format(
        "{}: the record at byte {} has a valid checksum but unknown content (written by a newer "
        "liaison?)",
        name, offset));
}

}  // namespace

std::string ContentHash::to_string() const {
    return fmt::format("size {}, crc32 {:08x}", size, crc32);
}

ContentHash hash_content(std::string_view text) { return {text.size(), crc32_of(text)}; }

JournalScan scan_journal(std::string_view text, const std::string& name) {
    JournalScan scan;
    std::size_t at = 0;
    while (at < text.size()) {
        std::string_view payload;
        std::size_t end = 0;
        if (frame_at(text, at, payload, end) == Framing::Damaged) break;
        scan.records.push_back(classify(payload, at, end, name));
        at = end;
    }
    scan.valid_end = at;
    scan.torn_bytes = text.size() - at;
    if (scan.torn_bytes == 0) return scan;
    // An interrupted append leaves garbage only at the very end. A whole record after the
    // damage means the damage is in the middle: refuse rather than drop what follows.
    for (std::size_t nl = text.find('\n', at); nl != std::string_view::npos;
         nl = text.find('\n', nl + 1)) {
        std::string_view payload;
        std::size_t end = 0;
        if (frame_at(text, nl + 1, payload, end) == Framing::Whole)
            throw StoreError(fmt::format(
                "{}: the record at byte {} is damaged but whole records follow it at byte {}; the "
                "journal is corrupt (not an interrupted write) and was not applied",
                name, at, nl + 1));
    }
    return scan;
}

std::string frame_record(std::string_view payload) {
    return fmt::format("{}{} {:08x} {}\n", kMagic, payload.size(), crc32_of(payload), payload);
}

std::string header_record(const ContentHash& base) {
    return frame_record(fmt::format("{{\"base\":{},\"journal\":1}}", hash_json(base)));
}

std::string journal_start(const ContentHash& base, const std::vector<std::string>& records) {
    std::string text = header_record(base);
    for (const std::string& r : records) text += r;
    return text;
}

std::string compact_record(const ContentHash& target, const std::vector<std::string>& carried) {
    if (carried.empty()) return frame_record(fmt::format("{{\"compact\":{}}}", hash_json(target)));
    return frame_record(fmt::format("{{\"compact\":{},\"carried\":[{}]}}", hash_json(target),
                                    fmt::join(carried, ",")));
}

std::string transaction_record(std::string_view ops_json) {
    std::string payload;
    payload.reserve(kOpsPrefix.size() + ops_json.size() + 1);
    payload.append(kOpsPrefix).append(ops_json).append("}");
    return frame_record(payload);
}

}  // namespace liaison::store
