// The fast CSV path (interchange/csv_fast.cpp) builds exactly the graph of the row reader, or
// gives up and leaves the import to it: compared as the bytes of the .liaison base each gives.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "interchange/csv_fast.hpp"
#include "liaison/core/error.hpp"
#include "liaison/interchange/interchange.hpp"
#include "store/binary_format.hpp"
#include "store/binary_writer.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

std::vector<detail::CsvView> views_of(const std::vector<NamedText>& files) {
    std::vector<detail::CsvView> out;
    for (const auto& f : files) out.push_back({f.name, f.text});
    return out;
}

// True when the fast path took the files; then its base image and notes are the row reader's.
bool same_as_rows(const std::vector<NamedText>& files) {
    auto fast = detail::import_csv_fast(views_of(files), {});
    if (!fast) return false;
    ImportResult rows = detail::import_csv_rows(files, {});
    // The fast path (parallel reader, two-thread writer) against the plain one (row reader,
    // one-thread writer).
    const std::string image = binary::write_base(fast->graph);
    CHECK(image == binary::write_base(rows.graph));
    CHECK(image == binary::write_base_on_one_thread(rows.graph));
    CHECK(fast->notes == rows.notes);
    return true;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* kNodes =
    "id:ID,name,:LABEL\n"
    "p0,Person 0,Person\n"
    "p1,Person 1,Person\n"
    "Org A,Org A,Organization\n"  // not a slug: renamed, with a note
    "e0,جلسة,Event\n";

}  // namespace

TEST_CASE("csv fast path: the importer fixtures give the row reader's base image byte for byte") {
    std::size_t taken = 0, sets = 0;
    for (const char* folder : {"interchange/spreadsheet", "interchange/golden/small-csv"}) {
        std::vector<NamedText> files;
        for (const auto& entry : fs::directory_iterator(fs::path(LIAISON_TEST_DATA) / folder))
            if (entry.path().extension() == ".csv")
                files.push_back({entry.path().filename().string(), slurp(entry.path())});
        std::sort(files.begin(), files.end(),
                  [](const NamedText& a, const NamedText& b) { return a.name < b.name; });
        CAPTURE(folder);
        ++sets;
        taken += same_as_rows(files);
        // Whichever path runs, the public entry point gives the row reader's graph.
        CHECK(binary::write_base(import_csv(files).graph) ==
              binary::write_base(detail::import_csv_rows(files, {}).graph));
    }
    CHECK(sets == 2);
    MESSAGE(taken, " of ", sets, " fixture sets taken by the fast path");
}

TEST_CASE("csv fast path: dates, ids, typed and reserved columns, new types, CRLF, BOM") {
    std::vector<NamedText> files = {
        {"nodes.csv", kNodes},
        {"a.csv",
         "\xEF\xBB\xBF:START_ID,:END_ID,:TYPE,date:date,id,weight:double,n:long,ok:boolean,"
         "tags:string[],note,property.type,:IGNORE\r\n"
         "p0,p1,KNOWS,2004-05-05,k1,1.5,3,true,a;b,some words,x,zz\r\n"
         "p1,p0,KNOWS,2004,,,,,,,,\r\n"
         "p0,Org A,MEMBER_OF,,,2,-7,false,,,,\r\n"
         "p0,e0,,2025-11,,,,,,  spaced  ,,\r\n"  // no type: LINKED_TO
         "p1,e0,NEW_TYPE,,,,,,,,,\r\n"},         // declared directed, as the row reader does
        {"b.csv",
         ":END_ID,:START_ID,:TYPE,start,end\n"  // text dates are trimmed
         "p1,p0,MET_WITH, 2020 ,2021-02\n"
         "e0,e0,NEW_TYPE,,\n"
         "p0,p1,OTHER,2019-01,"},  // no final line break
    };
    REQUIRE(same_as_rows(files));
    PropertyGraph g = import_csv(files).graph;
    CHECK(g.edge_count() == 8);
    CHECK(g.relations().find("NEW_TYPE").has_value());
    CHECK_FALSE(g.is_symmetric(g.edge(4)));
    CHECK(g.edge(0).id == "k1");
    CHECK(g.edge(0).properties.get("type")->as_string() == "x");
    CHECK(g.type_name(g.edge(3)) == "LINKED_TO");
    CHECK(g.edge(5).time.start->to_string() == "2020");
}

