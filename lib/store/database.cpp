// Opening, catching up, appending and compacting. The order of writes is what makes a crash
// harmless: a transaction is one record appended and fsynced before commit() returns;
// compaction records the new snapshot's hash in the journal before replacing the snapshot, so
// whichever file a crash leaves newer, open() knows whether the journal is already folded in.
#include "liaison/store/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "liaison/io/files.hpp"
#include "liaison/io/native_format.hpp"
#include "store/binary_format.hpp"
#include "store/file_identity.hpp"
#include "store/snapshot_codec.hpp"

namespace liaison {

using store::Fd;
using store::FileText;
using store::fill_id;
using store::fsync_folder_of;
using store::read_identified;

std::string journal_path(const std::string& db_path) { return db_path + ".journal"; }
std::string lock_path(const std::string& db_path) { return db_path + ".lock"; }

namespace {

constexpr int kLoadAttempts = 20;

// The binary store folds its journal only once it is this long: each commit appends O(change),
// and the base is rewritten (O(graph)) after enough of them to keep replay short.
std::size_t compaction_threshold(std::uint64_t base_bytes) {
    return std::max<std::size_t>(std::size_t{4} << 20, static_cast<std::size_t>(base_bytes / 64));
}

}  // namespace

// A binary base is named by its size and its header's CRC-32, which covers the directory's CRC,
// which covers every section's CRC; so it names the content as the whole file's CRC would, read
// in O(1) (the whole-file CRC was the rule before; see load_once).
store::ContentHash store::snapshot_identity(std::string_view bytes, const std::string& path) {
    if (!is_binary_store_path(path)) return store::hash_content(bytes);
    return {bytes.size(), binary::BaseImage::view(bytes, path)->header_crc()};
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::string& path) {
    Database db(path);
    db.load();
    return db;
}

Database Database::create(const std::string& path, const PropertyGraph& initial,
                          const LockOptions& lock) {
    return write_new(path, initial, lock, false);
}

Database Database::replace(const std::string& path, const PropertyGraph& g,
                           const LockOptions& lock) {
    return write_new(path, g, lock, true);
}

Database Database::write_new(const std::string& path, const PropertyGraph& g,
                             const LockOptions& lock, bool replace) {
    auto held = store::WriterLock::acquire(lock_path(path), path, lock.wait_seconds, path);
    if (!replace && std::filesystem::exists(path))
        throw StoreError(fmt::format("{}: already exists", path));
    // Held to the native reader's rules before it replaces anything.
    std::string text = store::encode_new_snapshot(g, path);
    // A journal left by an earlier file of that name must not be replayed onto this one.
    if (::unlink(journal_path(path).c_str()) != 0 && errno != ENOENT)
        throw SystemError(
            fmt::format("{}: cannot remove: {}", journal_path(path), std::strerror(errno)));
    write_file_atomic(path, text);
    held.release();
    return open(path);
}

store::WriterLock Database::lock_for_writing(double wait_seconds, bool folding) {
    return store::WriterLock::acquire(lock_path(path_), path_, wait_seconds, path_, folding);
}

void Database::load() {
    for (int attempt = 0; attempt < kLoadAttempts; ++attempt)
        if (load_once()) return;
    throw StoreError(fmt::format("{}: the file kept changing while it was being read", path_));
}

// One attempt: false when the snapshot changed while the pair was read (a compaction ran).
bool Database::load_once() {
    std::string jpath = journal_path(path_);
    const bool binary = is_binary_store_path(path_);
    // A binary base is mapped, not read: open checks its header, directory and section bounds,
    // and content is read when first used (PropertyGraph::attach_base).
    std::shared_ptr<const binary::BaseImage> image;
    FileText snap;
    if (binary) {
        struct stat before {};
        if (::stat(path_.c_str(), &before) != 0)
            throw SystemError(fmt::format("{}: cannot open: {}", path_, std::strerror(errno)));
        image = binary::BaseImage::open_file(path_);
        fill_id(before, snap);
        if (snap.size != image->file_bytes()) return false;  // replaced between the two
    } else {
        snap = *read_identified(path_, false);
    }
    std::optional<FileText> journal = read_identified(jpath, true);
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0)
        return false;  // replaced between the reads: retry (or fail on the next read)
    FileText again;
    fill_id(st, again);
    if (again.dev != snap.dev || again.ino != snap.ino || again.size != snap.size ||
        again.mtime_ns != snap.mtime_ns)
        return false;

