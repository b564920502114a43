// Kuzu's side of the query benchmark (bench/README.md): loads the QUERY graph's CSVs with Kuzu's
// own COPY FROM into a fresh database, then runs the same questions as liaison_bench's query
// workload, printing one JSON line per query form (median and p90 latency, like liaison's).
// With --store, it is instead one operation of the store benchmark (store_bench.py), run in a
// fresh process that store_bench.py times whole.
//
//   node bench/kuzu_bench.cjs DATA_DIR [THREADS]
//   node bench/kuzu_bench.cjs --store OP DB [ARG...]
//
// Kuzu is bench/node_modules/kuzu (bench/run.sh installs it there) or, failing that, whatever
// `require("kuzu")` finds through NODE_PATH (store_bench.py --kuzu-modules sets it).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = (() => {
    const local = path.join(__dirname, "node_modules", "kuzu");
    return fs.existsSync(local) ? require(local) : require("kuzu");
})();

if (process.argv[2] === "--store") {
    storeOperation(process.argv.slice(3));
    // Exit before the event loop winds down: an uncheckpointed commit must stay in the WAL.
    process.exit(0);
}

// The store benchmark's operations on one database DB of one node table and one relationship
// table, loaded from the Neo4j CSV of generate.py's STORE workloads (the same files liaison
// imports; Kuzu's COPY maps columns by position, so the Neo4j header names do not matter).
// Each prints its answer as one JSON line for store_bench.py to compare with liaison's.
function storeOperation(args) {
    const [op, dbPath, ...rest] = args;
    if (op === "startup") { // the fixed cost of every operation: node and Kuzu's library loaded
        process.stdout.write(JSON.stringify({ value: kuzu.VERSION }) + "\n");
        return;
    }
    const commitOnly = op === "create";
    // create: no automatic checkpoint, and the process exits without closing, since Kuzu
    // checkpoints on close: the commit is its fsynced WAL record, as liaison's --no-compact
    // add-edge is its journal record. checkpoint folds it in, as liaison's compact does.
    const db = new kuzu.Database(dbPath, 0, true, false, 0, !commitOnly);
    const conn = new kuzu.Connection(db);
    const run = (text, params) => {
        let result;
        if (params) {
            const ps = conn.prepareSync(text);
            if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
            result = conn.executeSync(ps, params);
        } else {
            result = conn.querySync(text);
        }
        const rows = result.getAllSync();
        result.close(); // an open result at exit crashes the process after a write
        return rows;
    };
    const one = (text, params) => {
        const rows = run(text, params);
        return rows.length ? Object.values(rows[0])[0] : null;
    };
    let value;
    switch (op) {
    case "import": {
        const [nodes, edges] = rest;
        run("CREATE NODE TABLE Entity(id STRING, name STRING, label STRING, PRIMARY KEY(id))");
        run("CREATE REL TABLE Rel(FROM Entity TO Entity, type STRING, date DATE)");
        run(`COPY Entity FROM "${nodes}" (HEADER=true)`);
        run(`COPY Rel FROM "${edges}" (HEADER=true)`);
        value = one("MATCH ()-[r]->() RETURN count(r)");
        break;
    }
    case "count":
        value = one("MATCH (n) RETURN count(n)");
        break;
    case "edges":
        value = one("MATCH ()-[r]->() RETURN count(r)");
        break;
    case "lookup_id":
        value = one("MATCH (n:Entity {id: $id}) RETURN n.name", { id: rest[0] });
        break;
    case "lookup_name":
        value = one("MATCH (n:Entity) WHERE n.name = $name RETURN n.id", { name: rest[0] });
        break;
    case "hop1":
        value = one("MATCH (a:Entity {id: $id})-[]-(b) RETURN count(*)", { id: rest[0] });
        break;
    case "hop2":
        value = one("MATCH (a:Entity {id: $id})-[]-()-[]-(c) WHERE c <> a " +
                        "RETURN count(DISTINCT c)", { id: rest[0] });
        break;
    case "create":
        value = one("MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) " +
                        "CREATE (a)-[r:Rel {type: 'KNOWS', date: date($day)}]->(b) RETURN count(r)",
                    { a: rest[0], b: rest[1], day: rest[2] });
        break;
    case "checkpoint":
        run("CHECKPOINT");
        value = null;
        break;
    default:
        throw new Error(`unknown store operation ${op}`);
    }
    process.stdout.write(JSON.stringify({ value: typeof value === "bigint" ? Number(value) : value }) + "\n");
    if (!commitOnly) {
        conn.closeSync();
        db.closeSync();
    }
}

