import path from "node:path";
import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.SIMPUL_E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.SIMPUL_E2E_PG_PORT ?? 54350);
/** Everything the e2e web server prints; scripts/test.ts checks after the run that no NIK or No KK is in it. */
export const E2E_SERVER_LOG = path.resolve(".simpul", "test", `e2e-server-${E2E_PORT}.log`);
/** The e2e server's data folder (fresh for every `npm test`: the demo district is seeded on first start). */
export const E2E_DATA_DIR = path.resolve(".simpul", "test", `e2e-pg-${E2E_PG_PORT}`);

/**
 * The app is started exactly as `npm start` starts it (embedded PostgreSQL, migrations, demo
 * seed, production build) and driven in Debian's Chromium — Playwright cannot download a browser here.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `${path.join("node_modules", ".bin", "tsx")} --conditions=react-server scripts/start.ts`,
    url: `http://localhost:${E2E_PORT}/masuk`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: "",
      SIMPUL_DATA_DIR: E2E_DATA_DIR,
      SIMPUL_LOG_FILE: E2E_SERVER_LOG,
      SIMPUL_PG_PORT: String(E2E_PG_PORT),
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      SIMPUL_DIST_DIR: process.env.SIMPUL_DIST_DIR ?? ".next",
    },
  },
});
