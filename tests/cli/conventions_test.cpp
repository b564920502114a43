// CLI conventions (issue 17 items 4 and 5): one flag vocabulary with deprecated aliases, help
// that shows plain choices, suggestions for mistyped commands and names, `help CMD`, `-o -`,
// flags that need another, --wide tables and the generated man page.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli_run.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

Run run(const std::string& args) { return liaison_test::run_liaison(args); }

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";
const std::string kSmall = std::string(LIAISON_TEST_DATA) + "/render/small.json";

// The seed network in the store under test (tests/store_name.hpp), for the commands that read.
std::string seed() { return liaison_test::in_store(kSeed); }
std::string small() { return liaison_test::in_store(kSmall); }

fs::path temp_dir(const std::string& name) {
    fs::path d = fs::temp_directory_path() /
                 ("liaison_conventions_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

// Stdout alone (stderr to a file), for commands whose output is data.
Run run_stdout(const std::string& args, const fs::path& err) {
    return liaison_test::run_command(std::string(LIAISON_BINARY) + " " + args + " 2>'" +
                                     err.string() + "'");
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The command names listed by `liaison help`.
std::vector<std::string> commands() {
    Run r = run("help");
    REQUIRE(r.code == 0);
    std::istringstream in(r.out.substr(r.out.find("Subcommands:")));
    std::vector<std::string> out;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line) && line.rfind("  ", 0) == 0) {
        std::istringstream words(line);
        std::string name;
        words >> name;
        out.push_back(name);
    }
    return out;
}

}  // namespace

TEST_CASE("a mistyped command gets the closest one, with the usage exit code") {
    Run r = run("stat " + seed());
    CHECK(r.code == 2);
    CHECK(r.out == "liaison: unknown command 'stat' (did you mean 'stats'?)\n");
    Run far = run("xyzzy");
    CHECK(far.code == 2);
    CHECK(far.out.find("unknown command 'xyzzy'") != std::string::npos);
    CHECK(far.out.find("did you mean") == std::string::npos);
}

TEST_CASE("help CMD prints that command's help; help alone lists the commands") {
    Run h = run("help stats");
    CHECK(h.code == 0);
    CHECK(h.out.find("Usage: liaison stats") != std::string::npos);
    CHECK(h.out == run("stats --help").out);
    Run all = run("help");
    CHECK(all.code == 0);
    CHECK(all.out.find("render") != std::string::npos);
    CHECK(commands().size() > 20);
    Run bad = run("help stat");
    CHECK(bad.code == 2);
    CHECK(bad.out.find("did you mean 'stats'?") != std::string::npos);
}

TEST_CASE("every command's help shows choices plainly, never CLI11 internals") {
    for (const std::string& c : commands()) {
        CAPTURE(c);
        Run r = run(c + " --help");
        CHECK(r.code == 0);
        CHECK(r.out.find("->") == std::string::npos);
        CHECK(r.out.find("ENUM") == std::string::npos);
        CHECK(r.out == run("help " + c).out);
    }
    CHECK(run("rank --help").out.find("--format table|json|csv") != std::string::npos);
    CHECK(run("render --help").out.find("--output-format svg|png|pdf|dot|html") !=
          std::string::npos);
}

TEST_CASE("show suggests the closest names, English and Arabic") {
    Run en = run("show " + seed() + " Hamushi");
    CHECK(en.code == 1);
    CHECK(en.out.find("no entity named 'Hamushi'; did you mean Abdellatif Hammouchi / عبد "
                      "اللطيف حموشي (abdellatif-hammouchi)") != std::string::npos);
    Run ar = run("show " + seed() + " حمشي");  // و left out
    CHECK(ar.code == 1);
    CHECK(ar.out.find("(abdellatif-hammouchi)") != std::string::npos);
    // Nothing close: no suggestion.
    CHECK(run("show " + seed() + " Nobody").out == "liaison: no entity named 'Nobody'\n");
}

TEST_CASE("validate --require-sources without --documents is a usage error naming the flag") {
    Run r = run("validate " + kSeed + " --require-sources");
    CHECK(r.code == 2);
    CHECK(r.out.find("--require-sources requires --documents") != std::string::npos);
}

TEST_CASE("tables cut long names unless --wide") {
    const std::string name = "Directorate State Protection and Intelligence Service (DSN), Austria";
    Run cut = run("rank " + seed() + " --top 0");
    CHECK(cut.code == 0);
    CHECK(cut.out.find(name) == std::string::npos);
    CHECK(cut.out.find("Directorate State Protection and Intelligence Service (DSN),…") !=
          std::string::npos);
    Run wide = run("rank " + seed() + " --top 0 --wide");
    CHECK(wide.code == 0);
    CHECK(wide.out.find(name) != std::string::npos);
    CHECK(run("communities " + seed() + " --wide").out.find(name) != std::string::npos);
}

