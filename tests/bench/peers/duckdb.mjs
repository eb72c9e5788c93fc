// duckdb.mjs -- the benchmark's peer tasks in DuckDB (@duckdb/node-api), a
// worker driven task by task over a pipe by rounds.py.
//
//   node duckdb.mjs CSV_DIR
//
// Contract:
//  1. Loads direct_trade.csv and transactions.csv (exported once from the
//     benchmark's SQLite file by run.sh) into an in-memory database with
//     the SQLite types (period as text, amount BIGINT / DOUBLE); the load is
//     timed on its own.  Then prints "ready<TAB>DuckDB <version> (...)" and
//     the load line "load<TAB>seconds<TAB>CPU seconds<TAB>peak RSS KiB<TAB>
//     rows of direct_trade<TAB>rows of transactions".
//  2. Reads "TASK THREADS" lines on standard input (a task below and a
//     thread count for SET threads, set before the timing starts) and
//     answers each with one line: task, wall seconds, CPU seconds (the
//     process, every thread), peak RSS KiB, then the result columns
//     ("NULL" or %.17g) -- the format run.c's --tsv writes.  An unknown
//     task is answered "error<TAB>why".  End of input ends it.
//  3. Each task returns the same one-row aggregates as the SQLite task of
//     the same name (tests/bench/tasks.c): count(*), count(result), sums.
//     Joins are on equalities only (conditions on the joined row go into a
//     CASE), which DuckDB runs as hash joins: the projection with its
//     conditions in the ON clause ran 15 x slower.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { createInterface } from 'node:readline';
import { resourceUsage } from 'node:process';

const [csvDir] = process.argv.slice(2);
if (!csvDir) {
  console.error('usage: node duckdb.mjs CSV_DIR  (then "TASK THREADS" lines on standard input)');
  process.exit(2);
}

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
const line = (id, seconds, cpu, values) =>
  `${id}\t${seconds.toFixed(6)}\t${cpu.toFixed(6)}\t${resourceUsage().maxRSS}\t${values.map(fmt).join('\t')}\n`;

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();

let t0 = performance.now(), c0 = cpuSeconds();
await con.run(`CREATE TABLE direct_trade AS SELECT * FROM read_csv('${csvDir}/direct_trade.csv',
  header = true, columns = {'period': 'VARCHAR', 'flow': 'VARCHAR', 'partner': 'VARCHAR',
  'category': 'VARCHAR', 'amount': 'BIGINT'})`);
await con.run(`CREATE TABLE transactions AS SELECT * FROM read_csv('${csvDir}/transactions.csv',
  header = true, columns = {'period': 'VARCHAR', 'flow': 'VARCHAR', 'partner': 'VARCHAR',
  'category': 'VARCHAR', 'amount': 'DOUBLE', 'list_price': 'DOUBLE'})`);
const load = (performance.now() - t0) / 1000, loadCpu = cpuSeconds() - c0;
const rows = (await con.runAndReadAll(
  'SELECT (SELECT count(*) FROM direct_trade), (SELECT count(*) FROM transactions)')).getRows()[0];
// Pipes are written synchronously by Node on Linux: each answer is out
// before the next request is read.
process.stdout.write(`ready\tDuckDB ${version()} (@duckdb/node-api, Node ${process.version})\n`);
process.stdout.write(line('load', load, loadCpu, rows));

let threads = 0;
const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const request of input) {
  const [task, threadArg] = request.trim().split(/\s+/);
  const want = parseInt(threadArg, 10);
  if (!Object.hasOwn(tasks, task) || !(want > 0)) {
    process.stdout.write(`error\tduckdb.mjs: unknown request '${request}' (want "TASK THREADS")\n`);
    continue;
  }
  if (want !== threads) {
    await con.run(`SET threads = ${want}`);
    threads = want;
  }
  t0 = performance.now();
  c0 = cpuSeconds();
  const values = (await con.runAndReadAll(tasks[task])).getRows()[0];
  const seconds = (performance.now() - t0) / 1000, cpu = cpuSeconds() - c0;
  process.stdout.write(line(task, seconds, cpu, values));
}
