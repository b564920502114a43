#pragma once
// The journal's framing: one line per record,
//     LJ1 <payload length> <crc32 of payload, 8 hex digits> <payload>\n
// where the payload is one-line JSON. The first record is a header naming the snapshot the
// journal applies to (its size and CRC-32); then come transactions ({"ops": […]}) and, while a
// compaction is under way, a record naming the snapshot being written ({"compact": …}), with
// the transactions committed while it was built, which that snapshot does not hold, restated
// for it ({"carried": [[…], …]}: applied after it when it is the snapshot on disk).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::store {

// Identifies a snapshot by content, so a journal is never replayed onto a snapshot it was not
// written for.
struct ContentHash {
    std::uint64_t size = 0;
    std::uint32_t crc32 = 0;
    bool operator==(const ContentHash&) const = default;
    std::string to_string() const;  // "size 1234, crc32 89abcdef"
};
ContentHash hash_content(std::string_view text);
// What names the database file `path` holding `bytes` in its journal's header and compaction
// records: hash_content of a JSON snapshot's text; a binary base's size and header CRC-32.
ContentHash snapshot_identity(std::string_view bytes, const std::string& path);

enum class RecordKind { Header, Transaction, Compact };

struct JournalRecord {
    RecordKind kind = RecordKind::Transaction;
    ContentHash snapshot;  // Header: the base snapshot; Compact: the snapshot being written
    std::string_view ops;  // Transaction: the JSON list of operations
    // Compact: each carried transaction's JSON list of operations, to apply after the snapshot.
    std::vector<std::string> carried;
    std::size_t offset = 0;  // where the record starts in the journal
    std::size_t end = 0;     // just past its newline
};

struct JournalScan {
    std::vector<JournalRecord> records;  // whole, checksummed records, in order
    std::size_t valid_end = 0;           // offset just past the last whole record
    std::size_t torn_bytes = 0;          // bytes after valid_end: an incomplete record
    bool has_header() const {
        return !records.empty() && records.front().kind == RecordKind::Header;
    }
};

// Splits a journal's text into records. Stops at the first record that is incomplete or fails
// its checksum (a torn tail, reported in torn_bytes). Throws StoreError (naming `name`) when a
// damaged record is followed by whole ones, or a whole record holds something unknown: that is
// corruption, not an interrupted append. The records' views point into `text`.
JournalScan scan_journal(std::string_view text, const std::string& name);

// A framed record holding `payload`.
std::string frame_record(std::string_view payload);
std::string header_record(const ContentHash& base);
// A new journal's text: the header naming `base`, then `records` (framed) as they are.
std::string journal_start(const ContentHash& base, const std::vector<std::string>& records);
std::string compact_record(const ContentHash& target, const std::vector<std::string>& carried = {});
std::string transaction_record(std::string_view ops_json);

}  // namespace liaison::store
