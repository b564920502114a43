#include <doctest/doctest.h>

#include "liaison/core/error.hpp"
#include "liaison/model/lookup.hpp"
#include "liaison/model/names.hpp"

using liaison::fold_name;

TEST_CASE("Arabic folding: what readers treat as one spelling folds alike") {
    CHECK(fold_name("الحموشي") == fold_name("حموشي"));    // leading ال
    CHECK(fold_name("حُمُّوشِي") == fold_name("حموشي"));      // harakat, shadda
    CHECK(fold_name("حمـــوشي") == fold_name("حموشي"));   // tatweel
    CHECK(fold_name("أنتربول") == fold_name("انتربول"));  // alef with hamza above
    CHECK(fold_name("إنتربول") == fold_name("انتربول"));  // alef with hamza below
    CHECK(fold_name("الأنتربول") == fold_name("انتربول"));
    CHECK(fold_name("آمن") == fold_name("امن"));      // alef madda
    CHECK(fold_name("مصطفى") == fold_name("مصطفي"));  // alef maksura
    CHECK(fold_name("الشرطة") == fold_name("شرطه"));  // teh marbuta
    CHECK(fold_name("عبد اللطيف الحموشي") == fold_name("عبد اللطيف حموشي"));
    CHECK(fold_name("ﻻ") == fold_name("لا"));  // presentation form
}

TEST_CASE("Latin folding: case, accents and punctuation") {
    CHECK(fold_name("HAMMOUCHI") == "hammouchi");
    CHECK(fold_name("Haijawi-Pirchner") == "haijawi pirchner");
    CHECK(fold_name("  Société   Générale ") == "societe generale");
    CHECK(fold_name("Naïf") == "naif");
}

TEST_CASE("different names stay different") {
    CHECK(fold_name("حموشي") != fold_name("حموش"));
    CHECK(fold_name("Vienna") != fold_name("Venice"));
    CHECK(fold_name("") == "");
}

TEST_CASE("lookup by id, by any name, and by words of a name") {
    liaison::PropertyGraph g;
    liaison::Node p;
    p.id = "abdellatif-hammouchi";
    p.labels = {"Person"};
    p.names = {"عبد اللطيف حموشي", "Abdellatif Hammouchi", {"الحموشي", "Hamouchi"}};
    auto hp = g.add_node(p);
    liaison::Node v;
    v.id = "vienna";
    v.labels = {"City"};
    v.names = {"فيينا", "Vienna", {}};
    g.add_node(v);

    CHECK(liaison::resolve(g, "abdellatif-hammouchi") == hp);
    CHECK(liaison::resolve(g, "الحموشي") == hp);
    CHECK(liaison::resolve(g, "حموشي") == hp);      // folded alias
    CHECK(liaison::resolve(g, "Hammouchi") == hp);  // a word of the English name
    CHECK(liaison::resolve(g, "hamouchi") == hp);   // alias, case folded
    CHECK(liaison::resolve(g, "عبد اللطيف الحموشي") == hp);
    CHECK(liaison::lookup(g, "الحموشي").tier == liaison::LookupResult::Tier::ExactName);
    CHECK(liaison::lookup(g, "Hammouchi").tier == liaison::LookupResult::Tier::Words);
    CHECK_THROWS_WITH_AS(liaison::resolve(g, "Marrakech"), "no entity named 'Marrakech'",
                         liaison::LookupError);
}

TEST_CASE("ambiguous names are reported with their candidates, never guessed") {
    liaison::PropertyGraph g;
    for (const char* id : {"police-nor", "police-eth"}) {
        liaison::Node n;
        n.id = id;
        n.names.en = std::string("National Police ") + id;
        g.add_node(n);
    }
    CHECK_THROWS_WITH_AS(liaison::resolve(g, "national police"),
                         doctest::Contains("ambiguous: police-eth"), liaison::LookupError);
}

TEST_CASE("closest names: misspellings in either script find the entity, far words nothing") {
    liaison::PropertyGraph g;
    liaison::Node p;
    p.id = "abdellatif-hammouchi";
    p.labels = {"Person"};
    p.names = {"عبد اللطيف حموشي", "Abdellatif Hammouchi", {}};
    auto hp = g.add_node(p);
    liaison::Node v;
    v.id = "vienna";
    v.labels = {"City"};
    v.names = {"فيينا", "Vienna", {}};
    auto vi = g.add_node(v);

    using V = std::vector<liaison::NodeIndex>;
    CHECK(liaison::closest_names(g, "Hamushi") == V{hp});  // mm, ou and ch made alike
    CHECK(liaison::closest_names(g, "Abdelatif") == V{hp});
    CHECK(liaison::closest_names(g, "حمشي") == V{hp});  // one letter left out
    CHECK(liaison::closest_names(g, "Viena") == V{vi});
    CHECK(liaison::closest_names(g, "Nobody").empty());
    CHECK(liaison::closest_names(g, "Hamushi", 0).empty());
    CHECK_THROWS_WITH_AS(liaison::resolve(g, "Hamushi"),
                         "no entity named 'Hamushi'; did you mean Abdellatif Hammouchi / عبد "
                         "اللطيف حموشي (abdellatif-hammouchi)?",
                         liaison::LookupError);
}
