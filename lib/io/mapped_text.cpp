#include "io/mapped_text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <mutex>

namespace liaison::detail {

namespace {

constexpr std::size_t kAhead = std::size_t{1} << 20;     // checked ahead of the parser
constexpr std::size_t kRelease = std::size_t{16} << 20;  // dropped behind it in steps of this

std::size_t page_size() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }

// A mapped file can shrink under the reader (another program truncates it): touching a page
// past its new end raises SIGBUS, which would kill the process. While a text is mapped, its
// range sits in this table; the handler maps a page of zeros over the faulting address and
// marks the range, so the parse meets NULs, refuses the text, and the caller falls back to
// reading the file, which reports what it finds there. Other faults go to the handler that was
// installed before.
struct Guarded {
    std::atomic<bool> taken{false};
    std::atomic<std::uintptr_t> begin{0}, end{0};
    std::atomic<bool> faulted{false};
};
constexpr int kGuarded = 64;  // texts mapped at once; beyond that, files are read, not mapped
Guarded guarded[kGuarded];
struct sigaction previous_sigbus {};
std::uintptr_t page_mask = 0;

void on_sigbus(int sig, siginfo_t* info, void* context) {
    const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (Guarded& g : guarded) {
        if (at < g.begin.load() || at >= g.end.load()) continue;
        void* page = reinterpret_cast<void*>(at & page_mask);
        if (::mmap(page, ~page_mask + 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
                   0) != MAP_FAILED) {
            g.faulted.store(true);
            return;  // the read is retried and finds zeros
        }
    }
    // Not a guarded text: back to the previous action, which the retried access (or, for a
    // signal sent by a process, the signal raised again) then meets.
    ::sigaction(SIGBUS, &previous_sigbus, nullptr);
    if (info->si_code <= 0) {
        ::raise(sig);
    } else if ((previous_sigbus.sa_flags & SA_SIGINFO) && previous_sigbus.sa_sigaction) {
        previous_sigbus.sa_sigaction(sig, info, context);
    }
}

// The slot guarding [begin, end), or -1 when all are taken.
int guard(const void* begin, std::size_t size) {
    static std::once_flag installed;
    std::call_once(installed, [] {
        page_mask = ~(static_cast<std::uintptr_t>(page_size()) - 1);
        struct sigaction action {};
        action.sa_sigaction = on_sigbus;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &previous_sigbus);
    });
    for (int i = 0; i < kGuarded; ++i) {
        bool free = false;
        if (!guarded[i].taken.compare_exchange_strong(free, true)) continue;
        guarded[i].faulted.store(false);
        guarded[i].end.store(reinterpret_cast<std::uintptr_t>(begin) + size);
        guarded[i].begin.store(reinterpret_cast<std::uintptr_t>(begin));
        return i;
    }
    return -1;
}

void unguard(int slot) {
    guarded[slot].begin.store(0);
    guarded[slot].end.store(0);
    guarded[slot].taken.store(false);
}

}  // namespace

MappedText::MappedText(File file) {
    const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    // Zeroed anonymous pages with the file mapped over their start: whatever the size, the byte
    // after the text is a NUL (the rest of the file's last page is zeroed by the kernel too).
    const std::size_t page = page_size();
    const std::size_t total = (size / page + 1) * page;
    void* base = ::mmap(nullptr, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
        ::close(fd);
        return;
    }
    if (size > 0 && ::mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        ::munmap(base, total);
        ::close(fd);
        return;
    }
    ::close(fd);  // the mapping keeps the file
    guard_ = guard(base, total);
    if (guard_ < 0) {
        ::munmap(base, total);
        return;
    }
    if (size > 0) ::madvise(base, size, MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(base);
    size_ = size;
    mapped_ = total;
}

MappedText::MappedText(std::string_view text) : size_(text.size()), copy_(text) {
    data_ = copy_.c_str();
}

MappedText::~MappedText() {
    if (!mapped_) return;
    unguard(guard_);
    ::munmap(const_cast<char*>(data_), mapped_);
}

bool MappedText::shrank() const { return mapped_ && guarded[guard_].faulted.load(); }

void MappedText::check_to(std::size_t end) {
    end = std::min(end, size_);
    if (end <= checked_ || refused_) return;
    if (!checks_.next(std::string_view(data_ + checked_, end - checked_))) refused_ = true;
    checked_ = end;
}

void MappedText::step(std::size_t offset) {
    check_to(offset + kAhead);
    next_ = checked_ - std::min(checked_, kAhead / 2);
    // Pages of a private, unwritten file mapping are dropped and read again from the file if
    // touched (the validated path does not: it reads the file itself).
    if (mapped_ && offset >= released_ + kRelease + kAhead) {
        const std::size_t page = page_size();
        const std::size_t upto = (offset - kAhead) / page * page;
        ::madvise(const_cast<char*>(data_) + released_, upto - released_, MADV_DONTNEED);
        released_ = upto;
    }
}

bool MappedText::accepted() {
    check_to(size_);
    return !refused_ && checks_.finish() && !shrank();
}

}  // namespace liaison::detail
