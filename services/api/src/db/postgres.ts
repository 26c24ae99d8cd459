import pg from "pg";
import type { Database, Sql } from "./database";

/** A real PostgreSQL through a connection pool. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A dropped idle connection must not crash the process: the pool replaces it.
  pool.on("error", () => {});
  await pool.query("SELECT 1");
  const sql = (run: { query: pg.Pool["query"] }): Sql => ({
    async query<Row>(text: string, params: unknown[] = []) {
      return (await run.query(text, params)).rows as Row[];
    },
    async exec(text: string) {
      // No parameters: node-postgres sends it as a simple query, which may hold several statements.
      await run.query(text);
    },
  });
  return {
    kind: "postgres",
    ...sql(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(sql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
