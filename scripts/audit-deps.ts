/**
 * `npm run audit:deps`: fails when a runtime dependency has a known high or critical advisory.
 * First asks npm's advisory database (`npm audit --json --audit-level=high --omit=dev`). When that
 * endpoint cannot be reached (through this network it answers 405), checks the INSTALLED versions
 * (node_modules/…/package.json) against the committed list security/known-advisories.json instead.
 * Always says which source of truth it used. Run by .ci/run before the tests.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { installedCopies, vulnerableInstalls, type TKnownAdvisory } from "./lib/known-advisories";

const root = process.cwd();
const LIST = path.join("security", "known-advisories.json");

type TAuditReport = {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; range?: string; via?: unknown[] }>;
};

function runNpmAudit(): { report: TAuditReport } | { unreachable: string } {
  const r = spawnSync("npm", ["audit", "--json", "--audit-level=high", "--omit=dev"], { cwd: root, encoding: "utf8" });
  try {
    const report = JSON.parse(r.stdout) as TAuditReport & { error?: { summary?: string }; message?: string };
    if (report.metadata?.vulnerabilities) return { report };
    return { unreachable: report.error?.summary || report.message || `npm audit keluar dengan kode ${r.status}` };
  } catch {
    return { unreachable: (r.stderr || r.stdout || "tidak ada keluaran").trim().split("\n").at(-1)! };
  }
}

function checkWithNpmAudit(report: TAuditReport): boolean {
  console.log("Sumber kebenaran: npm audit (basis data advisory registry npm).");
  const counts = report.metadata!.vulnerabilities!;
  const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === "high" || v.severity === "critical");
  for (const [name, v] of serious) console.log(`  ${v.severity.toUpperCase()}: ${name} ${v.range ?? ""}`);
  console.log(`  ringkasan: ${JSON.stringify(counts)}`);
  return serious.length === 0;
}

function checkWithKnownList(reason: string): boolean {
  const list = JSON.parse(readFileSync(path.join(root, LIST), "utf8")) as { updated: string; advisories: TKnownAdvisory[] };
  console.log(`Sumber kebenaran: ${LIST} (daftar offline, diperbarui ${list.updated}) — npm audit tidak terjangkau: ${reason}`);
  const names = new Set(list.advisories.map((a) => a.package));
  const installed = installedCopies(root, names);
  for (const name of names) {
    const copies = installed.filter((c) => c.name === name);
    console.log(`  ${name}: ${copies.length ? copies.map((c) => `${c.version} (${c.dir})`).join(", ") : "tidak terpasang"}`);
  }
  const findings = vulnerableInstalls(list.advisories, installed);
  for (const { advisory, installed: copy } of findings) {
    console.log(`  ${advisory.severity.toUpperCase()}: ${copy.name}@${copy.version} di ${copy.dir} — ${advisory.id}; perbaiki ke ${advisory.patched}. ${advisory.url}`);
  }
  console.log(`  ${list.advisories.length} advisory diperiksa, ${findings.length} mengenai versi terpasang.`);
  return findings.length === 0;
}

const audit = runNpmAudit();
const ok = "report" in audit ? checkWithNpmAudit(audit.report) : checkWithKnownList(audit.unreachable);
console.log(ok ? "audit dependensi: lulus" : "audit dependensi: GAGAL — ada advisory high/critical pada dependensi yang terpasang");
process.exit(ok ? 0 : 1);
