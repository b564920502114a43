#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "liaison/core/compact_string.hpp"
#include "liaison/core/thin_vector.hpp"
#include "liaison/core/value.hpp"

using liaison::CompactString;
using liaison::Properties;
using liaison::ThinVector;
using liaison::Value;

TEST_CASE("a thin vector is one pointer and behaves as a vector") {
    static_assert(sizeof(ThinVector<std::string>) == sizeof(void*));
    ThinVector<std::string> v;
    CHECK(v.empty());
    CHECK(v.begin() == v.end());
    for (int i = 0; i < 100; ++i) v.push_back("item " + std::to_string(i));
    REQUIRE(v.size() == 100);
    CHECK(v.front() == "item 0");
    CHECK(v.back() == "item 99");
    CHECK(v.capacity() >= 100);
    v.emplace_back(v.front());  // an element of its own, across a regrowth
    CHECK(v.back() == "item 0");
    v.erase(v.begin() + 1, v.begin() + 99);
    CHECK(v == std::vector<std::string>{"item 0", "item 99", "item 0"});
    v.insert(v.begin() + 1, std::string("middle"));
    std::vector<std::string> more{"x", "y"};
    v.insert(v.end(), more.begin(), more.end());
    CHECK(v == std::vector<std::string>{"item 0", "middle", "item 99", "item 0", "x", "y"});
    ThinVector<std::string> copy = v;
    v.erase(v.begin());
    CHECK(copy.size() == 6);
    CHECK(v.size() == 5);
    ThinVector<std::string> moved = std::move(copy);
    CHECK(copy.empty());  // NOLINT: a moved-from list is empty
    CHECK(moved.at(1) == "middle");
    CHECK_THROWS(moved.at(6));
    moved.shrink_to_fit();
    CHECK(moved.capacity() == 6);
    moved.clear();
    CHECK(moved.empty());
    moved.shrink_to_fit();
    CHECK(moved.capacity() == 0);
    ThinVector<std::string> from_vector = std::vector<std::string>{"a", "b"};
    CHECK(from_vector.size() == 2);
}

TEST_CASE("a compact string is one pointer, empty when null") {
    static_assert(sizeof(CompactString) == sizeof(void*));
    CompactString none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(std::string(none.c_str()).empty());
    CompactString id = "edge-7";
    CHECK(id == "edge-7");
    CHECK(id.size() == 6);
    CHECK(id.str() == std::string("edge-7"));
    CHECK(id.compare("edge-8") < 0);
    CompactString copy = id;
    id = std::string("اجتماع");  // UTF-8 bytes, kept as they are
    CHECK(copy == "edge-7");
    CHECK(id.view() == "اجتماع");
    id = "";
    CHECK(id.empty());
    CHECK((copy <=> CompactString("edge-10")) > 0);
}

TEST_CASE("properties stay sorted and grow by powers of two") {
    Properties p;
    CHECK(p.empty());
    for (int i = 9; i >= 0; --i) p.set("k" + std::to_string(i), Value(std::int64_t{i}));
    REQUIRE(p.size() == 10);
    std::string keys;
    for (const auto& [key, value] : p) keys += key;
    CHECK(keys == "k0k1k2k3k4k5k6k7k8k9");
    CHECK(p.get("k3")->as_int() == 3);
    p.set("k3", Value(std::string("three")));
    CHECK(p.size() == 10);
    CHECK(p.get("k3")->as_string() == "three");
    Properties copy = p;
    CHECK(copy == p);
    CHECK(p.erase("k0"));
    CHECK_FALSE(p.erase("k0"));
    CHECK(p.size() == 9);
    CHECK_FALSE(copy == p);
    p.set("k0", Value(std::int64_t{0}));  // back in front, through a regrowth
    CHECK(p.begin()->first == "k0");
    for (int i = 0; i < 10; ++i) p.erase("k" + std::to_string(i));
    CHECK(p.empty());
    Properties moved = std::move(copy);
    CHECK(moved.size() == 10);
}