TEST_CASE("csv fast path: large files are cut at line ends and read on both cores") {
    std::string nodes = "id:ID,:LABEL\n", edges = ":START_ID,:END_ID,:TYPE,date:date,w:long\n";
    for (int i = 0; i < 2000; ++i) nodes += "n" + std::to_string(i) + ",Person\n";
    const char* types[] = {"KNOWS", "MET_WITH", "T_A", "T_B", "T_C"};
    for (int i = 0; i < 300000; ++i)
        edges += "n" + std::to_string(i * 7 % 2000) + ",n" + std::to_string(i * 13 % 1999) + "," +
                 types[i * 31 % 5] + ",20" + std::to_string(10 + i % 10) + "-0" +
                 std::to_string(1 + i % 9) + "," + std::to_string(i) + "\n";
    REQUIRE(edges.size() > (std::size_t{8} << 20));  // several chunks
    std::vector<NamedText> files = {{"nodes.csv", nodes}, {"edges.csv", edges}};
    REQUIRE(same_as_rows(files));
}

TEST_CASE("csv fast path: bad or unusual rows leave the import to the row reader") {
    auto declined = [](const std::string& edges) {
        std::vector<NamedText> files = {{"nodes.csv", kNodes}, {"edges.csv", edges}};
        return !detail::import_csv_fast(views_of(files), {}).has_value();
    };
    const std::string h = ":START_ID,:END_ID,:TYPE,date:date\n";
    CHECK(declined(h + "p0,p1,KNOWS,2004\np0,zz,KNOWS,2004\n"));    // unknown endpoint
    CHECK(declined(h + "p0,p1,KNOWS,2004-02-30\n"));                // impossible date
    CHECK(declined(h + "p0,p1,KNOWS\n"));                           // too few fields
    CHECK(declined(h + "p0,p1,KNOWS,2004,x\n"));                    // too many
    CHECK(declined(h + "p0,p1,\"KNOWS\",2004\n"));                  // quoted field
    CHECK(declined(h + "p0,p1,KNOWS,2004\n\np1,p0,KNOWS,2004\n"));  // blank line
    CHECK(declined(h + ",p1,KNOWS,2004\n"));                        // empty endpoint
    CHECK(declined(h + "p0,p1,A\x01"
                       "B,2004\n"));                // not a relation name (a control character)
    CHECK(declined(h + "p0,p1,KNOWS,2004\xFF\n"));  // not UTF-8
    CHECK(declined(":START_ID,:END_ID,symmetric\np0,p1,true\n"));  // assembler's meaning
    CHECK(declined(":START_ID,:END_ID,:TYPE,start:date,end:date\np0,p1,KNOWS,2020,2019\n"));
    CHECK_FALSE(declined(h + "p0,p1,KNOWS,2004\n"));

    // The row reader then reports every problem with its file:line:column.
    std::vector<NamedText> files = {{"nodes.csv", kNodes},
                                    {"edges.csv", h + "p0,p1,KNOWS,2004\np0,p1,KNOWS,2004-13\n"}};
    try {
        import_csv(files);
        FAIL("expected an ImportError");
    } catch (const ImportError& e) {
        CHECK(std::string(e.what()).find(
                  "edges.csv:3:13: column 'date': '2004-13' is not a date") != std::string::npos);
    }
}

