import { describe, expect, it } from "vitest";
import { can, explain, heldBreakGlass, scopeWhere, type TActor } from "@/lib/access/policy";
import { sensitiveKindsOfCase } from "@/lib/cases/sensitivity";

const NOW = new Date();
const LATER = new Date(NOW.getTime() + 30 * 60_000);
const CASE = { id: "c1", districtCode: "35.77", regionCode: "35.77.01.1001", rt: "002" };
const supervisor: TActor = {
  id: "u1", username: "sup", role: "SUPERVISOR", officeId: "o1", districtCode: "35.77", scopeRegionCode: "35.77.02.1001", rtList: [],
  breakGlass: [{ caseId: "c1", expiresAt: LATER }],
};

describe("break-the-glass in the policy", () => {
  it("opens exactly the granted case, with the role's own actions, until it expires", () => {
    expect(heldBreakGlass(supervisor, "case", CASE, NOW)).toBe(true);
    expect(can(supervisor, "read", "case", CASE)).toBe(true);
    expect(can(supervisor, "update", "case", CASE)).toBe(true);
    expect(can(supervisor, "create", "case", CASE)).toBe(false); // SUPERVISOR never creates cases
    expect(can(supervisor, "read", "case", { ...CASE, id: "c2" })).toBe(false);
    expect(can(supervisor, "read", "household", { ...CASE, id: "c1" })).toBe(false);
    expect(explain(supervisor, "read", "case", { ...CASE, id: "c2" })).toBe("SCOPE");
    expect(heldBreakGlass(supervisor, "case", CASE, new Date(LATER.getTime() + 1))).toBe(false);
  });

  it("never across districts, never for a role that may not break the glass", () => {
    expect(heldBreakGlass(supervisor, "case", { ...CASE, districtCode: "35.73" }, NOW)).toBe(false);
    expect(heldBreakGlass({ ...supervisor, districtCode: "35.73" }, "case", CASE, NOW)).toBe(false);
    expect(heldBreakGlass({ ...supervisor, role: "BACK_OFFICE" }, "case", CASE, NOW)).toBe(false);
  });

  it("the case list query includes the granted case in the actor's own district only", () => {
    expect(scopeWhere(supervisor, "case")).toEqual({
      OR: [
        { districtCode: "35.77", AND: [{ OR: [{ regionCode: "35.77.02.1001" }, { regionCode: { startsWith: "35.77.02.1001." } }] }] },
        { districtCode: "35.77", id: { in: ["c1"] } },
      ],
    });
    expect(scopeWhere({ ...supervisor, breakGlass: [] }, "case")).not.toHaveProperty("OR");
    expect(scopeWhere(supervisor, "household")).not.toHaveProperty("OR");
  });
});

describe("sensitive kinds of a case", () => {
  it("come from PPKS codes and service categories", () => {
    expect(sensitiveKindsOfCase({ ppksCodes: ["odha"], serviceCategories: ["bansos"] })).toEqual(["hiv"]);
    expect(sensitiveKindsOfCase({ ppksCodes: ["AKTK", "PD"], serviceCategories: ["kesehatan"] })).toEqual(["child", "disability", "health", "violence"]);
    expect(sensitiveKindsOfCase({ ppksCodes: ["FM"], serviceCategories: ["perumahan"] })).toEqual([]);
  });
});
