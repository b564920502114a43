#include "liaison/core/value.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <new>
#include <stdexcept>

#include <fmt/format.h>

namespace liaison {

const char* Value::kind_name(Kind k) {
    switch (k) {
        case Kind::Null:
            return "NULL";
        case Kind::Bool:
            return "BOOLEAN";
        case Kind::Int:
            return "INTEGER";
        case Kind::Float:
            return "FLOAT";
        case Kind::String:
            return "STRING";
        case Kind::Date:
            return "DATE";
        case Kind::List:
            return "LIST";
        case Kind::Map:
            return "MAP";
        case Kind::Node:
            return "NODE";
        case Kind::Relationship:
            return "RELATIONSHIP";
        case Kind::Path:
            return "PATH";
        case Kind::Temporal:
            return "TEMPORAL";
        case Kind::Duration:
            return "DURATION";
    }
    return "?";
}

std::string Value::to_display() const {
    switch (kind()) {
        case Kind::Null:
            return "null";
        case Kind::Bool:
            return as_bool() ? "true" : "false";
        case Kind::Int:
            return std::to_string(as_int());
        case Kind::Float:
            return fmt::format("{}", as_float());
        case Kind::String:
            return as_string();
        case Kind::Date:
            return as_date().to_string();
        case Kind::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < as_list().size(); ++i) {
                if (i) out += ", ";
                out += as_list()[i].to_display();
            }
            return out + "]";
        }
        case Kind::Map: {
            std::string out = "{";
            for (const auto& [k, v] : as_map()) {
                if (out.size() > 1) out += ", ";
                out += k + ": " + v.to_display();
            }
            return out + "}";
        }
        case Kind::Node:
            return fmt::format("Node({})", as_node().index);
        case Kind::Relationship:
            return fmt::format("Relationship({})", as_rel().index);
        case Kind::Path:
            return fmt::format("Path(length {})", as_path().rels.size());
        case Kind::Temporal:
            return to_string(as_temporal());
        case Kind::Duration:
            return to_string(as_duration());
    }
    return {};
}

const Value* map_get(const ValueMap& m, std::string_view key) {
    auto it = std::lower_bound(m.begin(), m.end(), key,
                               [](const auto& e, std::string_view k) { return e.first < k; });
    return it != m.end() && it->first == key ? &it->second : nullptr;
}

void map_set(ValueMap& m, std::string key, Value v) {
    auto it = std::lower_bound(m.begin(), m.end(), key,
                               [](const auto& e, std::string_view k) { return e.first < k; });
    if (it != m.end() && it->first == key)
        it->second = std::move(v);
    else
        m.emplace(it, std::move(key), std::move(v));
}

namespace {

// The temporal keys in Temporal::Type order.
constexpr std::array<const char*, 4> kTemporalKeys = {"localtime", "time", "localdatetime",
                                                      "datetime"};

bool is_collection_or_entity(Value::Kind k) {
    using K = Value::Kind;
    return k == K::List || k == K::Map || k == K::Node || k == K::Relationship || k == K::Path;
}

std::optional<std::string> why_not_storable_item(const Value& v) {
    if (v.kind() != Value::Kind::Temporal && v.kind() != Value::Kind::Duration) return std::nullopt;
    // The native format writes the ISO text: a value whose text would not read back (a year
    // beyond 9999 or before 0) is refused now rather than lost at the next load.
    std::string text = v.to_display(), error;
    auto back = parse_typed(typed_key(v), text, error);
    if (back && *back == v) return std::nullopt;
    return fmt::format("{}('{}') cannot be stored as a property: only years 0 to 9999 can",
                       typed_key(v), text);
}

}  // namespace

std::optional<std::string> why_not_storable(const Value& v) {
    if (v.kind() == Value::Kind::List) {
        for (const Value& x : v.as_list()) {
            if (is_collection_or_entity(x.kind()))
                return std::string("a property list can only hold simple values");
            if (auto why = why_not_storable_item(x)) return why;
        }
        return std::nullopt;
    }
    if (is_collection_or_entity(v.kind()))
        return fmt::format("a {} cannot be stored as a property", Value::kind_name(v.kind()));
    return why_not_storable_item(v);
}

const char* typed_key(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Date:
            return "date";
        case Value::Kind::Temporal:
            return kTemporalKeys[static_cast<std::size_t>(v.as_temporal().type)];
        case Value::Kind::Duration:
            return "duration";
        default:
            return nullptr;
    }
}

