// Every command's `--format json` output validates against its documented JSON Schema
// (docs/schemas/COMMAND.schema.json), with RapidJSON's schema validator as the native reader uses.
#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>
#include <chrono>
#include <thread>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = LIAISON_SOURCE_DIR;
const fs::path kSchemas = kSource / "docs" / "schemas";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// `args` with its databases g.json and imported.json named in the store under test.
std::string in_store(std::string args) {
    for (const std::string stem : {"g", "imported"})
        for (auto at = args.find(" " + stem + ".json"); at != std::string::npos;
             at = args.find(" " + stem + ".json", at + 1))
            args.replace(at + 1, stem.size() + 5, store_test::database_name(stem));
    return args;
}

// Runs liaison in `dir` and returns its standard output alone (stderr carries notes).
std::string stdout_of(const fs::path& dir, const std::string& args, int& code) {
    liaison_test::Run r =
        liaison_test::run_command("cd '" + dir.string() + "' && " + std::string(LIAISON_BINARY) +
                                  " " + in_store(args) + " 2>/dev/null");
    code = r.code;
    return r.out;
}

// The validator's complaint ("" when `json` fits the schema of `command`).
std::string violations(const std::string& command, const std::string& json) {
    rapidjson::Document schema_doc;
    schema_doc.Parse(slurp(kSchemas / (command + ".schema.json")).c_str());
    REQUIRE_MESSAGE(!schema_doc.HasParseError(), command << ".schema.json is not JSON");
    rapidjson::SchemaDocument schema(schema_doc);
    rapidjson::Document d;
    d.Parse(json.c_str());
    if (d.HasParseError()) return "not JSON: " + json.substr(0, 200);
    rapidjson::SchemaValidator v(schema);
    if (d.Accept(v)) return "";
    rapidjson::StringBuffer where, what;
    v.GetInvalidSchemaPointer().StringifyUriFragment(where);
    v.GetInvalidDocumentPointer().StringifyUriFragment(what);
    return std::string("schema ") + where.GetString() + " (" + v.GetInvalidSchemaKeyword() +
           ") rejects " + what.GetString();
}

struct Case {
    std::string schema;  // docs/schemas/<schema>.schema.json
    std::string args;    // run in the work folder, after the set-up commands
    int code = 0;        // expected exit status
};

}  // namespace

