/**
 * `npm start` (and `npm run dev` with --dev): database → migrations → reference data → demo seed
 * (embedded database only, first start) → build if needed → Next.js. Ctrl-C / SIGTERM stops the
 * web server and then PostgreSQL cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ensureDatabase } from "@/lib/db/ensure-database";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();
const log = (m: string) => console.log(`[simpul] ${m}`);
const logFile = process.env.SIMPUL_LOG_FILE ? path.resolve(process.env.SIMPUL_LOG_FILE) : null;

/**
 * SIMPUL_LOG_FILE: everything this process and the web server print also goes to this file
 * (appended). The e2e run uses it to check that no NIK reaches the server log (docs/security.md).
 * Written synchronously, so nothing is lost when the process exits.
 */
function teeOutputTo(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "a", 0o600);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      writeSync(fd, typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // Generated once per installation and kept beside the data, so sessions survive a restart.
  const file = path.join(root, ".simpul", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ["app", "components", "lib", "public"]) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of ["next.config.ts", "package.json", "postcss.config.mjs"]) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

function needsBuild(): boolean {
  const id = path.join(root, process.env.SIMPUL_DIST_DIR ?? ".next", "BUILD_ID");
  return !existsSync(id) || statSync(id).mtimeMs < newestSourceMtime();
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  if (!logFile) return spawn(cmd, args, { stdio: "inherit", env });
  // Through this process, so the child's output reaches the log file too.
  const child = spawn(cmd, args, { stdio: ["inherit", "pipe", "pipe"], env });
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

async function main() {
  if (logFile) teeOutputTo(logFile);
  const db = await ensureDatabase({ log });
  process.env.DATABASE_URL = db.url;
  let child: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log("menghentikan Simpul…");
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await db.stop();
    log("PostgreSQL dihentikan.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const { bootstrapReferenceData } = await import("@/lib/seed/bootstrap");
    const { seedDemoDistrict, isDemoSeeded, DEMO_USERS, DEMO_PASSWORD, DEMO_TOTP_SECRET } = await import("@/lib/seed/demo");
    const { roleNeedsSecondFactor } = await import("@/lib/access/roles");
    const { db: client } = await import("@/lib/db/client");
    await bootstrapReferenceData(client);
    if (db.embedded && !(await isDemoSeeded(client))) {
      log("mengisi data demo Kota Madiun (pertama kali)…");
      await seedDemoDistrict(client);
    }
    const demo = await isDemoSeeded(client);
    await client.$disconnect();

    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
    };
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (!dev && needsBuild()) {
      log("membangun aplikasi (sekali, ±2 menit)…");
      const build = run(process.execPath, [nextBin, "build"], env);
      const code: number = await new Promise((r) => build.once("exit", (c) => r(c ?? 1)));
      if (code !== 0) throw new Error("next build gagal");
    }
    child = run(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], env);
    child.once("exit", (code) => void shutdown(code ?? 0));
    log(`Simpul berjalan di http://localhost:${port}`);
    // Referral deadlines and escalation: a scheduled worker in this process, not in a request (lib/referrals/scheduler.ts).
    (await import("@/lib/referrals/scheduler")).startEscalationScheduler(log);
    if (demo) {
      log(`Login demo (kata sandi semua akun: ${DEMO_PASSWORD}):`);
      for (const u of DEMO_USERS) {
        log(`  ${u.username.padEnd(12)} ${u.role.padEnd(13)} ${u.name}${roleNeedsSecondFactor(u.role) ? "  + kode verifikasi dua langkah" : ""}`);
      }
      log(`Kunci demo verifikasi dua langkah (TOTP) untuk akun bertanda +: ${DEMO_TOTP_SECRET}`);
      log("  tambahkan ke aplikasi autentikator (Google Authenticator, Aegis…) sebagai kunci, berbasis waktu, 6 angka.");
    }
  } catch (e) {
    console.error(`[simpul] gagal memulai: ${(e as Error).message}`);
    await shutdown(1);
  }
}

void main();