    warnings_.clear();
    carried_.clear();
    journal_loads_base_ = false;
    if (binary) {
        graph_ = binary::lazy_graph(image);
        snapshot_hash_ = {image->file_bytes(), image->header_crc()};
    } else {
        graph_ = store::decode_snapshot(snap.text, path_);
        snapshot_hash_ = store::hash_content(snap.text);
    }
    snapshot_id_ = {snap.dev, snap.ino, snap.size, snap.mtime_ns};
    journal_state_ = JournalState::Missing;
    journal_id_ = {};
    journal_end_ = journal_size_ = journal_tx_ = 0;
    if (!journal) return true;

    journal_id_ = {journal->dev, journal->ino, journal->size, journal->mtime_ns};
    journal_size_ = journal->text.size();
    store::JournalScan scan = store::scan_journal(journal->text, jpath);
    journal_end_ = scan.valid_end;
    if (!scan.has_header()) {
        if (!scan.records.empty())
            throw StoreError(fmt::format("{}: does not start with a journal header", jpath));
        journal_state_ = JournalState::Stale;
        if (scan.torn_bytes)
            warnings_.push_back(fmt::format(
                "{}: ignored {} bytes without a complete header (a journal being created when "
                "the process stopped); no transaction was in it",
                jpath, scan.torn_bytes));
        return true;
    }
    // Where replay starts: after the last compaction whose snapshot is the one on disk (it
    // holds everything before), else after the header if the journal was written for it.
    // Journals of a binary base written before it was named by its header name it by the
    // whole file's CRC: that rule is tried only when the new one finds nothing (O(file), once).
    std::size_t from = 0;
    auto find_start = [&](const store::ContentHash& base) {
        for (std::size_t i = scan.records.size(); i-- > 1;) {
            if (scan.records[i].kind == store::RecordKind::Compact &&
                scan.records[i].snapshot == base) {
                from = i + 1;
                journal_state_ = JournalState::Stale;
                return;
            }
        }
        if (scan.records.front().snapshot == base) {
            from = 1;
            journal_state_ = JournalState::Live;
        }
    };
    find_start(snapshot_hash_);
    if (from == 0 && binary) {
        find_start(store::hash_content(image->bytes()));
        // A live journal of the old rule keeps its header; new records follow it unchanged.
        if (from != 0) snapshot_hash_ = store::hash_content(image->bytes());
    }
    if (from == 0) {
        std::size_t pending = 0;
        for (const auto& r : scan.records) pending += r.kind == store::RecordKind::Transaction;
        if (pending > 0)
            throw StoreError(fmt::format(
                "{}: holds {} committed transaction{} written for another version of {} (the "
                "file was replaced or edited while they were pending); they were not applied. "
                "Restore the file they were written for, or move the journal away to use the "
                "file as it is",
                jpath, pending, pending == 1 ? "" : "s", path_));
        journal_state_ = JournalState::Stale;  // an empty journal of an earlier version
        return true;
    }
    if (journal_state_ == JournalState::Stale) {
        // The snapshot on disk is a compaction's: the transactions it carried come first, and
        // they and any after it start the next journal, which replaces this stale one.
        const store::JournalRecord& compaction = scan.records[from - 1];
        for (std::size_t k = 0; k < compaction.carried.size(); ++k) {
            replay_ops(compaction.carried[k],
                       fmt::format("{}: transaction {} carried by the compaction at byte {}", jpath,
                                   k + 1, compaction.offset));
            carried_.push_back(store::transaction_record(compaction.carried[k]));
        }
        for (std::size_t i = from; i < scan.records.size(); ++i)
            if (scan.records[i].kind == store::RecordKind::Transaction)
                carried_.emplace_back(journal->text.substr(
                    scan.records[i].offset, scan.records[i].end - scan.records[i].offset));
    }
    replay(scan, from, jpath);
    if (scan.torn_bytes)
        warnings_.push_back(fmt::format(
            "{}: ignored an incomplete transaction at byte {} ({} bytes; a commit interrupted "
            "by a crash, never reported as committed); {} committed transaction{} applied",
            jpath, scan.valid_end, scan.torn_bytes, journal_tx_, journal_tx_ == 1 ? "" : "s"));
    return true;
}

