// The part of D1's API the food store uses. D1Database satisfies it; so does the node:sqlite
// adapter in scripts/node-sqlite.ts, which lets the benchmark run the Worker's exact SQL.
export interface SqlStatement {
  bind(...values: unknown[]): SqlStatement;
  all<Row = Record<string, unknown>>(): Promise<{ results: Row[] }>;
  first<Row = Record<string, unknown>>(): Promise<Row | null>;
  run(): Promise<unknown>;
}

export interface SqlDatabase {
  prepare(query: string): SqlStatement;
  /** Runs the statements in one round trip and one transaction. */
  batch<Row = Record<string, unknown>>(statements: SqlStatement[]): Promise<{ results: Row[] }[]>;
}
