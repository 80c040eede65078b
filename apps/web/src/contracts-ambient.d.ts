// @ensemble/contracts is imported for its types only, but TypeScript still checks its source, and
// one server-side helper there (databaseHealth) uses the Workers' D1Database, which a browser
// program has no declaration for. This is the part of it that helper touches; nothing here runs.
interface D1Database {
  prepare(query: string): { first<T>(): Promise<T | null> };
}
