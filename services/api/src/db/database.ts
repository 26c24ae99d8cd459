/** The little SQL surface the repository needs, the same over PGlite and node-postgres. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements at once, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: all of its writes or none of them. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`: a real PostgreSQL; otherwise the embedded one in `dataDir` */
  url?: string | undefined;
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // Imported on demand: a worker against PostgreSQL never loads the 10 MB PGlite WASM, and vice versa.
  if (options.url) return (await import("./postgres")).openPostgres(options.url);
  return (await import("./pglite")).openPglite(options.dataDir);
}
