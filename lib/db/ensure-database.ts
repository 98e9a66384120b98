import path from "node:path";
import { startEmbeddedPostgres } from "./embedded.ts";
import { migrate } from "./migrate.ts";

export type TDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The database Simpul runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL in the
 * project's data folder (SIMPUL_DATA_DIR, default .simpul/data; port SIMPUL_PG_PORT, default 54320).
 * Either way the committed migrations are applied before anything else touches it.
 */
export async function ensureDatabase(opts: { log?: (m: string) => void; databaseName?: string } = {}): Promise<TDatabase> {
  const log = opts.log ?? (() => {});
  const external = process.env.DATABASE_URL;
  if (external) {
    await migrate(external, { log });
    return { url: external, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(process.env.SIMPUL_DATA_DIR ?? path.join(process.cwd(), ".simpul", "data"));
  const port = Number(process.env.SIMPUL_PG_PORT ?? 54320);
  log(`memulai PostgreSQL bawaan (port ${port}, data ${dataDir})`);
  const server = await startEmbeddedPostgres({ dataDir, port, log });
  try {
    const url = await server.createDatabase(opts.databaseName ?? "simpul");
    await migrate(url, { log });
    return { url, embedded: true, stop: server.stop };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
