// Fuzz target: the journal. The input is read both as a journal file (framing and checksums)
// and as one transaction's operation list, applied to a small network. Whatever the store
// accepts must leave a network the native reader reads back: the snapshot can never be
// poisoned through the journal.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/store/journal.hpp"
#include "liaison/store/ops.hpp"
#include "store/ops_sax.hpp"

namespace {
liaison::PropertyGraph base() {
    static const liaison::PropertyGraph g = liaison::parse_graph_json(
        R"({"graph": {"nodes": {
          "a": {"metadata": {"labels": ["Person"], "names": {"en": "A"}}},
          "b": {"metadata": {"labels": ["City"], "names": {"ar": "ب"}}}},
          "edges": [{"source": "a", "target": "b", "relation": "MET_WITH"},
                    {"source": "a", "target": "b", "relation": "MET_WITH"}],
          "metadata": {"liaison": {"documents": {"d": {"title": "T"}}}}}})",
        "base");
    return g;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        liaison::store::JournalScan scan = liaison::store::scan_journal(text, "fuzz.journal");
        FUZZ_CHECK(scan.valid_end + scan.torn_bytes == text.size());
    } catch (const liaison::Error&) {
    }
    // Whatever the direct reading of a record accepts, the tree's reads the same way.
    if (auto direct = liaison::store::decode_ops_directly(text)) {
        std::string tree;
        try {
            tree =
                liaison::store::encode_ops(liaison::store::decode_ops_through_tree(text, "fuzz"));
        } catch (const liaison::Error&) {
            FUZZ_CHECK(false);
        }
        FUZZ_CHECK(liaison::store::encode_ops(*direct) == tree);
    }
    liaison::PropertyGraph g = base();
    try {
        for (const auto& op : liaison::store::decode_ops(text, "fuzz"))
            liaison::store::apply(g, op);
    } catch (const liaison::Error&) {
    }
    std::string written = liaison::write_graph_json(g);
    liaison::PropertyGraph back = liaison::parse_graph_json(written, "after");
    FUZZ_CHECK(liaison::write_graph_json(back) == written);
    return 0;
}
