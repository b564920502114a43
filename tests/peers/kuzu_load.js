// Peer check: liaison's CSV export (nodes.csv, edges.csv) loads into Kuzu with COPY FROM.
// Usage: node kuzu_load.js CSV_DIR EXPECTED_NODES EXPECTED_EDGES
// Prints the counts Kuzu holds after loading; exits 1 when they differ.
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require("kuzu");

// "born:date" → ["born", "STRING"]; Kuzu's DATE needs full days and liaison allows partial ones.
function column(header) {
    const at = header.lastIndexOf(":");
    let name = at < 0 ? header : header.slice(0, at);
    const type = at < 0 ? "" : header.slice(at + 1);
    if (type === "ID") name = name || "id";
    if (type === "LABEL") name = "labels";
    if (type === "TYPE") name = "type";
    const kuzuType = { long: "INT64", int: "INT64", double: "DOUBLE", float: "DOUBLE",
                       boolean: "BOOLEAN" }[type] || "STRING";
    return [name, kuzuType];
}

function headerOf(file) {
    const first = fs.readFileSync(file, "utf8").split("\n", 1)[0];
    return first.split(",").map(column);
}

async function main() {
    const [dir, expectedNodes, expectedEdges] = process.argv.slice(2);
    const nodesCsv = path.join(dir, "nodes.csv");
    const edgesCsv = path.join(dir, "edges.csv");
    const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), "liaison-kuzu-"));
    const db = new kuzu.Database(path.join(dbDir, "db"));
    const conn = new kuzu.Connection(db);
    const q = async (text) => (await conn.query(text)).getAll();

    const nodeCols = headerOf(nodesCsv).map(([n, t]) => `\`${n}\` ${t}`);
    await q(`CREATE NODE TABLE Entity(${nodeCols.join(", ")}, PRIMARY KEY(id))`);
    const relCols = headerOf(edgesCsv).slice(2).map(([n, t]) => `\`${n}\` ${t}`);
    await q(`CREATE REL TABLE Rel(FROM Entity TO Entity${relCols.length ? ", " : ""}${relCols.join(", ")})`);
    // Quoted fields may hold line breaks, which Kuzu's parallel reader does not allow.
    const options = "(header=true, parallel=false, delim=',', quote='\"', escape='\"')";
    await q(`COPY Entity FROM '${nodesCsv}' ${options}`);
    await q(`COPY Rel FROM '${edgesCsv}' ${options}`);

    const nodes = (await q("MATCH (n:Entity) RETURN count(n) AS c"))[0].c;
    const edges = (await q("MATCH ()-[r:Rel]->() RETURN count(r) AS c"))[0].c;
    const types = (await q("MATCH ()-[r:Rel]->() RETURN count(DISTINCT r.type) AS c"))[0].c;
    console.log(`kuzu: ${nodes} nodes, ${edges} edges, ${types} relation types`);
    fs.rmSync(dbDir, { recursive: true, force: true });
    if (Number(nodes) !== Number(expectedNodes) || Number(edges) !== Number(expectedEdges)) {
        console.log(`FAIL: expected ${expectedNodes} nodes and ${expectedEdges} edges`);
        process.exit(1);
    }
    console.log("ok   kuzu: COPY FROM loads the CSV export with the same counts");
}

main().catch((e) => {
    console.log(`FAIL: ${e.message || e}`);
    process.exit(1);
});
