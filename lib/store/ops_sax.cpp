// Operations from a journal record by RapidJSON's SAX reader, behind the strict filter every
// JSON reader of liaison uses. Replay decodes each record of the journal at every open, and a
// document tree first cost about half of it. The handler knows the encoder's shapes and stops
// at the first thing it does not expect; decode_ops then reads the tree, so this path never
// explains an error and accepts nothing the tree's path refuses.
#include "store/ops_sax.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>

#include <rapidjson/reader.h>

#include "io/json_strict.hpp"
#include "liaison/core/utf8.hpp"
#include "store/op_names.hpp"

namespace liaison::store {

namespace {

// The innermost open container.
enum class At : std::uint8_t {
    Ops,
    Op,
    Node,
    Edge,
    Ref,
    Document,
    Relation,
    Index,
    Texts,       // labels, aliases, an index's properties
    Properties,  // name → value
    List,        // a property's list of scalars
    Sources,
    Source,
};

// The members the handler knows; an object's mask of those seen has a bit for each.
enum Field : std::uint8_t {
    kOpName,
    kNodeBody,
    kEdgeBody,
    kRefBody,
    kDocumentBody,
    kRelationBody,
    kIndexBody,
    kId,
    kLabel,
    kLabels,
    kAr,
    kEn,
    kAliases,
    kProperties,
    kDate,
    kStart,
    kEnd,
    kSources,
    kSource,
    kRelation,
    kTarget,
    kOrdinal,
    kTitle,
    kOutlet,
    kFile,
    kLanguage,
    kUrl,
    kName,
    kSymmetric,
    kEntity,
    kDocument,
    kQuote,
    kUnknown,
};

constexpr std::uint64_t bit(Field f) { return std::uint64_t{1} << f; }

struct Member {
    std::string_view name;
    Field field;
};

constexpr Member kOpMembers[] = {{"op", kOpName},
                                 {"node", kNodeBody},
                                 {"edge", kEdgeBody},
                                 {"ref", kRefBody},
                                 {"document", kDocumentBody},
                                 {"relation", kRelationBody},
                                 {"index", kIndexBody},
                                 {"id", kId},
                                 {"label", kLabel}};
constexpr Member kNodeMembers[] = {
    {"id", kId},           {"labels", kLabels},         {"ar", kAr},     {"en", kEn},
    {"aliases", kAliases}, {"properties", kProperties}, {"date", kDate}, {"start", kStart},
    {"end", kEnd},         {"sources", kSources}};
constexpr Member kEdgeMembers[] = {{"id", kId},
                                   {"source", kSource},
                                   {"relation", kRelation},
                                   {"target", kTarget},
                                   {"properties", kProperties},
                                   {"date", kDate},
                                   {"start", kStart},
                                   {"end", kEnd},
                                   {"sources", kSources}};
constexpr Member kRefMembers[] = {
    {"source", kSource}, {"relation", kRelation}, {"target", kTarget}, {"ordinal", kOrdinal}};
constexpr Member kDocumentMembers[] = {{"id", kId},     {"title", kTitle}, {"outlet", kOutlet},
                                       {"date", kDate}, {"file", kFile},   {"language", kLanguage},
                                       {"url", kUrl}};
constexpr Member kRelationMembers[] = {
    {"name", kName}, {"symmetric", kSymmetric}, {"ar", kAr}, {"en", kEn}};
constexpr Member kIndexMembers[] = {
    {"name", kName}, {"entity", kEntity}, {"label", kLabel}, {"properties", kProperties}};
constexpr Member kSourceMembers[] = {
    {"document", kDocument}, {"quote", kQuote}, {"start", kStart}, {"end", kEnd}};

std::span<const Member> members(At at) {
    switch (at) {
        case At::Op:
            return kOpMembers;
        case At::Node:
            return kNodeMembers;
        case At::Edge:
            return kEdgeMembers;
        case At::Ref:
            return kRefMembers;
        case At::Document:
            return kDocumentMembers;
        case At::Relation:
            return kRelationMembers;
        case At::Index:
            return kIndexMembers;
        case At::Source:
            return kSourceMembers;
        default:
            return {};
    }
}

// The members an operation of each kind holds besides "op"; the tree's decoder requires them
// and ignores others, which this path declines.
std::uint64_t body_of(OpKind k) {
    switch (k) {
        case OpKind::AddNode:
        case OpKind::PutNode:
            return bit(kNodeBody);
        case OpKind::RemoveNode:
        case OpKind::RemoveDocument:
        case OpKind::DropIndex:
            return bit(kId);
        case OpKind::AddEdge:
            return bit(kEdgeBody);
        case OpKind::PutEdge:
            return bit(kRefBody) | bit(kEdgeBody);
        case OpKind::RemoveEdge:
            return bit(kRefBody);
        case OpKind::PutDocument:
            return bit(kDocumentBody);
        case OpKind::DeclareRelation:
            return bit(kRelationBody);
        case OpKind::SetGraphInfo:
            return bit(kId) | bit(kLabel);
        case OpKind::CreateIndex:
            return bit(kIndexBody);
    }
    return 0;
}

// The members each object requires; a source's offsets are checked on their own.
std::uint64_t required(At at, OpKind kind) {
    switch (at) {
        case At::Op:
            return bit(kOpName) | body_of(kind);
        case At::Node:
        case At::Document:
            return bit(kId);
        case At::Edge:
            return bit(kSource) | bit(kRelation) | bit(kTarget);
        case At::Ref:
            return bit(kSource) | bit(kRelation) | bit(kTarget) | bit(kOrdinal);
        case At::Relation:
            return bit(kName) | bit(kSymmetric);
        case At::Index:
            return bit(kName) | bit(kEntity) | bit(kLabel);
        case At::Source:
            return bit(kDocument) | bit(kQuote);
        default:
            return 0;
    }
}

class Handler {
public:
    explicit Handler(std::vector<Op>& out) : out_(out) {}

