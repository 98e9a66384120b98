/**
 * `npm test`: the TypeScript check, unit tests, then integration tests against a fresh embedded PostgreSQL, then
 * Playwright end-to-end tests against the real app started the way `npm start` starts it.
 * `npm test -- typecheck`, `-- unit`, `-- integration` or `-- e2e` runs one part; any other argument is handed to
 * Vitest / Playwright as a file filter (`npm test -- integration break-glass`). Exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const root = process.cwd();
const parts = process.argv.slice(2).filter((a) => ["typecheck", "unit", "integration", "e2e"].includes(a));
const filters = process.argv.slice(2).filter((a) => !parts.includes(a));
const wanted = (p: string) => parts.length === 0 || parts.includes(p);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results: { part: string; ok: boolean }[] = [];

function run(part: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${part} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  results.push({ part, ok: r.status === 0 });
}

async function integration() {
  const pgPort = Number(process.env.SIMPUL_TEST_PG_PORT ?? 54340);
  const dataDir = path.join(root, ".simpul", "test", `integration-pg-${pgPort}`);
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir, port: pgPort, log: console.log });
  try {
    const url = await pg.createDatabase("simpul_test");
    await migrate(url);
    process.env.DATABASE_URL = url;
    // Reference data and the demo district's regions, loaded once for all integration files.
    const { db } = await import("@/lib/db/client");
    const { bootstrapReferenceData, importDistrictRegions } = await import("@/lib/seed/bootstrap");
    await bootstrapReferenceData(db);
    await importDistrictRegions(db, "35.77");
    await db.$disconnect();
    run("integration", bin("vitest"), ["run", "--project", "integration", ...filters], { DATABASE_URL: url });
  } finally {
    await pg.stop();
  }
}

async function main() {
  if (wanted("typecheck")) run("typecheck", bin("tsc"), ["--noEmit"]);
  if (wanted("unit")) run("unit", bin("vitest"), ["run", "--project", "unit", ...filters]);
  if (wanted("integration")) await integration();
  if (wanted("e2e")) {
    // A fresh data folder: the e2e server seeds the demo district on its first start, as a new install would.
    rmSync(path.join(root, ".simpul", "test", `e2e-pg-${process.env.SIMPUL_E2E_PG_PORT ?? 54350}`), { recursive: true, force: true });
    run("e2e", bin("playwright"), ["test", ...filters]);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${results.map((r) => `${r.part}: ${r.ok ? "lulus" : "GAGAL"}`).join(" · ")}`);
  console.log(`parts: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

void main();
