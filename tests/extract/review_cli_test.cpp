// review and accept end to end: a hand-made candidates file is reviewed with flags, a decisions
// file and the terminal walk, then committed to a copy of the seed network, where show and query
// find the new facts with their quotes. Also the rejected-end, ambiguous and pending cases.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using liaison_test::Run;
using liaison_test::run_liaison;

namespace {

const fs::path kData = LIAISON_TEST_DATA "/extract/review";
constexpr const char* kCandidates = "r01-rabat-finland.candidates.json";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// A scratch folder holding the candidates file, its article and a copy of the seed network.
struct Workspace {
    fs::path dir;
    Workspace() {
        dir = fs::temp_directory_path() / ("liaison-review-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(std::random_device{}()));
        fs::create_directories(dir);
        for (const char* f : {kCandidates, "r01-rabat-finland.txt"}) fs::copy(kData / f, dir / f);
        fs::copy(fs::path(LIAISON_SOURCE_DIR) / "graphs/morocco-interpol.json", dir / "db.json");
    }
    ~Workspace() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string candidates() const { return "'" + (dir / kCandidates).string() + "'"; }
    std::string db() const { return "'" + (dir / "db.json").string() + "'"; }
    Run run(const std::string& args) const { return run_liaison(args); }
};

}  // namespace

TEST_CASE("review --accept/--reject, then accept --into the seed network: show and query see it") {
    Workspace w;
    Run r = w.run("review " + w.candidates() + " --accept c1 c2 --reject c4");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("3 pending, 2 accepted, 1 rejected") != std::string::npos);

    r = w.run("review " + w.candidates() + " --list --format json");
    REQUIRE(r.code == 0);
    CHECK(r.out.find(R"("id": "c1")") != std::string::npos);
    CHECK(r.out.find(R"("review": "accepted")") != std::string::npos);

    r = w.run("accept " + w.candidates() + " --into " + w.db() + " --format json");
    REQUIRE(r.code == 0);
    CHECK(r.out.find(R"("committed": true)") != std::string::npos);
    CHECK(r.out.find(R"("nodes": 3, "edges": 2, "pending": {"nodes": 3, "edges": 1}, )"
                     R"("rejected": {"nodes": 0, "edges": 1})") != std::string::npos);
    CHECK(r.out.find(R"({"candidate": "bd-alltyf-hmwshy", "database": "abdellatif-hammouchi")") !=
          std::string::npos);

    r = w.run("show " + w.db() + " 'المفوض العام للشرطة الفنلندية'");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("← RECEIVED Abdellatif Hammouchi") != std::string::npos);
    CHECK(r.out.find("«استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف "
                     "حموشي، يوم الاثنين 24 نونبر 2025 بالرباط، المفوض العام للشرطة الفنلندية» "
                     "(r01-rabat-finland)") != std::string::npos);
    CHECK(r.out.find("rule: frame.active") != std::string::npos);

    r = w.run("query " + w.db() +
              " \"MATCH (h)-[r:RECEIVED]->(x {id: 'finnish-police-commissioner'}) RETURN h.id, "
              "r.rule, r.review\" --format csv");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("abdellatif-hammouchi,frame.active,\n") != std::string::npos);
    // The rejected MOU and the pending meeting stayed out.
    r = w.run("query " + w.db() +
              " \"MATCH ()-[r]->() WHERE r.rule = 'frame.nominal' OR type(r) = 'SIGNED_MOU' AND "
              "r.confidence = 0.5 RETURN count(r) AS n\" --format csv");
    CHECK(r.out == "n\n0\n");
    CHECK(w.run("validate " + w.db()).code == 0);

    // Accepting the same file again finds every fact already there.
    r = w.run("accept " + w.candidates() + " --into " + w.db());
    CHECK(r.code == 0);
    CHECK(r.out.find("(0 operations; 2 edges already present)") != std::string::npos);
}

