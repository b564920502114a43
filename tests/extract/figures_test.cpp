// The extractor's figures on the seed articles (graphs/morocco-interpol.json, article by article)
// and on the development set (tests/data/extract): the test fails when one falls below the figure
// recorded here, so that a change to the engine or the lexicons cannot lose ground unnoticed.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "liaison/extract/extract.hpp"
#include "liaison/extract/gold.hpp"
#include "liaison/extract/score.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;
using liaison::extract::ScoreReport;
using liaison::extract::Tally;

namespace {

ScoreReport score_gold(const std::string& gold_path, const fs::path& articles) {
    ScoreReport total;
    const liaison::PropertyGraph gold = liaison::read_graph_file(gold_path);
    for (const auto& [id, doc] : gold.documents()) {
        liaison::extract::Article a =
            liaison::extract::read_article((articles / doc.file).string());
        a.id = id;
        a.date = doc.date;  // the publication date, as the CLI's --score gives it
        const liaison::PropertyGraph predicted = liaison::extract::extract({a});
        total.add(liaison::extract::score(predicted,
                                          gold.documents().size() == 1
                                              ? gold
                                              : liaison::extract::restrict_to_document(gold, id)));
    }
    return total;
}

Tally row(const std::vector<Tally>& rows, const std::string& name) {
    for (const Tally& t : rows)
        if (t.name == name) return t;
    return Tally{name};
}

Tally sum(const std::vector<Tally>& rows, std::initializer_list<const char*> names) {
    Tally out{"sum"};
    for (const char* n : names) {
        const Tally t = row(rows, n);
        out.gold += t.gold;
        out.predicted += t.predicted;
        out.matched += t.matched;
    }
    return out;
}

}  // namespace