bool is_typed_key(std::string_view key) {
    return key == "date" || key == "duration" ||
           std::find(kTemporalKeys.begin(), kTemporalKeys.end(), key) != kTemporalKeys.end();
}

std::optional<Value> parse_typed(std::string_view key, std::string_view text, std::string& error) {
    if (key == "date") {
        if (auto d = Date::parse(text)) return Value(*d);
        error = fmt::format("'{}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD", text);
        return std::nullopt;
    }
    if (key == "duration") {
        if (auto d = parse_duration(text)) return Value(*d);
        error = fmt::format("'{}' is not a duration; expected ISO 8601 text such as P1Y2M3DT4H5.5S",
                            text);
        return std::nullopt;
    }
    static constexpr std::array<const char*, 4> kExamples = {
        "21:40:32.142", "21:40:32.142+01:00", "2015-07-21T21:40:32.142",
        "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"};
    for (std::size_t i = 0; i < kTemporalKeys.size(); ++i) {
        if (key != kTemporalKeys[i]) continue;
        if (auto t = parse_temporal(static_cast<Temporal::Type>(i), text)) return Value(*t);
        // The IANA database of this machine may lack a zone that another one knew: say so.
        std::size_t open = text.find('['), close = text.rfind(']');
        if (open != text.npos && close == text.size() - 1 && close > open + 1 &&
            !zone_id(text.substr(open + 1, close - open - 1))) {
            error = fmt::format(
                "'{}': unknown time zone '{}'; expected an IANA zone name such as Europe/Paris",
                text, text.substr(open + 1, close - open - 1));
            return std::nullopt;
        }
        error = fmt::format("'{}' is not a {}; expected ISO 8601 text such as {}", text, key,
                            kExamples[i]);
        return std::nullopt;
    }
    error = fmt::format(
        "'{}' is not a value type; expected one of date, localtime, time, localdatetime, "
        "datetime, duration",
        key);
    return std::nullopt;
}

namespace {

using Entry = Properties::Entry;

std::size_t capacity_for(std::size_t size) { return size == 0 ? 0 : std::bit_ceil(size); }

Entry* allocate_entries(std::size_t capacity) {
    return capacity == 0 ? nullptr : static_cast<Entry*>(::operator new(capacity * sizeof(Entry)));
}

auto key_less = [](const Entry& e, std::string_view k) { return e.first < k; };

}  // namespace

Properties::Properties(const Properties& other)
    : items_(allocate_entries(capacity_for(other.size_))) {
    for (; size_ < other.size_; ++size_) ::new (items_ + size_) Entry(other.items_[size_]);
}

Properties& Properties::operator=(const Properties& other) {
    if (this != &other) *this = Properties(other);
    return *this;
}

Properties& Properties::operator=(Properties&& other) noexcept {
    if (this != &other) {
        release();
        items_ = std::exchange(other.items_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

void Properties::release() noexcept {
    std::destroy(items_, items_ + size_);
    ::operator delete(items_);
    items_ = nullptr;
    size_ = 0;
}

bool Properties::operator==(const Properties& other) const {
    return std::equal(begin(), end(), other.begin(), other.end());
}

const Value* Properties::get(std::string_view key) const {
    auto it = std::lower_bound(begin(), end(), key, key_less);
    return it != end() && it->first == key ? &it->second : nullptr;
}

void Properties::set(std::string key, Value value) {
    auto at = static_cast<std::size_t>(std::lower_bound(begin(), end(), key, key_less) - begin());
    if (at < size_ && items_[at].first == key) {
        items_[at].second = std::move(value);
        return;
    }
    if (size_ == UINT32_MAX) throw std::length_error("too many properties");
    if (size_ == capacity_for(size_)) {  // full: move into the next power of two
        Entry* grown = allocate_entries(capacity_for(size_ + 1u));
        std::uninitialized_move(items_, items_ + size_, grown);
        std::uint32_t n = size_;
        release();
        items_ = grown;
        size_ = n;
    }
    ::new (items_ + size_) Entry(std::move(key), std::move(value));
    ++size_;
    std::rotate(items_ + at, items_ + size_ - 1, items_ + size_);
}

bool Properties::erase(std::string_view key) {
    Entry* it = std::lower_bound(items_, items_ + size_, key, key_less);
    if (it == items_ + size_ || it->first != key) return false;
    std::move(it + 1, items_ + size_, it);
    --size_;
    std::destroy_at(items_ + size_);
    if (size_ == 0) release();
    return true;
}

}  // namespace liaison