    bool Null() { return scalar(Value()); }
    bool Bool(bool b) {
        if (reading(At::Relation, kSymmetric)) return op_->relation.symmetric = b, true;
        return scalar(Value(b));
    }
    bool Int(int i) { return integer(i); }
    bool Uint(unsigned u) {
        if (reading(At::Ref, kOrdinal)) return op_->ref.ordinal = u, true;
        return integer(u);
    }
    bool Int64(std::int64_t i) { return integer(i); }
    bool Uint64(std::uint64_t u) {
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
        return integer(static_cast<std::int64_t>(u));
    }
    bool Double(double d) { return scalar(Value(d)); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }

    bool String(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view v(s, n);
        if (depth_ == 0) return false;
        switch (at()) {
            case At::Op:
                return op_text(v);
            case At::Node:
                return node_text(op_->node, v);
            case At::Edge:
                return edge_text(op_->edge, v);
            case At::Ref:
                return ref_text(v);
            case At::Document:
                return document_text(v);
            case At::Relation:
                if (field() == kSymmetric) return false;
                return assign(field() == kName ? op_->relation.name
                              : field() == kAr ? op_->relation.ar
                                               : op_->relation.en,
                              v);
            case At::Index:
                if (field() == kEntity) {
                    if (v != "node" && v != "relationship") return false;
                    op_->index.relationships = v == "relationship";
                    return true;
                }
                if (field() == kProperties) return false;
                return assign(field() == kName ? op_->index.name : op_->index.label, v);
            case At::Texts:
                texts_->emplace_back(v);
                return true;
            case At::Properties:
            case At::List:
                return scalar(Value(std::string(v)));
            case At::Source:
                if (field() != kDocument && field() != kQuote) return false;
                return assign(field() == kDocument ? source_.document : source_.quote, v);
            default:
                return false;
        }
    }

