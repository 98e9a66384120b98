import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

/**
 * A fresh, migrated embedded PostgreSQL for one benchmark (its own folder under .simpul/bench, wiped first;
 * port SIMPUL_BENCH_PG_PORT or the bench's default), with DATABASE_URL pointing at it for the lib code.
 * `reuse` keeps the folder of an earlier run (to time again without generating the data again).
 */
export async function startBenchDatabase(name: string, defaultPort: number, dataDir?: string, opts: { reuse?: boolean } = {}) {
  const dir = dataDir ?? path.join(process.cwd(), ".simpul", "bench", `${name}-pg`);
  if (!opts.reuse) rmSync(dir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.SIMPUL_BENCH_PG_PORT ?? defaultPort) });
  try {
    const url = await server.createDatabase("bench");
    await migrate(url);
    process.env.DATABASE_URL = url;
    return { url, stop: server.stop };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