TEST_CASE("csv fast path: import_files maps the files and gives the same graph") {
    fs::path dir = fs::temp_directory_path() / ("liaison-csv-fast-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string edges =
        ":START_ID,:END_ID,:TYPE,date:date\np0,p1,KNOWS,2004\np1,e0,ATTENDED,2025\n";
    std::ofstream(dir / "nodes.csv") << kNodes;
    std::ofstream(dir / "edges.csv") << edges;
    ImportResult r = import_files({dir.string()}, std::nullopt, {});
    std::vector<NamedText> files = {{(dir / "edges.csv").string(), edges},
                                    {(dir / "nodes.csv").string(), kNodes}};
    CHECK(binary::write_base(r.graph) ==
          binary::write_base(detail::import_csv_rows(files, {}).graph));
    CHECK(r.notes == detail::import_csv_rows(files, {}).notes);
    fs::remove_all(dir);
}

TEST_CASE("csv fast path: a generated network with aliases, properties and parallel edges") {
    // Node ids out of order, Arabic names, aliases, typed columns; edges repeating their ends
    // and type (parallel edges, told apart by date, id and input order), open and partial
    // dates, ids on some, properties on most.
    std::string nodes = "id:ID,:LABEL,name_en,name_ar,aliases:string[],born:date,score:double\n";
    for (int i = 0; i < 600; ++i) {
        const int k = i * 389 % 600;
        nodes +=
            "n" + std::to_string(k) + (k % 3 ? ",Person," : ",Organization,") + "Name " +
            std::to_string(k) + "," + (k % 4 ? "اسم" + std::to_string(k) : "") + "," +
            (k % 5 == 0 ? "A" + std::to_string(k) + ";B" + std::to_string(k % 7) : "") + "," +
            (k % 2 ? "19" + std::to_string(50 + k % 40) + "-0" + std::to_string(1 + k % 9) : "") +
            "," + (k % 6 ? std::to_string(k) + ".25" : "") + "\n";
    }
    std::string edges = ":START_ID,:END_ID,:TYPE,date:date,id,weight:double,n:long,note\n";
    const char* types[] = {"MET_WITH", "KNOWS", "SIGNED_WITH", "VISITED"};
    for (int i = 0; i < 4000; ++i) {
        const int a = i % 37 == 0 ? 5 : i * 7 % 600, b = i % 37 == 0 ? 9 : i * 11 % 599;
        const std::string date = i % 9 == 0   ? ""
                                 : i % 5 == 0 ? "2001"
                                              : "20" + std::to_string(10 + i % 7) + "-0" +
                                                    std::to_string(1 + i % 9) + "-1" +
                                                    std::to_string(i % 10);
        edges += "n" + std::to_string(a) + ",n" + std::to_string(b) + "," +
                 types[i % 37 == 0 ? 0 : i % 4] + "," + date + "," +
                 (i % 13 == 0 ? "e" + std::to_string(i % 3) : "") + "," +
                 (i % 3 ? std::to_string(i % 17) + ".5" : "") + "," + std::to_string(i % 5) + "," +
                 (i % 4 ? "w" + std::to_string(i % 11) : "") + "\n";
    }
    std::vector<NamedText> files = {{"nodes.csv", nodes}, {"edges.csv", edges}};
    REQUIRE(same_as_rows(files));
    PropertyGraph g = import_csv(files).graph;
    CHECK(g.node_count() == 600);
    CHECK(g.edge_count() == 4000);
    REQUIRE(g.find_id("n0"));
    CHECK(g.node(*g.find_id("n0")).names.aliases == std::vector<std::string>{"A0", "B0"});
    // The image reads back as the graph it was written from.
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "generated.liaison");
    CHECK(binary::write_base_on_one_thread(image->to_graph()) == image->bytes());

    // A bad row anywhere: the fast path declines and the row reader names file:line:column.
    for (const auto& [bad, where] : std::vector<std::pair<std::string, std::string>>{
             {"n1,n2,KNOWS,2004-13,,,,", "edges.csv:2002:13: column 'date'"},
             {"n1,zz,KNOWS,2004,,,,", "edges.csv:2002:"},
             {"n1,n2,KNOWS,2004,,x,,", "edges.csv:2002:"}}) {
        std::string broken = edges;
        std::size_t at = 0;
        for (int line = 0; line < 2001; ++line) at = broken.find('\n', at) + 1;
        broken.insert(at, bad + "\n");
        std::vector<NamedText> bad_files = {{"nodes.csv", nodes}, {"edges.csv", broken}};
        CAPTURE(bad);
        CHECK_FALSE(detail::import_csv_fast(views_of(bad_files), {}).has_value());
        try {
            import_csv(bad_files);
            FAIL("expected an ImportError");
        } catch (const ImportError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(where) != std::string::npos);
        }
    }
}
