/** Path of the bundled loadable module (Linux x86-64). */
export declare function getLoadablePath(): string;
/** Loads tradestat into a better-sqlite3 or libsql Database. */
export declare function load(db: { loadExtension(path: string): unknown }): void;
