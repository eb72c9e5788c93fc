// duckdb.mjs -- the benchmark's peer tasks in DuckDB (@duckdb/node-api).
//
//   node duckdb.mjs CSV_DIR OUT.tsv REPEAT THREADS[,THREADS...]
//
// Contract:
//  1. Loads direct_trade.csv and transactions.csv (exported once from the
//     benchmark's SQLite file by run.sh) into an in-memory database with
//     the SQLite types (period as text, amount BIGINT / DOUBLE); the load is
//     timed on its own ("load" line, all threads).
//  2. Runs each task of task below REPEAT times per thread
//     count (SET threads), median wall time, and writes one TSV line per
//     task and thread count: "duckdb_t<N>:<task>", seconds, CPU seconds
//     (all threads), peak RSS KiB,
//     then the result columns ("NULL" or %.17g) -- the format run.c's --tsv
//     writes, so report.py compares them with tradestat's.
//  3. Each task returns the same one-row aggregates as the SQLite task of
//     the same name (tests/bench/tasks.c): count(*), count(result), sums.
//     Joins are on equalities only (conditions on the joined row go into a
//     CASE), which DuckDB runs as hash joins: the projection with its
//     conditions in the ON clause ran 15 x slower.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { writeFileSync, appendFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';

const [csvDir, outPath, repeatArg, threadsArg] = process.argv.slice(2);
if (!threadsArg) {
  console.error('usage: node duckdb.mjs CSV_DIR OUT.tsv REPEAT THREADS[,THREADS...]');
  process.exit(2);
}
const repeat = Math.max(1, parseInt(repeatArg, 10));
const threadCounts = threadsArg.split(',').map((t) => parseInt(t, 10));

// The prior year's label of a 'YYYY-MM' text period.
const prior = (col) => `(CAST(substr(${col}, 1, 4) AS INTEGER) - 1)::VARCHAR || substr(${col}, 5)`;

const tasks = {
  yoy: `SELECT count(*), count(g), sum(g) FROM (
          SELECT (c.amount - p.amount)::DOUBLE / nullif(abs(p.amount), 0) * 100 AS g
          FROM direct_trade AS c LEFT JOIN direct_trade AS p
          ON p.flow = c.flow AND p.partner = c.partner AND p.category = c.category
          AND p.period = ${prior('c.period')})`,
  trade: `WITH m AS (SELECT partner, period,
            sum(CASE WHEN flow = 'export' THEN amount END) AS x,
            sum(CASE WHEN flow = 'import' THEN amount END) AS i
            FROM direct_trade GROUP BY partner, period)
          SELECT count(*), count(g), sum(b), sum(cov), sum(g) FROM (
            SELECT c.x - c.i AS b, c.x::DOUBLE * 100 / nullif(c.i, 0) AS cov,
            ((c.x - c.i) - (p.x - p.i))::DOUBLE * 100 / nullif(abs(p.x - p.i), 0) AS g
            FROM m AS c LEFT JOIN m AS p
            ON p.partner = c.partner AND p.period = ${prior('c.period')})`,
  annual: `WITH y AS (SELECT flow, partner, category,
             CAST(substr(period, 1, 4) AS INTEGER) AS year, sum(amount) AS v, count(*) AS n
             FROM direct_trade GROUP BY ALL)
           SELECT count(*), count(g), sum(v), sum(g) FROM (
             SELECT c.v, CASE WHEN c.n = 12 AND p.n = 12
                         THEN (c.v - p.v)::DOUBLE * 100 / nullif(abs(p.v), 0) END AS g
             FROM y AS c LEFT JOIN y AS p ON p.flow = c.flow AND p.partner = c.partner
             AND p.category = c.category AND p.year = c.year - 1)`,
  proj: `WITH y AS (SELECT flow, partner, category,
           CAST(substr(period, 1, 4) AS INTEGER) AS year,
           sum(CASE WHEN substr(period, 6, 2) <= '06' THEN amount END) AS ytd,
           count(CASE WHEN substr(period, 6, 2) <= '06' THEN 1 END) AS n_ytd,
           sum(amount) AS total, count(*) AS n
           FROM direct_trade GROUP BY ALL)
         SELECT count(*), count(proj), sum(proj) FROM (
           SELECT CASE WHEN c.n_ytd = 6 AND p.n_ytd = 6 AND p.n = 12
                  THEN c.ytd::DOUBLE * p.total / nullif(p.ytd, 0) END AS proj
           FROM y AS c LEFT JOIN y AS p ON p.flow = c.flow AND p.partner = c.partner
           AND p.category = c.category AND p.year = c.year - 1
           WHERE c.year = (SELECT max(year) FROM y))`,
  txn: `WITH m AS (SELECT flow, partner, substr(period, 1, 7) AS m, sum(amount) AS v
          FROM transactions GROUP BY ALL)
        SELECT count(*), count(g), sum(g) FROM (
          SELECT (c.v - p.v) / nullif(abs(p.v), 0) * 100 AS g
          FROM m AS c LEFT JOIN m AS p
          ON p.flow = c.flow AND p.partner = c.partner AND p.m = ${prior('c.m')})`,
};

const fmt = (v) => (v === null || v === undefined ? 'NULL' : Number(v).toPrecision(17));
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const line = (id, seconds, cpu, values) =>
  `${id}\t${seconds.toFixed(6)}\t${cpu.toFixed(6)}\t${resourceUsage().maxRSS}\t${values.map(fmt).join('\t')}\n`;

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
writeFileSync(outPath, `# DuckDB ${version()} (@duckdb/node-api, Node ${process.version})\n`);

let t0 = performance.now(), c0 = cpuSeconds();
await con.run(`CREATE TABLE direct_trade AS SELECT * FROM read_csv('${csvDir}/direct_trade.csv',
  header = true, columns = {'period': 'VARCHAR', 'flow': 'VARCHAR', 'partner': 'VARCHAR',
  'category': 'VARCHAR', 'amount': 'BIGINT'})`);
await con.run(`CREATE TABLE transactions AS SELECT * FROM read_csv('${csvDir}/transactions.csv',
  header = true, columns = {'period': 'VARCHAR', 'flow': 'VARCHAR', 'partner': 'VARCHAR',
  'category': 'VARCHAR', 'amount': 'DOUBLE', 'list_price': 'DOUBLE'})`);
const load = (performance.now() - t0) / 1000;
const rows = (await con.runAndReadAll(
  'SELECT (SELECT count(*) FROM direct_trade), (SELECT count(*) FROM transactions)')).getRows()[0];
appendFileSync(outPath, line('duckdb:load', load, cpuSeconds() - c0, rows));
console.error(`  load CSV -> DuckDB tables ${load.toFixed(3)} s (${rows[0]} + ${rows[1]} rows)`);

for (const threads of threadCounts) {
  await con.run(`SET threads = ${threads}`);
  for (const [task, sql] of Object.entries(tasks)) {
    const times = [], cpu = [];
    let values = [];
    for (let k = 0; k < repeat; k++) {
      t0 = performance.now();
      const c1 = cpuSeconds();
      values = (await con.runAndReadAll(sql)).getRows()[0];
      times.push((performance.now() - t0) / 1000);
      cpu.push(cpuSeconds() - c1);
    }
    appendFileSync(outPath, line(`duckdb_t${threads}:${task}`, median(times), median(cpu), values));
    console.error(`  DuckDB ${threads} thread(s) ${task.padEnd(8)} ${median(times).toFixed(3)} s`);
  }
}