const data = path.resolve(process.argv[2] || path.join(__dirname, "data"));
const threads = Number(process.argv[3] || 1);
const graph = "QUERY";

function line(kernel, fields) {
    const out = { tool: "kuzu", graph, kernel, threads, ...fields };
    process.stdout.write(JSON.stringify(out) + "\n");
}

function percentile(values, q) {
    if (!values.length) return 0;
    const v = [...values].sort((a, b) => a - b);
    return v[Math.min(v.length - 1, Math.round(q * (v.length - 1)))];
}

function rssMib() {
    return process.memoryUsage().rss / 1048576;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liaison-kuzu-"));
try {
    const db = new kuzu.Database(path.join(dir, "db"));
    const conn = new kuzu.Connection(db, threads);
    const base = rssMib();
    let t = process.hrtime.bigint();
    const schema = [
        "CREATE NODE TABLE Person(id STRING, name STRING, PRIMARY KEY(id))",
        "CREATE NODE TABLE Organization(id STRING, name STRING, PRIMARY KEY(id))",
        "CREATE NODE TABLE Event(id STRING, name STRING, PRIMARY KEY(id))",
        "CREATE REL TABLE KNOWS(FROM Person TO Person, date DATE)",
        "CREATE REL TABLE MEMBER_OF(FROM Person TO Organization, date DATE)",
        "CREATE REL TABLE ATTENDED(FROM Person TO Event, date DATE)",
    ];
    for (const s of schema) conn.querySync(s);
    for (const table of ["Person", "Organization", "Event", "KNOWS", "MEMBER_OF", "ATTENDED"]) {
        const file = path.join(data, `${graph}.${table}.csv`);
        conn.querySync(`COPY ${table} FROM "${file}" (HEADER=true)`);
    }
    const seconds = (t2) => Number(t2 - t) / 1e9;
    line("query_load", { seconds: seconds(process.hrtime.bigint()), mem_mib: rssMib() - base });

    const workload = JSON.parse(fs.readFileSync(path.join(data, `${graph}.workload.json`)));
    const forms = [
        ["q_1hop", "MATCH (a:Person {id: $id})-[]-(b) RETURN count(*) AS n", false],
        ["q_2hop", "MATCH (a:Person {id: $id})-[]-()-[]-(c) RETURN count(DISTINCT c) AS n", false],
        ["q_2hop_where",
         "MATCH (a:Person)-[]-(b)-[]-(c) WHERE a.id = $id RETURN count(DISTINCT c) AS n", false],
        ["q_2hop_reversed",
         "MATCH (c)-[]-(b)-[]-(a:Person) WHERE a.id = $id RETURN count(DISTINCT c) AS n", false],
        ["q_2hop_with",
         "MATCH (a:Person)-[]-()-[]-(c) WHERE a.id = $id WITH DISTINCT c RETURN count(c) AS n",
         false],
        ["q_2hop_directed",
         "MATCH (a:Person {id: $id})-[]->()-[]->(c) RETURN count(DISTINCT c) AS n", false],
        ["q_2hop_directed_where",
         "MATCH (c)<-[]-(b)<-[]-(a:Person) WHERE a.id = $id RETURN count(DISTINCT c) AS n", false],
        ["q_allshortest",
         "MATCH p = (a:Person {id: $a})-[* ALL SHORTEST 1..30]-(b:Person {id: $b}) " +
             "RETURN count(*) AS n", true],
        ["q_shortest",
         "MATCH p = (a:Person {id: $a})-[* SHORTEST 1..30]-(b:Person {id: $b}) " +
             "RETURN length(p) AS n", true],
    ];
    for (const [kernel, text, pair] of forms) {
        const times = [];
        let checksum = 0;
        let error = null;
        try {
            const ps = conn.prepareSync(text);
            if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
            const items = pair ? workload.pairs : workload.starts;
            for (const item of items) {
                const params = pair ? { a: item[0], b: item[1] } : { id: item };
                t = process.hrtime.bigint();
                const result = conn.executeSync(ps, params);
                const rows = result.getAllSync();
                times.push(seconds(process.hrtime.bigint()));
                if (rows.length) checksum += Number(rows[0].n);
            }
        } catch (e) {
            error = String(e.message || e);
        }
        if (error) line(kernel, { error, query: text });
        else
            line(kernel, {
                seconds: percentile(times, 0.5),
                p90: percentile(times, 0.9),
                queries: times.length,
                checksum,
                query: text,
            });
    }
    conn.closeSync();
    db.closeSync();
} finally {
    fs.rmSync(dir, { recursive: true, force: true });
}
