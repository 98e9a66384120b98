import { describe, expect, it } from "vitest";
import { can, explain, inScope, scopeWhere, type TActor, type TScopedRecord } from "@/lib/access/policy";
import { ROLES, seesSensitive, type Role } from "@/lib/access/roles";
import { EXPECTED_HOUSEHOLD_ACCESS } from "../support/expected-access";

const EXPECTED_IN_SCOPE = EXPECTED_HOUSEHOLD_ACCESS;

const DISTRICT = "35.77";
const KELURAHAN = "35.77.01.1001"; // Oro-oro Ombo, Kartoharjo
const OTHER_KELURAHAN_SAME_KEC = "35.77.01.1002";
const OTHER_KECAMATAN_KEL = "35.77.02.1001";

/** The scope each role typically has in the demo district. */
function actorFor(role: Role): TActor {
  const scope: Record<Role, { region: string; rts?: string[] }> = {
    ADMIN: { region: DISTRICT },
    MANAJER: { region: DISTRICT },
    KOORDINATOR: { region: KELURAHAN },
    SUPERVISOR: { region: DISTRICT },
    FRONT_OFFICE: { region: KELURAHAN },
    BACK_OFFICE: { region: KELURAHAN },
    FASILITATOR: { region: KELURAHAN },
    PSM: { region: KELURAHAN, rts: ["001", "002", "003", "004", "005"] },
    TKSK: { region: "35.77.01" },
    DINSOS: { region: DISTRICT },
    DESK_OFFICER: { region: DISTRICT },
  };
  return {
    id: `u-${role}`,
    username: role.toLowerCase(),
    role,
    officeId: "o1",
    districtCode: DISTRICT,
    scopeRegionCode: scope[role].region,
    rtList: scope[role].rts ?? [],
  };
}

const inScopeRecord: TScopedRecord = { districtCode: DISTRICT, regionCode: KELURAHAN, rt: "002" };
// Out of scope for everybody: another district altogether.
const outOfScopeRecord: TScopedRecord = { districtCode: "35.73", regionCode: "35.73.01.1001", rt: "002" };

describe("access matrix: role × {read, create, update} × {in scope, out of scope} on a household", () => {
  for (const role of ROLES) {
    const actor = actorFor(role);
    (["read", "create", "update"] as const).forEach((action, i) => {
      const allowed = EXPECTED_IN_SCOPE[role][i] !== "-";
      it(`${role} ${action} in scope → ${allowed ? "allow" : "deny"}`, () => {
        expect(can(actor, action, "household", inScopeRecord)).toBe(allowed);
      });
      it(`${role} ${action} out of scope → deny`, () => {
        expect(can(actor, action, "household", outOfScopeRecord)).toBe(false);
        expect(explain(actor, action, "household", outOfScopeRecord)).toBe(allowed ? "SCOPE" : "ROLE");
      });
    });
  }
  it("covers every role", () => {
    expect(Object.keys(EXPECTED_IN_SCOPE).sort()).toEqual([...ROLES].sort());
  });
});

describe("region and RT scope", () => {
  const psm = actorFor("PSM");
  it("a PSM reads a household in one of their RTs", () => {
    expect(can(psm, "read", "household", { districtCode: DISTRICT, regionCode: KELURAHAN, rt: "5" })).toBe(true);
  });
  it("a PSM may not read a household in an RT outside their list", () => {
    expect(can(psm, "read", "household", { districtCode: DISTRICT, regionCode: KELURAHAN, rt: "006" })).toBe(false);
    expect(explain(psm, "read", "household", { districtCode: DISTRICT, regionCode: KELURAHAN, rt: "006" })).toBe("SCOPE");
  });
  it("a PSM may not read a household whose RT is unknown", () => {
    expect(can(psm, "read", "household", { districtCode: DISTRICT, regionCode: KELURAHAN, rt: null })).toBe(false);
  });
  it("a Puskesos front office is limited to its kelurahan", () => {
    const fo = actorFor("FRONT_OFFICE");
    expect(can(fo, "read", "household", { districtCode: DISTRICT, regionCode: OTHER_KELURAHAN_SAME_KEC })).toBe(false);
  });
  it("a TKSK sees the whole kecamatan but not the next one", () => {
    const tksk = actorFor("TKSK");
    expect(inScope(tksk, { districtCode: DISTRICT, regionCode: OTHER_KELURAHAN_SAME_KEC })).toBe(true);
    expect(inScope(tksk, { districtCode: DISTRICT, regionCode: OTHER_KECAMATAN_KEL })).toBe(false);
  });
  it("does not confuse a code prefix with a parent region", () => {
    const fo = { ...actorFor("FRONT_OFFICE"), scopeRegionCode: "35.77.01.100" };
    expect(inScope(fo, { districtCode: DISTRICT, regionCode: "35.77.01.1001" })).toBe(false);
  });
  it("a district-wide Dinsos supervisor sees every kecamatan of the district only", () => {
    const dinsos = actorFor("DINSOS");
    expect(inScope(dinsos, { districtCode: DISTRICT, regionCode: OTHER_KECAMATAN_KEL })).toBe(true);
    expect(inScope(dinsos, outOfScopeRecord)).toBe(false);
  });
});

describe("scopeWhere builds the query filter", () => {
  it("limits a PSM to their kelurahan and RTs", () => {
    expect(scopeWhere(actorFor("PSM"), "household")).toEqual({
      districtCode: DISTRICT,
      AND: [
        { OR: [{ regionCode: KELURAHAN }, { regionCode: { startsWith: KELURAHAN + "." } }] },
        { rt: { in: ["001", "002", "003", "004", "005"] } },
      ],
    });
  });
  it("limits a district-wide role to the district only", () => {
    expect(scopeWhere(actorFor("DINSOS"), "household")).toEqual({ districtCode: DISTRICT });
  });
  it("matches nothing for a role that may not read the resource", () => {
    expect(scopeWhere(actorFor("DESK_OFFICER"), "household")).toEqual({ districtCode: { in: [] } });
  });
  it("uses the caller's field names", () => {
    expect(scopeWhere(actorFor("TKSK"), "household", { region: "kelurahanCode" })).toEqual({
      districtCode: DISTRICT,
      AND: [{ OR: [{ kelurahanCode: "35.77.01" }, { kelurahanCode: { startsWith: "35.77.01." } }] }],
    });
  });
});

describe("sensitive data", () => {
  it("hides HIV status from everyone but case workers and the manajer", () => {
    const seeing = ROLES.filter((r) => seesSensitive(r, "hiv"));
    expect(seeing.sort()).toEqual(["BACK_OFFICE", "FASILITATOR", "MANAJER"]);
  });
  it("hides NIK from admins and SKPD desks", () => {
    expect(seesSensitive("ADMIN", "nik")).toBe(false);
    expect(seesSensitive("DESK_OFFICER", "nik")).toBe(false);
    expect(seesSensitive("FRONT_OFFICE", "nik")).toBe(true);
  });
});
