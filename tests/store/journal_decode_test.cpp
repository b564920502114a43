// A journal record's operations are read straight from the JSON (store/ops_sax.cpp) when they
// have the encoder's shapes, else through a document tree. The direct path must never accept
// what the tree's path refuses, nor read anything differently: checked on random operations of
// every kind and on thousands of edits of their text.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "liaison/core/error.hpp"
#include "liaison/store/ops.hpp"
#include "store/ops_sax.hpp"

using namespace liaison;
using namespace liaison::store;

namespace {

const std::vector<std::string> kTexts = {
    "a",   "",          "p1", "MET_WITH", "عبد اللطيف حموشي", "quote \"with\" \\ marks\n\ttabs",
    "é€𝄞", "2025-11-24"};

std::string pick(std::mt19937& rng, const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

Value scalar(std::mt19937& rng) {
    switch (rng() % 7) {
        case 0:
            return Value();
        case 1:
            return Value(rng() % 2 == 0);
        case 2:
            return Value(static_cast<std::int64_t>(rng()) - (std::int64_t{1} << 31));
        case 3:
            return Value(std::numeric_limits<std::int64_t>::min());
        case 4:
            return Value(std::ldexp(static_cast<double>(rng()), -static_cast<int>(rng() % 40)));
        default:
            return Value(pick(rng, kTexts));
    }
}

template <typename Item>
void common(std::mt19937& rng, Item& item) {
    for (unsigned i = rng() % 3; i > 0; --i) {
        const std::string key = "k" + std::to_string(rng() % 5);
        if (rng() % 5 == 0) {
            ValueList list;
            for (unsigned j = rng() % 3; j > 0; --j) list.push_back(scalar(rng));
            item.properties.set(key, Value(std::move(list)));
        } else if (rng() % 9 == 0) {
            item.properties.set(key, Value(*Date::parse("2023-11")));  // typed: the tree's path
        } else {
            item.properties.set(key, scalar(rng));
        }
    }
    if (rng() % 2) item.time.date = Date::parse("2025-11-24");
    if (rng() % 4 == 0) item.time.start = Date::parse("2023");
    if (rng() % 4 == 0) item.time.end = Date::parse("2023-11");
    for (unsigned i = rng() % 3; i > 0; --i) {
        Source s(pick(rng, kTexts), pick(rng, kTexts));
        if (rng() % 2) s.start = rng() % 100, s.end = *s.start + rng() % 50;
        item.sources.push_back(s);
    }
}

Op random_op(std::mt19937& rng) {
    Op o;
    o.kind = static_cast<OpKind>(rng() % 12);
    switch (o.kind) {
        case OpKind::AddNode:
        case OpKind::PutNode:
            o.node.id = pick(rng, kTexts);
            for (unsigned i = rng() % 3; i > 0; --i) o.node.labels.push_back(pick(rng, kTexts));
            o.node.names.ar = rng() % 2 ? pick(rng, kTexts) : "";
            o.node.names.en = rng() % 2 ? pick(rng, kTexts) : "";
            for (unsigned i = rng() % 3; i > 0; --i)
                o.node.names.aliases.push_back(pick(rng, kTexts));
            common(rng, o.node);
            break;
        case OpKind::PutEdge:
        case OpKind::RemoveEdge:
            o.ref = {pick(rng, kTexts), pick(rng, kTexts), pick(rng, kTexts),
                     static_cast<std::uint32_t>(rng() % 3 == 0 ? 4294967295u : rng() % 4)};
            if (o.kind == OpKind::RemoveEdge) break;
            [[fallthrough]];
        case OpKind::AddEdge:
            o.edge.id = rng() % 2 ? pick(rng, kTexts) : "";
            o.edge.source = pick(rng, kTexts);
            o.edge.relation = pick(rng, kTexts);
            o.edge.target = pick(rng, kTexts);
            common(rng, o.edge);
            break;
        case OpKind::PutDocument:
            o.document.id = pick(rng, kTexts);
            o.document.title = pick(rng, kTexts);
            if (rng() % 2) o.document.date = Date::parse("2025-11");
            o.document.url = rng() % 2 ? pick(rng, kTexts) : "";
            o.document.language = rng() % 2 ? "ar" : "";
            break;
        case OpKind::DeclareRelation:
            o.relation.name = pick(rng, kTexts);
            o.relation.symmetric = rng() % 2;
            o.relation.ar = rng() % 2 ? pick(rng, kTexts) : "";
            break;
        case OpKind::SetGraphInfo:
            o.label = pick(rng, kTexts);
            [[fallthrough]];
        case OpKind::RemoveNode:
        case OpKind::RemoveDocument:
        case OpKind::DropIndex:
            o.id = pick(rng, kTexts);
            break;
        case OpKind::CreateIndex:
            o.index.name = pick(rng, kTexts);
            o.index.relationships = rng() % 2;
            o.index.label = pick(rng, kTexts);
            for (unsigned i = rng() % 3; i > 0; --i)
                o.index.properties.push_back(pick(rng, kTexts));
            break;
    }
    return o;
}

// The tree's reading of a text: its operations re-encoded, or its error.
std::string through_tree(const std::string& text) {
    try {
        return encode_ops(decode_ops_through_tree(text, "record"));
    } catch (const InputError& e) {
        return std::string("error: ") + e.what();
    }
}

// One edit of a record's text: a byte removed, doubled or replaced by one that changes its
// shape or type.
std::string edited(std::mt19937& rng, std::string text) {
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng);
    static const std::string kBytes = "{}[]\",:0-1.e\\unt \"\x01\xc3";
    switch (rng() % 4) {
        case 0:
            text.erase(at, 1);
            break;
        case 1:
            text.insert(at, 1, text[at]);
            break;
        default:
            text[at] = kBytes[rng() % kBytes.size()];
    }
    return text;
}

void values_of(rapidjson::Value& v, std::vector<rapidjson::Value*>& out) {
    out.push_back(&v);
    if (v.IsObject())
        for (auto& m : v.GetObject()) values_of(m.value, out);
    else if (v.IsArray())
        for (auto& item : v.GetArray()) values_of(item, out);
}

// One edit of a record's structure: a member removed, or a value replaced by one of another
// type (a member missing or of the wrong type must be refused the same way on both paths).
std::string restructured(std::mt19937& rng, const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    std::vector<rapidjson::Value*> values;
    values_of(doc, values);
    rapidjson::Value& v =
        *values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(rng)];
    auto& a = doc.GetAllocator();
    if (v.IsObject() && v.MemberCount() > 0 && rng() % 2) {
        v.RemoveMember(v.MemberBegin() + static_cast<int>(rng() % v.MemberCount()));
    } else {
        switch (rng() % 6) {
            case 0:
                v.SetInt(-1);
                break;
            case 1:
                v.SetString("2025-13-40", a);
                break;
            case 2:
                v.SetObject();
                break;
            case 3:
                v.SetArray();
                break;
            case 4:
                v.SetBool(true);
                break;
            default:
                v.SetDouble(0.5);
        }
    }
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    doc.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

TEST_CASE("the direct reading of a record agrees with the tree's, or declines") {
    std::mt19937 rng(20261204);
    std::size_t direct = 0, declined = 0, edits_direct = 0, edits_refused = 0;
    for (int round = 0; round < 3000; ++round) {
        std::vector<Op> ops;
        for (unsigned i = 1 + rng() % 3; i > 0; --i) ops.push_back(random_op(rng));
        const std::string text = encode_ops(ops);
        CAPTURE(text);
        const std::string tree = through_tree(text);
        REQUIRE(tree == text);  // the encoding reads back as itself
        if (auto got = decode_ops_directly(text)) {
            CHECK(encode_ops(*got) == text);
            ++direct;
        } else {
            ++declined;
            CHECK(text.find("{\"date\":") != std::string::npos);  // only typed values decline
        }
        CHECK(encode_ops(decode_ops(text, "record")) == text);
        for (int e = 0; e < 8; ++e) {
            const std::string bad = e % 2 ? edited(rng, text) : restructured(rng, text);
            CAPTURE(bad);
            const std::string want = through_tree(bad);
            if (auto got = decode_ops_directly(bad)) {
                CHECK(encode_ops(*got) == want);
                ++edits_direct;
            }
            if (want.rfind("error: ", 0) == 0) ++edits_refused;
            // decode_ops is the two together: the same operations or the same error.
            std::string both;
            try {
                both = encode_ops(decode_ops(bad, "record"));
            } catch (const InputError& err) {
                both = std::string("error: ") + err.what();
            }
            CHECK(both == want);
        }
    }
    MESSAGE(direct << " records read directly, " << declined << " through the tree; "
                   << edits_direct << " edited texts read directly, " << edits_refused
                   << " refused");
    CHECK(direct > 2000);
    CHECK(edits_direct > 500);
    CHECK(edits_refused > 6000);
}

TEST_CASE("valid records of other shapes are read through the tree") {
    // "op" not first, members the decoder ignores, a typed property value, an empty list.
    for (
        const std::string text : {
            R"([{"edge":{"source":"a","relation":"MET_WITH","target":"b"},"op":"add_edge"}])",
            R"([{"op":"remove_node","id":"a","note":"ignored"}])",
            R"([{"op":"add_node","node":{"id":"a","labels":[],"properties":{"d":{"date":"2023"}}}}])",
            R"([{"op":"add_node","node":{"id":"a","labels":["Person"],"extra":1}}])",
        }) {
        CAPTURE(text);
        CHECK_FALSE(decode_ops_directly(text).has_value());
        CHECK(encode_ops(decode_ops(text, "r")) == encode_ops(decode_ops_through_tree(text, "r")));
    }
    const std::string empty = "[]";
    REQUIRE(decode_ops_directly(empty).has_value());
    CHECK(decode_ops_directly(empty)->empty());
    // What the strict reader refuses, the direct path declines and the tree explains.
    CHECK_FALSE(decode_ops_directly(R"([{"op":"remove_node","id":"a","id":"b"}])").has_value());
    CHECK_THROWS_WITH_AS(decode_ops(R"([{"op":"remove_node","id":"a","id":"b"}])", "r"),
                         doctest::Contains("duplicate member 'id'"), InputError);
    CHECK_FALSE(decode_ops_directly("[{\"op\":\"remove_node\",\"id\":\"\\u0000\"}]").has_value());
    CHECK_FALSE(decode_ops_directly("[{\"op\":\"remove_node\",\"id\":\"\xff\"}]").has_value());
}