void Database::replay(const store::JournalScan& scan, std::size_t from, const std::string& jpath) {
    for (std::size_t i = from; i < scan.records.size(); ++i) {
        const store::JournalRecord& r = scan.records[i];
        if (r.kind == store::RecordKind::Header)
            throw StoreError(fmt::format("{}: a second header at byte {}", jpath, r.offset));
        if (r.kind != store::RecordKind::Transaction) continue;  // an unfinished compaction
        replay_ops(r.ops, fmt::format("{}: transaction at byte {}", jpath, r.offset));
    }
}

void Database::replay_ops(std::string_view json, const std::string& where) {
    std::vector<store::Op> ops;
    try {
        ops = store::decode_ops(json, where);
    } catch (const InputError& e) {
        throw StoreError(fmt::format("{}: {}", where, e.message()));
    }
    journal_loads_base_ = journal_loads_base_ || store::loads_base(ops);
    for (const store::Op& op : ops) {
        try {
            store::apply_replayed(graph_, op);
        } catch (const Error& e) {
            throw StoreError(fmt::format("{} does not apply to {}: {}", where, path_, e.what()));
        }
    }
    ++journal_tx_;
}

void Database::refresh() { catch_up(); }

// Brings graph_ up to date with the files: replays only new journal records when the snapshot
// and journal are the ones already loaded, reloads everything otherwise.
void Database::catch_up() {
    std::string jpath = journal_path(path_);
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0)
        throw SystemError(fmt::format("{}: cannot open: {}", path_, std::strerror(errno)));
    FileText now;
    fill_id(st, now);
    FileId snap{now.dev, now.ino, now.size, now.mtime_ns};
    if (snap != snapshot_id_) return load();
    if (journal_state_ != JournalState::Live) {
        struct stat js {};
        bool exists = ::stat(jpath.c_str(), &js) == 0;
        if (!exists && journal_state_ == JournalState::Missing) return;
        if (exists && journal_state_ == JournalState::Stale && js.st_ino == journal_id_.ino &&
            static_cast<std::uint64_t>(js.st_size) == journal_id_.size)
            return;
        return load();
    }
    std::optional<FileText> journal = read_identified(jpath, true);
    if (!journal || journal->dev != journal_id_.dev || journal->ino != journal_id_.ino ||
        journal->text.size() < journal_end_)
        return load();
    if (journal->text.size() == journal_size_) return;  // nothing new
    store::JournalScan scan = store::scan_journal(journal->text, jpath);
    std::size_t from = scan.records.size();
    for (std::size_t i = 0; i < scan.records.size(); ++i)
        if (scan.records[i].offset == journal_end_) from = i;
    if (scan.valid_end < journal_end_ ||
        (from == scan.records.size() && scan.valid_end != journal_end_))
        return load();
    try {
        replay(scan, from, jpath);
    } catch (...) {
        snapshot_id_ = {};  // graph_ is part-way: the next use reloads from the files
        throw;
    }
    journal_end_ = scan.valid_end;
    journal_size_ = journal->text.size();
    journal_id_.size = journal->size;
}

// With the lock held: a torn tail left by a crashed writer is cut off, so the next record
// follows the last whole one.
void Database::prepare_journal_for_append() {
    if (journal_state_ != JournalState::Live || journal_size_ <= journal_end_) return;
    std::string jpath = journal_path(path_);
    if (::truncate(jpath.c_str(), static_cast<off_t>(journal_end_)) != 0)
        throw SystemError(
            fmt::format("{}: cannot remove an incomplete record: {}", jpath, std::strerror(errno)));
    Fd f;
    f.fd = ::open(jpath.c_str(), O_WRONLY | O_CLOEXEC);
    if (f.fd >= 0) ::fsync(f.fd);
    warnings_.push_back(fmt::format(
        "{}: removed an incomplete transaction at byte {} ({} bytes, interrupted by a crash)",
        jpath, journal_end_, journal_size_ - journal_end_));
    journal_size_ = journal_end_;
}