TEST_CASE("accept refuses an edge whose end was rejected, and commits nothing") {
    Workspace w;
    std::string before = slurp(w.dir / "db.json");
    REQUIRE(w.run("review " + w.candidates() + " --reject fin-police").code == 0);
    REQUIRE(w.run("review " + w.candidates() + " --accept c2").code == 0);
    Run r = w.run("accept " + w.candidates() + " --into " + w.db());
    CHECK(r.code == 1);
    CHECK(r.out.find("edge 'c2' (HEADS) is accepted but its end 'fin-police'") !=
          std::string::npos);
    CHECK(slurp(w.dir / "db.json") == before);
    CHECK_FALSE(fs::exists(w.dir / "db.json.journal"));
}

TEST_CASE("accept lists an ambiguous entity with its candidates until a decision settles it") {
    Workspace w;
    fs::path file = w.dir / kCandidates;
    std::string text = slurp(file);
    const std::string rule = R"("rule":"person.title-name")";
    auto at = text.find(rule);
    REQUIRE(at != std::string::npos);
    text.insert(at, R"("match":"ambiguous","match_ids":["abdellatif-hammouchi","morocco"],)");
    spit(file, text);
    std::string before = slurp(w.dir / "db.json");
    REQUIRE(w.run("review " + w.candidates() + " --accept c1").code == 0);
    Run r = w.run("accept " + w.candidates() + " --into " + w.db());
    CHECK(r.code == 1);
    CHECK(r.out.find("candidate entity 'bd-alltyf-hmwshy'") != std::string::npos);
    CHECK(r.out.find("1. abdellatif-hammouchi") != std::string::npos);
    CHECK(r.out.find("2. morocco") != std::string::npos);
    CHECK(r.out.find("nothing was committed") != std::string::npos);
    CHECK(slurp(w.dir / "db.json") == before);

    spit(w.dir / "decisions.json",
         R"({"decisions": [{"id": "bd-alltyf-hmwshy", "match": "abdellatif-hammouchi"}]})");
    REQUIRE(
        w.run("review " + w.candidates() + " --apply '" + (w.dir / "decisions.json").string() + "'")
            .code == 0);
    r = w.run("accept " + w.candidates() + " --into " + w.db());
    CHECK(r.code == 0);
    CHECK(r.out.find("matched: bd-alltyf-hmwshy is abdellatif-hammouchi (map)") !=
          std::string::npos);
}

TEST_CASE("accept with nothing accepted commits nothing and counts what is pending") {
    Workspace w;
    std::string before = slurp(w.dir / "db.json");
    Run r = w.run("accept " + w.candidates() + " --into " + w.db());
    CHECK(r.code == 0);
    CHECK(r.out.find("accepted 0 nodes and 0 edges (0 operations; 0 edges already present); left "
                     "out: 6 pending nodes, 4 pending edges") != std::string::npos);
    CHECK(slurp(w.dir / "db.json") == before);
}

TEST_CASE("review on the terminal: accept, reject, edit, quit; the sentence shows the quote") {
    Workspace w;
    spit(w.dir / "keys.txt", "a\nr\ne\nRECEIVED\n\n\n2025-11\nb\nq\n");
    Run r = w.run("review " + w.candidates() + " --interactive < '" +
                  (w.dir / "keys.txt").string() + "'");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("[1/6] c1  RECEIVED") != std::string::npos);
    CHECK(r.out.find("الرباط – «استقبل المدير العام") != std::string::npos);
    CHECK(r.out.find("«وبحث الجانبان سبل تطوير التعاون» في مكافحة الجريمة المنظمة والإرهاب.") !=
          std::string::npos);
    CHECK(r.out.find("4 pending, 1 accepted, 1 rejected") != std::string::npos);
    r = w.run("review " + w.candidates() + " --list --format csv");
    CHECK(r.out.find("c1,edge,RECEIVED,") != std::string::npos);
    CHECK(r.out.find(",accepted,") != std::string::npos);
    CHECK(r.out.find("c3,edge,RECEIVED,عبد اللطيف حموشي,المفوض العام للشرطة الفنلندية,2025-11,") !=
          std::string::npos);

    // Without a terminal and without flags: a clear error, not a hang.
    r = w.run("review " + w.candidates() + " < /dev/null");
    CHECK(r.code == 1);
    CHECK(r.out.find("no terminal") != std::string::npos);
    r = w.run("review " + w.candidates() + " --accept c1 nope");
    CHECK(r.code == 1);
    CHECK(r.out.find("no fact with id 'nope'") != std::string::npos);
}
