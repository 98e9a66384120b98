import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { vulnerableInstalls, type TKnownAdvisory } from "../../scripts/lib/known-advisories";

const LIST = JSON.parse(readFileSync(path.join(process.cwd(), "security", "known-advisories.json"), "utf8")) as { advisories: TKnownAdvisory[] };
const copy = (name: string, version: string) => ({ name, version, dir: `node_modules/${name}` });
const ids = (name: string, version: string) => vulnerableInstalls(LIST.advisories, [copy(name, version)]).map((f) => f.advisory.id);

describe("known-advisories range check (npm run audit:deps, offline)", () => {
  it("flags the middleware bypass (CVE-2025-29927) below 15.2.3 and not from it on", () => {
    expect(ids("next", "15.2.2")).toContain("CVE-2025-29927 / GHSA-f82v-jwr5-mffw");
    expect(ids("next", "14.2.24")).toContain("CVE-2025-29927 / GHSA-f82v-jwr5-mffw");
    expect(ids("next", "15.2.3")).not.toContain("CVE-2025-29927 / GHSA-f82v-jwr5-mffw");
  });

  it("flags the Server Components RCE (CVE-2025-66478) on every affected line, up to each patched version", () => {
    for (const v of ["15.0.4", "15.1.8", "15.2.5", "15.3.5", "15.4.7", "15.5.6", "16.0.0", "16.0.6"]) expect(ids("next", v)).toContain("CVE-2025-66478");
    for (const v of ["15.0.5", "15.1.9", "15.2.6", "15.3.6", "15.4.8", "15.5.7", "16.0.7", "16.1.0"]) expect(ids("next", v)).not.toContain("CVE-2025-66478");
  });

  it("counts pre-releases of an affected line", () => {
    expect(ids("next", "16.0.5-canary.1")).toContain("CVE-2025-66478");
    expect(ids("next", "14.3.0-canary.80")).toContain("CVE-2025-66478");
  });

  it("passes the versions Simpul ships and ignores packages without an advisory", () => {
    expect(ids("next", "16.4.6")).toEqual([]);
    expect(ids("left-pad", "1.0.0")).toEqual([]);
    expect(ids("react-server-dom-webpack", "19.2.0")).toEqual(expect.arrayContaining(["CVE-2025-55182"]));
  });

  it("refuses an advisory whose range does not parse instead of passing it", () => {
    const broken: TKnownAdvisory = { ...LIST.advisories[0], vulnerable: "kurang dari 15", id: "RUSAK" };
    expect(() => vulnerableInstalls([broken], [copy("next", "15.0.0")])).toThrow(/RUSAK/);
  });
});