TEST_CASE("seed articles: curated meetings, receptions and memoranda recovered") {
    const fs::path seeds = LIAISON_SEEDS_DIR;
    if (!fs::exists(seeds / "000_cbe9961728677393.txt")) {
        MESSAGE("seed articles not found; skipped");
        return;
    }
    const ScoreReport r =
        score_gold(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json", seeds);
    const Tally core = sum(r.relations, {"MET_WITH", "RECEIVED", "SIGNED_MOU"});
    MESSAGE("seeds: meetings/receptions/memoranda P=" << core.precision()
                                                      << " R=" << core.recall());
    // Reached: 0.933 precision, 0.875 recall (42 of 48 curated facts, 45 proposed).
    CHECK(core.recall() >= 0.87);
    CHECK(core.precision() >= 0.93);
    const Tally interactions = row(r.relations, "interactions");
    CHECK(interactions.recall() >= 0.86);
    CHECK(interactions.precision() >= 0.93);
    CHECK(row(r.entities, "Person").recall() >= 0.93);
    CHECK(row(r.entities, "Country").recall() >= 0.95);
    CHECK(row(r.entities, "Organisation").recall() >= 0.84);
    CHECK(row(r.relations, "HEADS").recall() >= 0.82);
    // Events: 5 of 8 curated, none wrong; hosting 3 of 3.
    CHECK(row(r.entities, "Event").recall() >= 0.62);
    CHECK(row(r.entities, "Event").precision() >= 0.99);
    CHECK(row(r.relations, "HOSTED").recall() >= 0.99);
    // Dates: 42 of 46 matched relations with a time carry the gold's.
    CHECK(r.dated_right >= 0.9 * static_cast<double>(r.dated));
}

namespace {

// The generality batches r01–r08, s01–s08 and t01–t08: written after the 56 and scored blind before
// any rule was written for them. Returns the batch's letter, or 0 for the other 56.
char generality_batch(const fs::path& gold) {
    const std::string name = gold.filename().string();
    const bool batch = name.size() > 3 && (name[0] == 'r' || name[0] == 's' || name[0] == 't') &&
                       name[1] == '0' && name[2] >= '1' && name[2] <= '9';
    return batch ? name[0] : 0;
}

// The scores of the gold files of a generality batch (its letter) or of the other 56 (0), and
// how many files were scored; nullopt when the development set is not there.
std::optional<std::pair<ScoreReport, std::size_t>> score_set(char batch) {
    const fs::path dir = fs::path(LIAISON_TEST_DATA) / "extract";
    if (!fs::exists(dir / "gold")) return std::nullopt;
    ScoreReport total;
    std::size_t golds = 0;
    for (const auto& e : fs::directory_iterator(dir / "gold")) {
        if (e.path().extension() != ".json" || generality_batch(e.path()) != batch) continue;
        total.add(score_gold(e.path().string(), dir / "articles"));
        ++golds;
    }
    return std::make_pair(std::move(total), golds);
}

}  // namespace

TEST_CASE("development set: the figures reached do not fall") {
    // The generality batches r01–r08 and s01–s08 have floors of their own (below): these hold
    // the 56.
    auto set = score_set(0);
    if (!set) {
        MESSAGE("development set not found; skipped");
        return;
    }
    const ScoreReport& total = set->first;
    REQUIRE(set->second > 0);
    const Tally interactions = row(total.relations, "interactions");
    MESSAGE("development set: interactions P=" << interactions.precision()
                                               << " R=" << interactions.recall());
    // Reached on all 56 articles (docs/extract.md, "Figures", has the history): interactions
    // 0.996 / 0.927 (228 of 246 since p07, m01, p12 and p13 took their talks; q01–q08 alone 0.972 /
    // 0.972), signatures 39 of 44, persons 0.961 / 0.957, agencies and organisations 0.889 / 0.871,
    // countries 0.960 / 0.986, cities 0.925 / 0.907, HEADS 0.852 / 0.812, REPRESENTS 0.824 / 0.750,
    // Event 0.946 / 0.795, HOSTED 0.846 / 0.759, ATTENDED 0.970 / 0.753, dates right on 240 of 298
    // matched relations. Each floor sits a little under the figure so that a rule trading one fact
    // for another does not fail, while a lost rule does.
    CHECK(interactions.precision() >= 0.98);
    CHECK(interactions.recall() >= 0.91);
    const Tally signatures = sum(total.relations, {"SIGNED_MOU", "SIGNED_AGREEMENT"});
    CHECK(signatures.matched >= 38);
    CHECK(row(total.relations, "VISITED").recall() >= 0.92);
    CHECK(row(total.relations, "RECEIVED").recall() >= 0.91);
    CHECK(row(total.relations, "MET_WITH").recall() >= 0.91);
    CHECK(row(total.entities, "Person").recall() >= 0.94);
    CHECK(row(total.entities, "Person").precision() >= 0.95);
    CHECK(row(total.relations, "HEADS").recall() >= 0.8);
    CHECK(row(total.relations, "HEADS").precision() >= 0.84);
    CHECK(row(total.relations, "REPRESENTS").recall() >= 0.73);
    CHECK(row(total.relations, "REPRESENTS").precision() >= 0.8);
    CHECK(row(total.entities, "Country").recall() >= 0.98);
    CHECK(row(total.entities, "Country").precision() >= 0.95);
    CHECK(row(total.entities, "Organisation").recall() >= 0.86);
    CHECK(row(total.entities, "Organisation").precision() >= 0.88);
    CHECK(row(total.entities, "City").recall() >= 0.89);
    CHECK(row(total.entities, "Event").recall() >= 0.78);
    CHECK(row(total.entities, "Event").precision() >= 0.93);
    CHECK(row(total.relations, "HOSTED").recall() >= 0.74);
    CHECK(row(total.relations, "HOSTED").precision() >= 0.82);
    CHECK(row(total.relations, "ATTENDED").recall() >= 0.73);
    CHECK(row(total.relations, "ATTENDED").precision() >= 0.95);
    CHECK(total.dated_right >= 0.79 * static_cast<double>(total.dated));
}

namespace {

// The floors of a generality batch: what its round reached, a little under.
struct Floors {
    std::size_t matched;
    double precision, person_recall, person_precision, organisation_recall, country_recall;
};

void check_batch(char batch, const Floors& f) {
    auto set = score_set(batch);
    if (!set) {
        MESSAGE("development set not found; skipped");
        return;
    }
    const ScoreReport& total = set->first;
    REQUIRE(set->second == 8);
    const Tally interactions = row(total.relations, "interactions");
    MESSAGE("generality batch " << batch << ": interactions P=" << interactions.precision()
                                << " R=" << interactions.recall());
    CHECK(interactions.matched >= f.matched);
    CHECK(interactions.precision() >= f.precision);
    CHECK(row(total.entities, "Person").recall() >= f.person_recall);
    CHECK(row(total.entities, "Person").precision() >= f.person_precision);
    CHECK(row(total.entities, "Organisation").recall() >= f.organisation_recall);
    CHECK(row(total.entities, "Country").recall() >= f.country_recall);
}

}  // namespace

TEST_CASE("generality batch r01-r08: the figures reached do not fall") {
    // Blind: 0.452 / 0.389 (14 of 36, 31 proposed); after the round of 3 December: 0.727 /
    // 0.667 (24 of 36, 33 proposed); with the s round's rules and ولدي in names: 0.848 / 0.778
    // (28 of 36), persons 0.969 / 1.000, agencies and organisations 0.909 / 0.909, countries
    // 0.909 / 0.952 (docs/extract-backlog.md, "Generality batch r01–r08").
    check_batch('r', {28, 0.84, 0.99, 0.95, 0.9, 0.95});
}

TEST_CASE("generality batch s01-s08: the figures reached do not fall") {
    // Blind: 0.463 / 0.322 (19 of 59), 0.610 / 0.424 after two gold slips were corrected; after
    // the round of 3 December (second session): 0.900 / 0.763 (45 of 59, 50 proposed), persons
    // 0.930 / 0.952, agencies and organisations 0.784 / 0.769, countries 1.000 / 0.958
    // (docs/extract-backlog.md, "Generality batch s01–s08").
    check_batch('s', {45, 0.89, 0.95, 0.9, 0.76, 0.95});
}

TEST_CASE("generality batch t01-t08: the figures reached do not fall") {
    // Blind: 0.355 / 0.212 (11 of 52, 31 proposed); after the first rules it prompted (calls,
    // compound place names, a closed visit, a delegation received, talks with its pronoun): 0.500 /
    // 0.308 (16 of 52), persons 0.714 / 0.921, agencies and
    // organisations 0.854 / 0.614, countries 0.966 / 1.000 (docs/extract-backlog.md,
    // "Generality batch t01–t08": most of its causes are still open).
    check_batch('t', {16, 0.49, 0.92, 0.7, 0.6, 0.99});
}