void Database::append(const std::string& record, bool transaction) {
    std::string jpath = journal_path(path_);
    if (journal_state_ != JournalState::Live) {
        std::string header = store::journal_start(snapshot_hash_, carried_);
        write_file_atomic(jpath, header, path_);  // as private as the database
        struct stat st {};
        if (::stat(jpath.c_str(), &st) != 0)
            throw SystemError(fmt::format("{}: cannot stat: {}", jpath, std::strerror(errno)));
        FileText id;
        fill_id(st, id);
        journal_id_ = {id.dev, id.ino, id.size, id.mtime_ns};
        journal_state_ = JournalState::Live;
        journal_end_ = journal_size_ = header.size();
        journal_tx_ = carried_.size();
        carried_.clear();
    }
    Fd f;
    f.fd = ::open(jpath.c_str(), O_WRONLY | O_CLOEXEC);
    if (f.fd < 0)
        throw SystemError(
            fmt::format("{}: cannot open for writing: {}; {}", jpath, io_failure_reason(errno),
                        transaction ? "nothing was committed" : "nothing was folded"));
    std::size_t done = 0;
    auto fail = [&](const char* what) {
        int err = errno;
        // Cut back to the last whole record so no partial record stays behind; if that fails
        // too, the partial record is a torn tail: ignored by readers, cut by the next writer.
        bool cut = ::ftruncate(f.fd, static_cast<off_t>(journal_end_)) == 0;
        if (cut) ::fsync(f.fd);
        journal_size_ = cut ? journal_end_ : std::max(journal_size_, journal_end_ + done);
        throw SystemError(fmt::format(
            "{}: cannot {} {}: {}; {}{}", jpath, what,
            transaction ? "the transaction" : "the compaction record", io_failure_reason(err),
            transaction ? "nothing was committed" : "nothing was folded",
            cut ? "" : " (an incomplete record remains and will be ignored)"));
    };
    while (done < record.size()) {
        ssize_t n = ::pwrite(f.fd, record.data() + done, record.size() - done,
                             static_cast<off_t>(journal_end_ + done));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fdatasync(f.fd) != 0) fail("flush to disk");
    journal_end_ += record.size();
    journal_size_ = journal_end_;
    journal_id_.size = journal_end_;
}

WriteTransaction Database::begin(const LockOptions& lock) {
    if (in_transaction_)
        throw ArgumentError(fmt::format("{}: a transaction is already open", path_));
    auto held = lock_for_writing(lock.wait_seconds);
    catch_up();
    prepare_journal_for_append();
    return WriteTransaction(*this, std::move(held));
}

UpdateResult Database::update(const std::function<void(WriteTransaction&)>& change,
                              const UpdateOptions& options) {
    if (in_transaction_)
        throw ArgumentError(fmt::format("{}: a transaction is already open", path_));
    auto held = lock_for_writing(options.wait_seconds);
    catch_up();
    prepare_journal_for_append();
    UpdateResult result;
    {
        WriteTransaction tx(*this, std::nullopt);  // under `held`, through the compaction
        tx.in_update_ = true;
        change(tx);  // a throw rolls the transaction back and releases the lock
        result.operations = tx.size();
        tx.commit_held();
    }
    if (!options.compact || (result.operations == 0 && journal_state_ == JournalState::Missing))
        return result;
    // The binary store is not rewritten for git diffs: its journal is folded once it is long,
    // or, by the CLI in the background, once it holds a change that every open would replay by
    // loading the base whole (an edit or removal: the overlay holds additions only).
    const bool binary = is_binary_store_path(path_);
    const bool fold_soon = binary && options.compact_later && journal_loads_base_ &&
                           journal_state_ == JournalState::Live;
    if (binary && !fold_soon &&
        (journal_state_ != JournalState::Live ||
         journal_end_ < compaction_threshold(snapshot_id_.size)))
        return result;
    // A background compaction may not finish (killed, or the file replaced meanwhile), so past
    // twice the threshold the commit folds the journal itself, bounding replay.
    if (options.compact_later && binary &&
        journal_end_ < 2 * compaction_threshold(snapshot_id_.size)) {
        result.compaction_due = true;
        return result;
    }
    // The commit is durable: from here on nothing may report the change as failed.
    try {
        compact_locked();
        result.compacted = true;
    } catch (const std::exception& e) {
        result.compaction_deferred = e.what();
        snapshot_id_ = {};  // whatever the failure left in memory, the next use reloads
    }
    return result;
}

