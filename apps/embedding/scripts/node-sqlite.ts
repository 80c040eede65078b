// The SqlDatabase subset of D1 over node:sqlite, so Node scripts (the search benchmark) run the
// Worker's own SQL, FTS5 and bm25() included, against an in-memory copy of the food database.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type { SqlDatabase, SqlStatement } from "../src/sql.ts";

export interface NodeDatabase extends SqlDatabase {
  exec(sql: string): void;
  close(): void;
}

export function openNodeDatabase(file = ":memory:"): NodeDatabase {
  const database = new DatabaseSync(file);
  const statement = (sql: string, values: SQLInputValue[]): SqlStatement => ({
    bind: (...next: unknown[]) => statement(sql, next as SQLInputValue[]),
    async all<Row>() {
      return { results: database.prepare(sql).all(...values) as Row[] };
    },
    async first<Row>() {
      return (database.prepare(sql).get(...values) as Row | undefined) ?? null;
    },
    async run() {
      return database.prepare(sql).run(...values);
    },
  });
  return {
    prepare: (sql) => statement(sql, []),
    async batch<Row>(statements: SqlStatement[]) {
      database.exec("BEGIN");
      try {
        const results: { results: Row[] }[] = [];
        for (const each of statements) results.push(await each.all<Row>());
        database.exec("COMMIT");
        return results;
      } catch (error) {
        database.exec("ROLLBACK");
        throw error;
      }
    },
    exec: (sql) => database.exec(sql),
    close: () => database.close(),
  };
}

/** Applies the embedding Worker's D1 migrations in order. */
export function applyMigrations(database: NodeDatabase): void {
  const directory = path.join(import.meta.dirname, "..", "migrations");
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith(".sql"))
    .sort()) {
    database.exec(readFileSync(path.join(directory, file), "utf8"));
  }
}