    bool Key(const char* s, rapidjson::SizeType n, bool) {
        Frame& f = frames_[depth_ - 1];
        const std::string_view key(s, n);
        if (f.at == At::Properties) return property_.assign(key), true;
        Field found = kUnknown;
        for (const Member& m : members(f.at))
            if (m.name == key) found = m.field;
        if (found == kUnknown || (f.seen & bit(found))) return false;
        if (f.at == At::Op && (f.seen == 0) != (found == kOpName)) return false;
        if (f.at == At::Op && found != kOpName && !(body_of(op_->kind) & bit(found))) return false;
        f.seen |= bit(found);
        f.field = found;
        return true;
    }

    bool StartObject() {
        if (depth_ == 0) return false;
        switch (at()) {
            case At::Ops:
                op_ = &out_.emplace_back();  // filled in place: an Op is large
                return push(At::Op);
            case At::Op:
                return body();
            case At::Node:
            case At::Edge:
                return field() == kProperties && push(At::Properties);
            case At::Sources:
                source_ = Source{};
                return push(At::Source);
            default:
                return false;
        }
    }
    bool EndObject(rapidjson::SizeType) {
        const Frame f = frames_[--depth_];
        const std::uint64_t need = required(f.at, op_->kind);
        if ((f.seen & need) != need) return false;
        if (f.at == At::Source) {
            if (source_.start.has_value() != source_.end.has_value()) return false;
            if (source_.start && *source_.end < *source_.start) return false;
            sources_->push_back(std::move(source_));
        }
        return true;
    }

    bool StartArray() {
        if (depth_ == 0) return push(At::Ops);
        switch (at()) {
            case At::Node:
                if (field() == kLabels) return texts(op_->node.labels);
                if (field() == kAliases) return texts(op_->node.names.aliases);
                return field() == kSources && list_of_sources(op_->node.sources);
            case At::Edge:
                return field() == kSources && list_of_sources(op_->edge.sources);
            case At::Index:
                return field() == kProperties && texts(op_->index.properties);
            case At::Properties:
                list_.clear();
                return push(At::List);
            default:
                return false;
        }
    }
    bool EndArray(rapidjson::SizeType) {
        if (frames_[--depth_].at == At::List) properties_->set(property_, Value(std::move(list_)));
        return true;
    }

private:
    struct Frame {
        At at = At::Ops;
        std::uint64_t seen = 0;  // bits of the members read
        Field field = kUnknown;  // the member being read
    };

    At at() const { return frames_[depth_ - 1].at; }
    bool reading(At a, Field f) const { return depth_ > 0 && at() == a && field() == f; }
    Field field() const { return frames_[depth_ - 1].field; }

    bool push(At at) {
        if (depth_ == frames_.size()) return false;
        frames_[depth_++] = Frame{at, 0, kUnknown};
        return true;
    }

    static bool assign(std::string& slot, std::string_view v) {
        slot.assign(v);
        return true;
    }

    bool op_text(std::string_view v) {
        switch (field()) {
            case kOpName:
                for (OpKind k : kAllKinds)
                    if (v == op_name(k)) return op_->kind = k, true;
                return false;
            case kId:
                return assign(op_->id, v);
            case kLabel:
                return assign(op_->label, v);
            default:
                return false;
        }
    }
    bool ref_text(std::string_view v) {
        switch (field()) {
            case kSource:
                return assign(op_->ref.source, v);
            case kRelation:
                return assign(op_->ref.relation, v);
            case kTarget:
                return assign(op_->ref.target, v);
            default:
                return false;
        }
    }

    bool body() {
        switch (field()) {
            case kNodeBody:
                return entity(op_->node.properties, op_->node.time, At::Node);
            case kEdgeBody:
                return entity(op_->edge.properties, op_->edge.time, At::Edge);
            case kRefBody:
                return push(At::Ref);
            case kDocumentBody:
                return push(At::Document);
            case kRelationBody:
                return push(At::Relation);
            case kIndexBody:
                return push(At::Index);
            default:
                return false;
        }
    }