CompactResult Database::compact(const LockOptions& lock) {
    if (in_transaction_)
        throw ArgumentError(fmt::format("{}: cannot compact while a transaction is open", path_));
    if (auto done = compact_concurrently(lock)) return *done;
    // Superseded, or another compaction is under way: fold what is left under the lock.
    auto held = lock_for_writing(lock.wait_seconds);
    catch_up();
    prepare_journal_for_append();
    return compact_locked();
}

// With the lock held and the state caught up.
CompactResult Database::compact_locked(std::string prepared, std::vector<std::string> carried) {
    std::string jpath = journal_path(path_);
    CompactResult result;
    result.transactions = journal_tx_ - carried.size();
    result.journal_bytes = journal_state_ == JournalState::Missing ? 0 : journal_size_;

    std::string text =
        prepared.empty() ? store::encode_snapshot(graph_, path_) : std::move(prepared);
    store::ContentHash target = store::snapshot_identity(text, path_);
    if (!carried.empty() && target == snapshot_hash_)
        return {};  // what was built changes nothing: the journal stays as it is
    if (target != snapshot_hash_) {
        std::size_t before = journal_end_;
        if (journal_state_ == JournalState::Live)
            append(store::compact_record(target, carried), false);
        try {
            write_file_atomic(path_, text);
        } catch (...) {
            if (journal_state_ == JournalState::Live &&
                ::truncate(jpath.c_str(), static_cast<off_t>(before)) == 0)
                journal_end_ = journal_size_ = before;
            throw;
        }
        result.rewritten = true;
    }
    if (!carried.empty()) {
        // The new snapshot's journal: a header naming it and the carried transactions. Until it
        // replaces the old journal, the compaction record there carries them (load_once).
        std::vector<std::string> records;
        for (const std::string& ops : carried) records.push_back(store::transaction_record(ops));
        std::string fresh = store::journal_start(target, records);
        std::string unwritten;
        try {
            write_file_atomic(jpath, fresh, path_);
            fsync_folder_of(path_);
        } catch (const std::exception& e) {
            unwritten = e.what();
        }
        snapshot_id_ = {};
        load();
        result.carried = carried.size();
        if (!unwritten.empty())
            warnings_.push_back(fmt::format(
                "{} (the compaction record in the old journal carries its transactions)",
                unwritten));
        return result;
    }
    if (journal_state_ != JournalState::Missing) {
        if (::unlink(jpath.c_str()) != 0 && errno != ENOENT)
            throw SystemError(fmt::format("{}: cannot remove: {}", jpath, std::strerror(errno)));
        fsync_folder_of(path_);
    }
    // Reload from the text itself: a later open reads the snapshot in canonical order, and
    // journal records name parallel edges by their order. A binary base is mapped again from
    // the file just written (the same bytes), so its content is not held twice.
    if (is_binary_store_path(path_)) {
        text = {};
        graph_ = binary::lazy_graph(binary::BaseImage::open_file(path_));
    } else {
        graph_ = store::decode_snapshot(text, path_);
    }
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0) {
        FileText id;
        fill_id(st, id);
        snapshot_id_ = {id.dev, id.ino, id.size, id.mtime_ns};
    }
    snapshot_hash_ = target;
    carried_.clear();
    journal_loads_base_ = false;
    journal_state_ = JournalState::Missing;
    journal_id_ = {};
    journal_end_ = journal_size_ = journal_tx_ = 0;
    return result;
}

}  // namespace liaison
