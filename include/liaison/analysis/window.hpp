#pragma once
/// @file
/// Time windows: the one grammar every command, report spec and query procedure reads a window
/// in, and the one rule that says which entities and ties hold in it (docs/algorithms.md, "Time
/// windows").
///
/// A window text is one of
///  - a date, whole or partial: `2025`, `2025-11`, `2025-11-24` (that year, month or day);
///  - a range of two dates, either end open: `2023..2025`, `2023-11..`, `..2025-06` (from the
///    first day of the first to the last day of the second);
///  - a dated entity, by id or any name: an event means its start..end (its date when it has one).
/// A bound (`--from X`, `--to Y`, a spec's "from"/"to") is a window text too: `from` takes the
/// start of its window, `to` the end, so `--from interpol-ga-91 --to interpol-ga-93` spans both
/// assemblies and `--to 2023` ends on 31 December 2023.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::analysis {

/// Parses a date or a range. Returns nullopt when the text is not written like one (it may
/// name an entity); throws ArgumentError "FIELD: '…' is not a window: …" when it is written
/// like a date but is not a valid one (`2025-13`, `2025..2023`, `..`). `field` names the option
/// or spec field in messages ("--from", "sections[2].before").
std::optional<TimeWindow> parse_dates(std::string_view text, std::string_view field);

/// Parses any window text, an entity included (resolved in `g` with liaison::resolve). Throws
/// ArgumentError naming `field` when the text is neither a date, a range nor a dated entity.
TimeWindow parse_window(const PropertyGraph& g, std::string_view text, std::string_view field);

/// A window from two bounds, each a window text or empty (open): the start of `from`'s window
/// to the end of `to`'s. Throws ArgumentError when a bound is bad or the window ends before it
/// starts.
TimeWindow window_from_bounds(const PropertyGraph& g, std::string_view from, std::string_view to,
                              std::string_view from_field = "--from",
                              std::string_view to_field = "--to");
/// The same without a graph: dates and ranges only (an entity is refused, naming the field).
TimeWindow window_from_bounds(std::string_view from, std::string_view to,
                              std::string_view from_field = "from",
                              std::string_view to_field = "to");

/// Non-throwing form for callers that try other readings first: nullopt for anything that is
/// not a valid date or range.
std::optional<TimeWindow> parse_window(std::string_view text);

/// When an edge holds: its own date or start/end; else the time of an `Event` node at either
/// end; else the time of the node its `event` property names (an ATTENDED edge or a meeting at
/// a General Assembly carries the assembly's dates). Empty when none of these is dated.
TimeSpan effective_time(const PropertyGraph& g, EdgeIndex e);

/// Whether a span falls in a window (overlaps it, partial dates covering their whole period);
/// an empty span is in every window when keep_undated, in no bounded window otherwise.
bool in_window(const TimeSpan& span, const TimeWindow& window, bool keep_undated);

/// Which entities and ties hold in a window; the rule every window in liaison applies:
///  - a tie (edge) is dated by effective_time(); a dated tie is in when that time overlaps
///    the window; an undated tie (HEADS, LOCATED_IN) is a timeless fact, in when keep_undated;
///  - a dated entity (an event) is in when its own dates overlap the window; an undated entity
///    (a person, an agency) is in when a dated tie in the window touches it;
///  - a tie is kept only when both its ends are in.
/// `candidates`, when given (one flag per edge), limits the ties considered, so edge-type and
/// label filters apply first: only candidate ties make an entity active. An unbounded window
/// keeps everything. O(n + m).
class WindowFilter {
public:
    WindowFilter(const PropertyGraph& g, const TimeWindow& window, bool keep_undated,
                 const std::vector<char>* candidates = nullptr);
    bool node(NodeIndex n) const { return all_ || node_in_[n] != 0; }
    bool edge(EdgeIndex e) const { return all_ || edge_in_[e] != 0; }

private:
    bool all_ = false;
    std::vector<char> node_in_;
    std::vector<char> edge_in_;
};

}  // namespace liaison::analysis