    // A node or an edge: where its common members go.
    bool entity(Properties& properties, TimeSpan& time, At at) {
        properties_ = &properties;
        time_ = &time;
        return push(at);
    }

    bool texts(std::vector<std::string>& into) {
        texts_ = &into;
        return push(At::Texts);
    }
    bool list_of_sources(Sources& into) {
        sources_ = &into;
        return push(At::Sources);
    }

    // A date member of a node, an edge or a document.
    bool date(std::optional<Date>& slot, std::string_view v) {
        slot = Date::parse(v);
        return slot.has_value();
    }
    bool span_date(std::string_view v) {
        switch (field()) {
            case kDate:
                return date(time_->date, v);
            case kStart:
                return date(time_->start, v);
            case kEnd:
                return date(time_->end, v);
            default:
                return false;
        }
    }

    bool node_text(Node& node, std::string_view v) {
        switch (field()) {
            case kId:
                return assign(node.id, v);
            case kAr:
                return assign(node.names.ar, v);
            case kEn:
                return assign(node.names.en, v);
            default:
                return span_date(v);
        }
    }
    bool edge_text(EdgeData& edge, std::string_view v) {
        switch (field()) {
            case kId:
                return assign(edge.id, v);
            case kSource:
                return assign(edge.source, v);
            case kRelation:
                return assign(edge.relation, v);
            case kTarget:
                return assign(edge.target, v);
            default:
                return span_date(v);
        }
    }
    bool document_text(std::string_view v) {
        Document& d = op_->document;
        switch (field()) {
            case kId:
                return assign(d.id, v);
            case kTitle:
                return assign(d.title, v);
            case kOutlet:
                return assign(d.outlet, v);
            case kDate:
                return date(d.date, v);
            case kFile:
                return assign(d.file, v);
            case kLanguage:
                return assign(d.language, v);
            case kUrl:
                return assign(d.url, v);
            default:
                return false;
        }
    }

    // A number: a source's offset, or a property's value.
    bool integer(std::int64_t i) {
        if (depth_ > 0 && at() == At::Source) {
            if (i < 0 || (field() != kStart && field() != kEnd)) return false;
            (field() == kStart ? source_.start : source_.end) = i;
            return true;
        }
        return scalar(Value(i));
    }
    bool scalar(Value v) {
        if (depth_ == 0) return false;
        if (at() == At::Properties) return properties_->set(property_, std::move(v)), true;
        if (at() == At::List) return list_.push_back(std::move(v)), true;
        return false;
    }

    std::vector<Op>& out_;
    // Deep enough for ops / op / edge / sources / source; deeper is not the encoder's.
    std::array<Frame, 5> frames_{};
    std::size_t depth_ = 0;
    Op* op_ = nullptr;                  // the one being read, the last of out_
    Properties* properties_ = nullptr;  // of the node or edge being read
    TimeSpan* time_ = nullptr;
    Sources* sources_ = nullptr;
    std::vector<std::string>* texts_ = nullptr;
    std::string property_;  // the property being read
    ValueList list_;
    Source source_;
};

}  // namespace

std::optional<std::vector<Op>> decode_ops_directly(std::string_view json) {
    // The checks parse_json makes before its parse: this path declines where they would fail.
    if (find_invalid_utf8(json) || json.find('\0') != std::string_view::npos ||
        liaison::detail::find_unkept_escape(json))
        return std::nullopt;
    thread_local std::string buffer;  // NUL-terminated for the reader; kept between records
    buffer.assign(json);
    rapidjson::StringStream stream(buffer.c_str());
    std::vector<Op> out;
    Handler handler(out);
    liaison::detail::StrictJson<Handler> strict(handler, buffer, stream);
    rapidjson::Reader reader;
    if (!reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(
            stream, strict) ||
        strict.problem())
        return std::nullopt;
    return out;
}

}  // namespace liaison::store
