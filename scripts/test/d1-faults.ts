// D1 failing for real in a test: a trigger that RAISEs on one table for one user, so the failure
// hits mid-batch (the batch is one transaction) and leaves every other test's data alone.

/** Makes every `operation` on `table` for `userId` fail until the returned function is called. */
export async function failOn(
  database: D1Database,
  operation: "INSERT" | "DELETE",
  table: string,
  userId: string,
): Promise<() => Promise<void>> {
  const trigger = `fail_${operation.toLowerCase()}_${table}_${userId.replace(/\W/g, "_")}`;
  const row = operation === "INSERT" ? "NEW" : "OLD";
  await database
    .prepare(
      `CREATE TRIGGER ${trigger} BEFORE ${operation} ON ${table} WHEN ${row}.user_id = '${userId}' BEGIN SELECT RAISE(ABORT, 'injected D1 failure'); END`,
    )
    .run();
  return async () => {
    await database.prepare(`DROP TRIGGER IF EXISTS ${trigger}`).run();
  };
}

/** How many rows of `table` belong to `userId`. */
export async function rowCount(database: D1Database, table: string, userId: string): Promise<number> {
  return (await database
    .prepare(`SELECT count(*) AS rows FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<{ rows: number }>())!.rows;
}
