#include "liaison/model/relations.hpp"

#include <fmt/format.h>

#include "liaison/core/error.hpp"

namespace liaison {

namespace {

struct Builtin {
    const char* name;
    bool symmetric;
    const char* ar;
    const char* en;
};

// The relation vocabulary of docs/model.md. Direction reads subject → object.
constexpr Builtin kBuiltins[] = {
    {"MET_WITH", true, "التقى", "met with"},
    {"SIGNED_MOU", true, "وقّع مذكرة تفاهم مع", "signed an MoU with"},
    {"HOSTED", false, "استضاف", "hosted"},
    {"ATTENDED", false, "شارك في", "attended"},
    {"HEADS", false, "يرأس", "heads"},
    {"LED", false, "قاد", "led"},
    {"MEMBER_OF", false, "عضو في", "member of"},
    {"REPRESENTS", false, "يمثل", "represents"},
    {"HELD_IN", false, "انعقد في", "held in"},
    {"LOCATED_IN", false, "يقع في", "located in"},
    {"ORGANIZED_BY", false, "نظمه", "organized by"},
    {"DISCUSSED", false, "ناقش", "discussed"},
    {"RECEIVED", false, "استقبل", "received"},
    {"ADDRESSED", false, "ألقى كلمة في", "addressed"},
    {"SELECTED_TO_HOST", false, "اختير لاستضافة", "selected to host"},
    {"PART_OF", false, "جزء من", "part of"},
};

}  // namespace

bool is_relation_name(std::string_view name) {
    // Any printable name is accepted (queries create types freely); UPPER_SNAKE_CASE is the
    // convention of the shipped networks.
    if (name.empty() || name.size() > 200) return false;
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

RelationRegistry::RelationRegistry() {
    for (const Builtin& b : kBuiltins) types_.push_back({b.name, b.symmetric, b.ar, b.en, true});
}

std::optional<RelationId> RelationRegistry::find(std::string_view name) const {
    for (std::size_t i = 0; i < types_.size(); ++i)
        if (types_[i].name == name) return static_cast<RelationId>(i);
    return std::nullopt;
}

RelationId RelationRegistry::declare(RelationType type) {
    if (!is_relation_name(type.name))
        throw ArgumentError(fmt::format("relation type '{}' is not a valid name", type.name));
    if (auto id = find(type.name)) {
        RelationType& known = types_[*id];
        if (known.symmetric != type.symmetric)
            throw ArgumentError(fmt::format("relation type '{}' is {}, not {}", type.name,
                                            known.symmetric ? "symmetric" : "directed",
                                            type.symmetric ? "symmetric" : "directed"));
        if (!type.ar.empty()) known.ar = type.ar;
        if (!type.en.empty()) known.en = type.en;
        return *id;
    }
    if (types_.size() >= 65535) throw ArgumentError("too many relation types (at most 65535)");
    type.builtin = false;
    types_.push_back(std::move(type));
    return static_cast<RelationId>(types_.size() - 1);
}

}  // namespace liaison