TEST_CASE("every command's --format json validates against its schema") {
    const fs::path dir =
        fs::temp_directory_path() / ("liaison_json_shapes_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    liaison_test::copy_to_store((kSource / "graphs" / "morocco-interpol.json").string(),
                                (dir / store_test::database_name("g")).string());
    const fs::path data = fs::path(LIAISON_TEST_DATA) / "extract";
    const std::string article =
        (data / "articles" / "e01-saudi-interior-receives-jordan.txt").string();
    const std::string gold = (data / "gold" / "e01-saudi-interior-receives-jordan.json").string();
    int code = 0;
    // Candidates for review and accept, reviewed in full.
    stdout_of(dir, "extract '" + article + "' -o cand.json", code);
    REQUIRE(code == 0);
    std::ofstream(dir / "q.cyp") << "MATCH (n:Person) RETURN n.id AS id, n.rank AS r LIMIT 2;\n";
    // A results file as liaison-dist writes it (a non-finite value prints as null).
    std::ofstream(dir / "r.tsv") << "id\tpagerank\tcomponents\nabdellatif-hammouchi\t0.25\t0\n"
                                    "abdulmajeed-al-banyan\tnan\t0\n";
    stdout_of(dir, "export g.json -o g.graphml", code);
    REQUIRE(code == 0);

    const std::vector<Case> cases{
        {"validate", "validate g.json '" + (kSource / "graphs" / "liaison.schema.json").string() +
                         "' --format json"},
        {"stats", "stats g.json --format json"},
        {"show", "show g.json Hammouchi --format json"},
        {"rank", "rank g.json --by betweenness --top 5 --format json"},
        {"rank", "rank g.json --by core --top 3 --format json"},
        {"project", "project g.json -o g.mtx --format json"},
        {"scores", "scores g.json r.tsv --format json"},
        {"communities", "communities g.json --seed 1 --format json"},
        {"path",
         "path g.json 'Omar Haijawi-Pirchner' 'Ethiopian Federal Police' --all --format json"},
        {"path", "path g.json rabat Hammouchi --format json", 1},  // none: [] and exit 1
        {"ego", "ego g.json Hammouchi --hops 1 --format json"},
        {"diff", "diff g.json --from interpol-ga-91 --to interpol-ga-93 --kept --format json"},
        {"dedupe", "dedupe g.json --format json"},
        {"query", "query g.json 'MATCH (n:Person) RETURN n.id AS id, n LIMIT 2' --format json"},
        {"shell", "shell g.json --format json < q.cyp"},
        {"export", "export g.json -o out.gexf --format json"},
        {"export", "export g.json -o csv --output-format csv --format json"},
        {"import", "import g.graphml -o imported.json --format json"},
        {"import", "import g.graphml --into imported.json --format json"},
        {"merge", "merge g.json g.graphml --dry-run --format json"},
        {"render", "render g.json --ego Hammouchi -o ego.svg --format json"},
        {"extract", "extract --score '" + gold + "' --format json"},
        {"extract", "extract '" + article + "' -o more.json --format json"},
        {"review", "review cand.json --list --format json"},
        {"review", "review more.json --accept-all --format json"},
        {"add-document", "add-document g.json doc-900 --title 'A test' --format json"},
        {"add-node",
         "add-node g.json test-person --label Person --en 'Test Person' --no-source --format json"},
        {"add-edge",
         "add-edge g.json test-person MET_WITH abdellatif-hammouchi --no-source --format json"},
        {"set", "set g.json test-person rank:=3 --no-compact --format json"},
        {"compact", "compact g.json --format json"},
        {"remove", "remove g.json test-person --cascade --format json"},
        {"accept", "accept cand.json --into g.json --dry-run --format json"},
    };
    std::set<std::string> covered;
    for (const Case& c : cases) {
        CAPTURE(c.args);
        const std::string out = stdout_of(dir, c.args, code);
        CHECK(code == c.code);
        CHECK(violations(c.schema, out) == "");
        covered.insert(c.schema);
    }
    // A schema without a case here would document a shape nothing checks.
    for (const auto& entry : fs::directory_iterator(kSchemas)) {
        std::string name = entry.path().filename().string();
        name = name.substr(0, name.find('.'));
        CHECK_MESSAGE(covered.count(name), name << ".schema.json has no case in this test");
    }
    // `remove` on the binary store started a fold in the background (docs/store.md, "CLI
    // edits"), which may still be writing in the folder: retry until it is gone.
    for (int i = 0; i < 200; ++i) {
        std::error_code ec;
        fs::remove_all(dir, ec);
        if (!ec) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

TEST_CASE("every command whose --format takes json has a schema") {
    int code = 0;
    std::istringstream commands(stdout_of(fs::temp_directory_path(), "--help", code));
    std::size_t checked = 0;
    bool listing = false;
    for (std::string line; std::getline(commands, line);) {
        if (line.rfind("Subcommands:", 0) == 0) listing = true;
        if (!listing || line.rfind("  ", 0) != 0) continue;
        const std::string name = line.substr(2, line.find(' ', 2) - 2);
        const std::string help = stdout_of(fs::temp_directory_path(), name + " --help", code);
        const auto at = help.find("--format ");
        if (at == std::string::npos || help.find("json", at) > help.find('\n', at)) continue;
        ++checked;
        CHECK_MESSAGE(
            fs::exists(kSchemas / (name + ".schema.json")),
            "liaison " << name << " --format json has no docs/schemas/" << name << ".schema.json");
    }
    CHECK(checked >= 20);
}

TEST_CASE("the schemas refuse numbers written as strings") {
    CHECK(violations("rank", R"([{"rank": 1, "id": "x", "name": {"en": "X", "ar": null},
                                 "degree": 3}])") == "");
    CHECK(violations("rank", R"([{"rank": "1", "id": "x", "name": {"en": "X", "ar": null},
                                 "degree": 3}])") != "");
    CHECK(violations("rank", R"([{"rank": 1, "id": "x", "name": "X", "degree": 3}])") != "");
    CHECK(violations("path", R"([{"path": 1, "step": 1, "from": {"id": "a", "name": {"en": "A",
        "ar": null}}, "link": "-MET_WITH-", "to": {"id": "b", "name": {"en": "B", "ar": null}}}])") !=
          "");
}