TEST_CASE("render -o - writes the drawing to the standard output") {
    fs::path dir = temp_dir("render");
    Run r = run_stdout("render " + small() + " -o - --output-format svg", dir / "err.txt");
    CHECK(r.code == 0);
    CHECK(r.out.find("<svg") != std::string::npos);
    CHECK(r.out.find("wrote") == std::string::npos);
    CHECK(!fs::exists("-"));
    Run no_format = run("render " + small() + " -o -");
    CHECK(no_format.code == 1);
    CHECK(no_format.out.find("--output-format") != std::string::npos);
    // report writes files only: `-o -` is refused rather than written as a file named "-".
    Run report = run("report " + small() + " -o - --output-format md");
    CHECK(report.code == 1);
    CHECK(report.out.find("-o -: report writes files") != std::string::npos);
    CHECK(!fs::exists("-"));
    // import and merge write a database, which is a file: "-" is a usage error there.
    const std::string xml = (dir / "small.graphml").string();
    REQUIRE(run("export " + small() + " -o " + xml).code == 0);
    Run imported = run("import " + xml + " -o -");
    CHECK(imported.code == 2);
    CHECK(imported.out.find("a database is a file") != std::string::npos);
    Run merged = run("merge " + small() + " " + xml + " -o -");
    CHECK(merged.code == 2);
    CHECK(merged.out.find("a database is a file") != std::string::npos);
    CHECK(!fs::exists("-"));
    fs::remove_all(dir);
}

TEST_CASE("old flag spellings still work, with one deprecation line") {
    fs::path dir = temp_dir("aliases");
    const std::string xml = (dir / "net.xml").string();
    Run ex = run("export " + small() + " -o " + xml + " --to graphml");
    CHECK(ex.code == 0);
    CHECK(count(ex.out, "deprecated") == 1);
    CHECK(ex.out.find("--to graphml is deprecated; use --output-format graphml") !=
          std::string::npos);
    CHECK(liaison::read_file(xml).find("<graphml") != std::string::npos);

    Run im = run("import " + xml + " --from graphml -o " +
                 (dir / store_test::database_name("back")).string());
    CHECK(im.code == 0);
    CHECK(count(im.out, "deprecated") == 1);
    CHECK(im.out.find("use --input-format graphml") != std::string::npos);
    CHECK(fs::exists(dir / store_test::database_name("back")));

    Run now = run("import " + xml + " --input-format graphml -o " +
                  (dir / store_test::database_name("b2")).string());
    CHECK(now.code == 0);
    CHECK(now.out.find("deprecated") == std::string::npos);

    Run re = run("render " + small() + " --out-dir " + dir.string() + " --format dot");
    CHECK(re.code == 0);
    CHECK(count(re.out, "deprecated") == 1);
    CHECK(re.out.find("use --output-format dot") != std::string::npos);
    CHECK(fs::exists(dir / "small.dot"));

    Run rep = run("report " + small() + " --out-dir " + dir.string() + " --format md");
    CHECK(rep.code == 0);
    CHECK(count(rep.out, "deprecated") == 1);
    CHECK(fs::exists(dir / "small.report.md"));

    Run me = run("merge " + small() + " " + xml + " --from graphml -o " +
                 (dir / store_test::database_name("merged")).string());
    CHECK(me.code == 0);
    CHECK(count(me.out, "deprecated") == 1);
    CHECK(me.out.find("--from graphml is deprecated; use --input-format graphml") !=
          std::string::npos);
    CHECK(fs::exists(dir / store_test::database_name("merged")));

    // The old flag draws exactly what its new spelling draws.
    const fs::path old_dot = dir / "old.dot", new_dot = dir / "new.dot";
    Run nl = run("render " + small() + " -o " + old_dot.string() + " --no-edge-labels");
    CHECK(nl.code == 0);
    CHECK(count(nl.out, "deprecated") == 1);
    CHECK(nl.out.find("use --edge-labels none") != std::string::npos);
    Run el = run("render " + small() + " -o " + new_dot.string() + " --edge-labels none");
    CHECK(el.code == 0);
    CHECK(el.out.find("deprecated") == std::string::npos);
    CHECK(liaison::read_file(old_dot.string()) == liaison::read_file(new_dot.string()));

    // --format is what is printed: a file format is refused where it never meant one.
    Run bad = run("stats " + seed() + " --format svg");
    CHECK(bad.code == 2);
    CHECK(bad.out.find("'svg' is not one of table, json, csv") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the man page is generated from the commands and is clean roff") {
    Run man = run("manpage");
    CHECK(man.code == 0);
    CHECK(man.out.rfind(".TH LIAISON 1", 0) == 0);
    for (const std::string& c : commands()) {
        CAPTURE(c);
        CHECK(man.out.find(".SS \"liaison " + c + " ") != std::string::npos);
    }
    CHECK(man.out.find("\\-\\-output\\-format") != std::string::npos);
    // groff reports bad requests and escapes as warnings on stderr (-ww: all of them).
    Run groff = run("manpage | groff -man -Tutf8 -ww -z");
    CHECK(groff.code == 0);
    CHECK(groff.out.empty());
}
