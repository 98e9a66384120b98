import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

/** One entry of security/known-advisories.json. */
export type TKnownAdvisory = {
  package: string;
  /** A semver range as the advisory states it, e.g. ">=15.0.0 <15.2.3 || >=16.0.0 <16.0.7". */
  vulnerable: string;
  patched: string;
  severity: "high" | "critical";
  id: string;
  url: string;
  note: string;
};

export type TInstalled = { name: string; version: string; dir: string };
export type TFinding = { advisory: TKnownAdvisory; installed: TInstalled };

/**
 * The installed copies that fall in an advisory's vulnerable range. Pre-releases count (a canary
 * of an affected line is affected), and a range that does not parse is an error, not a pass.
 */
export function vulnerableInstalls(advisories: TKnownAdvisory[], installed: TInstalled[]): TFinding[] {
  const findings: TFinding[] = [];
  for (const advisory of advisories) {
    if (!semver.validRange(advisory.vulnerable)) throw new Error(`${advisory.id}: rentang versi tidak sah "${advisory.vulnerable}"`);
    for (const copy of installed) {
      if (copy.name !== advisory.package) continue;
      if (semver.satisfies(copy.version, advisory.vulnerable, { includePrerelease: true })) findings.push({ advisory, installed: copy });
    }
  }
  return findings;
}

/**
 * Every installed copy of the named packages, read from node_modules/…/package.json — what really
 * runs, including copies nested under other packages — not the ranges written in package.json.
 */
export function installedCopies(root: string, names: Set<string>): TInstalled[] {
  const out: TInstalled[] = [];
  const visit = (nodeModules: string) => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const packageDirs = entry.name.startsWith("@")
        ? readdirSync(path.join(nodeModules, entry.name), { withFileTypes: true })
          .filter((e) => e.isDirectory()).map((e) => path.join(nodeModules, entry.name, e.name))
        : [path.join(nodeModules, entry.name)];
      for (const dir of packageDirs) {
        const manifest = path.join(dir, "package.json");
        if (existsSync(manifest)) {
          const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
          if (name && version && names.has(name)) out.push({ name, version, dir: path.relative(root, dir) });
        }
        visit(path.join(dir, "node_modules"));
      }
    }
  };
  visit(path.join(root, "node_modules"));
  return out;
}
