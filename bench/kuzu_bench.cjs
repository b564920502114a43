// Kuzu's side of the query benchmark (bench/README.md): loads the QUERY graph's CSVs with Kuzu's
// own COPY FROM into a fresh database, then runs the same questions as liaison_bench's query
// workload, printing one JSON line per query form (median and p90 latency, like liaison's).
//
//   node bench/kuzu_bench.cjs DATA_DIR [THREADS]
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require(path.join(__dirname, "node_modules", "kuzu"));

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
