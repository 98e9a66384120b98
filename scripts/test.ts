/**
 * `npm test`: the TypeScript check, unit tests, then integration tests against a fresh embedded PostgreSQL, then
 * Playwright end-to-end tests against the real app started the way `npm start` starts it.
 * `npm test -- typecheck`, `-- unit`, `-- integration` or `-- e2e` runs one part; further arguments filter the
 * test files (`npm test -- integration session`). Exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { freePortFrom } from "./lib/free-port";
import { findIdNumbersInLog, idNumbersInDatabase, idNumbersInSources } from "../tests/support/server-log";

const root = process.cwd();
const PARTS = ["typecheck", "unit", "integration", "e2e"];
const parts = process.argv.slice(2).filter((a) => PARTS.includes(a));
/** Anything else is handed to Vitest / Playwright as a file filter: `npm test -- integration second-factor`. */
const filters = process.argv.slice(2).filter((a) => !PARTS.includes(a));
const wanted = (p: string) => parts.length === 0 || parts.includes(p);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results: { part: string; ok: boolean }[] = [];

function run(part: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${part} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  results.push({ part, ok: r.status === 0 });
}

/**
 * The ports `npm test` uses: the configured (or default) ones, or the next free ones when something already listens
 * there, so a server left over from an interrupted run or another checkout cannot fail the run. Chosen once and put
 * in the environment, where playwright.config.ts, the e2e specs and the fault test read them.
 */
async function choosePorts() {
  const wantedPorts = [
    ["SIMPUL_TEST_PG_PORT", 54340],
    ["SIMPUL_E2E_PORT", 3100],
    ["SIMPUL_E2E_PG_PORT", 54350],
    ["SIMPUL_FAULT_PG_PORT", 54383], // tests/integration/faults: its own server, stopped and started under the app
  ] as const;
  const taken = new Set<number>();
  for (const [name, fallback] of wantedPorts) {
    const preferred = Number(process.env[name] ?? fallback);
    const port = await freePortFrom(preferred, taken);
    if (port !== preferred) console.log(`[test] port ${preferred} sudah dipakai program lain; ${name}=${port}`);
    process.env[name] = String(port);
    taken.add(port);
  }
}

async function integration() {
  const pgPort = Number(process.env.SIMPUL_TEST_PG_PORT);
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

/**
 * After the e2e run (server stopped): no NIK or No KK that the run used — every one in the e2e
 * database, which holds the demo people, DTKS rows and all the specs registered, plus the literals
 * in the specs and fixtures — appears in what the server printed. An empty log fails too, so a
 * broken capture cannot pass for a clean one.
 */
async function checkServerLog() {
  const { E2E_DATA_DIR, E2E_PG_PORT, E2E_SERVER_LOG } = await import("../playwright.config");
  console.log("\n=== e2e server log: no NIK / No KK ===");
  const log = existsSync(E2E_SERVER_LOG) ? readFileSync(E2E_SERVER_LOG, "utf8") : "";
  const pg = await startEmbeddedPostgres({ dataDir: E2E_DATA_DIR, port: E2E_PG_PORT, log: console.log });
  let leaked: string[] = [];
  let ids = new Set<string>();
  try {
    ids = new Set([...(await idNumbersInDatabase(pg.url("simpul"))), ...idNumbersInSources(["tests/e2e", "tests/fixtures"])]);
    leaked = findIdNumbersInLog(log, ids);
  } finally {
    await pg.stop();
  }
  const lines = log.split("\n").length;
  if (log.trim() === "") console.log(`GAGAL: ${E2E_SERVER_LOG} kosong atau tidak ada — keluaran server tidak tertangkap.`);
  else if (ids.size === 0) console.log("GAGAL: tidak ada NIK / No KK yang dipakai e2e untuk diperiksa.");
  else if (leaked.length > 0) console.log(`GAGAL: ${leaked.length} NIK / No KK muncul di log server (${E2E_SERVER_LOG}), mis. ${leaked[0].slice(0, 6)}…`);
  else console.log(`${ids.size} NIK / No KK diperiksa di ${lines} baris log server: tidak ada yang muncul.`);
  results.push({ part: "e2e-log", ok: log.trim() !== "" && ids.size > 0 && leaked.length === 0 });
}

async function main() {
  await choosePorts();
  if (wanted("typecheck")) run("typecheck", bin("tsc"), ["--noEmit"]);
  if (wanted("unit")) run("unit", bin("vitest"), ["run", "--project", "unit", ...filters]);
  if (wanted("integration")) await integration();
  if (wanted("e2e")) {
    // Imported only now: the config reads the ports choosePorts() put in the environment.
    const { E2E_DATA_DIR, E2E_SERVER_LOG } = await import("../playwright.config");
    // A fresh data folder: the e2e server seeds the demo district on its first start, as a new install would.
    rmSync(E2E_DATA_DIR, { recursive: true, force: true });
    rmSync(E2E_SERVER_LOG, { force: true });
    run("e2e", bin("playwright"), ["test", ...filters]);
    await checkServerLog();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${results.map((r) => `${r.part}: ${r.ok ? "lulus" : "GAGAL"}`).join(" · ")}`);
  console.log(`parts: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

void main();
