"use strict";
// tradestat for Node: the loadable module's path and a load() helper for
// better-sqlite3 and libsql (both have db.loadExtension(path)), the
// sqlite-vec convention.
const path = require("path");
const fs = require("fs");

// Path of the bundled module (Linux x86-64).  SQLite derives the entry
// point sqlite3_tradestat_init from the file name.
function getLoadablePath() {
  const file = path.join(__dirname, "lib", "tradestat.so");
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`tradestat.getLoadablePath(): no module for platform '${process.platform}-${process.arch}', only linux-x64`);
  }
  if (!fs.existsSync(file)) {
    throw new Error(`tradestat.getLoadablePath(): module missing at '${file}'`);
  }
  return file;
}

// Loads tradestat into a better-sqlite3 or libsql Database.
function load(db) {
  if (!db || typeof db.loadExtension !== "function") {
    throw new TypeError(`tradestat.load(): db has no loadExtension method (got ${typeof db}); pass a better-sqlite3 or libsql Database`);
  }
  db.loadExtension(getLoadablePath());
}

module.exports = { getLoadablePath, load };
