// JavaScript a browser downloads for a route, gzip-compressed, from the Next.js build output.
// Usage: npm run measure:js [-- --dist .next-field] [route …]   (default routes: the PSM home and form)
// Counts the framework's root chunks (build-manifest rootMainFiles) plus every chunk the route's
// client-reference manifest lists for its page and layouts. Polyfills are left out: they are
// `nomodule` scripts that modern browsers (Chrome on Android) never fetch.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const distIdx = args.indexOf("--dist");
const dist = distIdx >= 0 ? args[distIdx + 1] : (process.env.SIMPUL_DIST_DIR ?? ".next");
const routes = args.filter((a, i) => !a.startsWith("--") && i !== distIdx + 1);
const ROUTES: Record<string, string> = { "/lapangan": "(app)/lapangan", "/lapangan/lapor": "(app)/lapangan/lapor", "/lapangan/laporan-saya": "(app)/lapangan/laporan-saya", "/": "(app)" };
const BUDGET_KB = 150;

function manifestFor(appDir: string): { entryJSFiles?: Record<string, string[]> } {
  const file = path.join(dist, "server", "app", appDir, "page_client-reference-manifest.js");
  if (!existsSync(file)) throw new Error(`Tidak ditemukan: ${file} — jalankan "npm run build" (atau SIMPUL_DIST_DIR) dulu.`);
  const sandbox: { globalThis?: unknown; self?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  sandbox.globalThis = sandbox;
  sandbox.self = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  const all = sandbox.__RSC_MANIFEST ?? {};
  return (all[Object.keys(all).find((k) => k.endsWith("page")) ?? Object.keys(all)[0]] ?? {}) as { entryJSFiles?: Record<string, string[]> };
}

const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const gz = (f: string) => {
  const p = path.join(dist, f.replace(/^\/?_next\//, ""));
  return existsSync(p) ? gzipSync(readFileSync(p), { level: 9 }).byteLength : 0;
};

let over = false;
for (const route of routes.length ? routes : ["/lapangan", "/lapangan/lapor"]) {
  const appDir = ROUTES[route] ?? `(app)${route}`;
  const m = manifestFor(appDir);
  const files = new Set<string>(build.rootMainFiles);
  for (const [entry, list] of Object.entries(m.entryJSFiles ?? {})) {
    // The route's page plus the layouts above it (root and group layouts).
    if (/\/(layout|page)$/.test(entry)) for (const f of list) files.add(f);
  }
  const sizes = [...files].map((f) => ({ f, bytes: gz(f) }));
  const total = sizes.reduce((s, x) => s + x.bytes, 0);
  const kb = total / 1024;
  over ||= kb > BUDGET_KB;
  console.log(`${route.padEnd(24)} ${kb.toFixed(1).padStart(7)} KB gzip JS in ${files.size} files ${kb > BUDGET_KB ? "MELEBIHI" : "di bawah"} anggaran ${BUDGET_KB} KB`);
  if (args.includes("--detail")) for (const s of sizes.sort((a, b) => b.bytes - a.bytes)) console.log(`   ${(s.bytes / 1024).toFixed(1).padStart(6)} KB  ${s.f}`);
}
process.exitCode = over ? 1 : 0;
