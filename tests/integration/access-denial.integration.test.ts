import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/access/authorize";
import { ROLES, type Role, type TAction } from "@/lib/access/roles";
import { AppError } from "@/lib/errors";
import { actorOf, auditRows, DISTRICT, KELURAHAN, makeUser, uniqueId } from "../support/factories";
import { EXPECTED_HOUSEHOLD_ACCESS } from "../support/expected-access";

const EXPECTED_IN_SCOPE = EXPECTED_HOUSEHOLD_ACCESS;
const ACTIONS: TAction[] = ["read", "create", "update"];

/** The scope each role typically has in the demo district. */
const SCOPE: Record<Role, { scopeRegionCode: string; rtList?: string[] }> = {
  ADMIN: { scopeRegionCode: DISTRICT },
  MANAJER: { scopeRegionCode: DISTRICT },
  KOORDINATOR: { scopeRegionCode: KELURAHAN },
  SUPERVISOR: { scopeRegionCode: DISTRICT },
  FRONT_OFFICE: { scopeRegionCode: KELURAHAN },
  BACK_OFFICE: { scopeRegionCode: KELURAHAN },
  FASILITATOR: { scopeRegionCode: KELURAHAN },
  PSM: { scopeRegionCode: KELURAHAN, rtList: ["001", "002", "003", "004", "005"] },
  TKSK: { scopeRegionCode: "35.77.01" },
  DINSOS: { scopeRegionCode: DISTRICT },
  DESK_OFFICER: { scopeRegionCode: DISTRICT },
};

type TCall = { role: Role; action: TAction; where: "in" | "out"; recordId: string; error: unknown };

describe("authorize leaves exactly one access.denied row per denial", () => {
  it("every role × {read, create, update} × {in scope, another district} on a household", async () => {
    const run = uniqueId();
    const users = new Map<Role, Awaited<ReturnType<typeof makeUser>>>();
    for (const role of ROLES) users.set(role, await makeUser({ role, ...SCOPE[role] }));

    const calls: TCall[] = [];
    for (const role of ROLES) {
      const actor = actorOf(users.get(role)!);
      for (const action of ACTIONS) {
        for (const where of ["in", "out"] as const) {
          const recordId = `hh-${run}-${role}-${action}-${where}`;
          const record = where === "in"
            ? { id: recordId, districtCode: DISTRICT, regionCode: KELURAHAN, rt: "002" }
            : { id: recordId, districtCode: "35.73", regionCode: "35.73.01.1001", rt: "002" };
          const error = await authorize(actor, action, "household", record, { ip: "192.0.2.77" }).then(() => null, (e) => e);
          calls.push({ role, action, where, recordId, error });
        }
      }
    }

    let denials = 0;
    for (const c of calls) {
      const roleAllows = EXPECTED_IN_SCOPE[c.role][ACTIONS.indexOf(c.action)] !== "-";
      const allowed = c.where === "in" && roleAllows;
      const label = `${c.role} ${c.action} ${c.where}`;
      const rows = await auditRows({ actorId: users.get(c.role)!.id, entityId: c.recordId });
      if (allowed) {
        expect(c.error, label).toBeNull();
        expect(rows, label).toHaveLength(0);
        continue;
      }
      denials++;
      expect(c.error, label).toBeInstanceOf(AppError);
      // A role that may never do this gets 403; one that may, but not here, gets 404 (existence does not leak).
      expect((c.error as AppError).code, label).toBe(roleAllows ? "NOT_FOUND" : "FORBIDDEN");
      expect(rows, label).toHaveLength(1);
      expect(rows[0], label).toMatchObject({
        action: "access.denied", entity: "household", outcome: "denied", ip: "192.0.2.77", districtCode: DISTRICT,
        actorLabel: users.get(c.role)!.username,
      });
      expect(rows[0].after, label).toMatchObject({ attempted: c.action, reason: roleAllows ? "SCOPE" : "ROLE", role: c.role });
    }

    // 2 roles allow nothing (12 denials), 9 roles are denied everything out of scope and some actions in scope.
    const allowedInScope = Object.values(EXPECTED_IN_SCOPE).join("").replaceAll("-", "").length;
    expect(denials).toBe(calls.length - allowedInScope);
    expect(calls.filter((c) => c.error !== null)).toHaveLength(denials);
    let totalRows = 0;
    for (const user of users.values()) totalRows += (await auditRows({ actorId: user.id, action: "access.denied" })).length;
    expect(totalRows).toBe(denials);
  });

  it("a PSM reading a household in an RT they do not hold gets NOT_FOUND, audited with reason SCOPE", async () => {
    const psm = await makeUser({ role: "PSM", scopeRegionCode: KELURAHAN, rtList: ["001", "002", "003", "004", "005"] });
    const actor = actorOf(psm);
    const outsideRt = `hh-${uniqueId()}`;

    const error = await authorize(actor, "read", "household", { id: outsideRt, districtCode: DISTRICT, regionCode: KELURAHAN, rt: "006" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("NOT_FOUND");
    const rows = await auditRows({ actorId: psm.id, entityId: outsideRt });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "access.denied", outcome: "denied", regionCode: KELURAHAN });
    expect(rows[0].after).toMatchObject({ reason: "SCOPE", attempted: "read", rt: "006" });

    // Their own RT, however it is written, is allowed and leaves nothing.
    const ownRt = `hh-${uniqueId()}`;
    await expect(authorize(actor, "read", "household", { id: ownRt, districtCode: DISTRICT, regionCode: KELURAHAN, rt: "5" })).resolves.toBeUndefined();
    // A neighbouring kelurahan's RT 001 is not theirs either.
    const neighbour = `hh-${uniqueId()}`;
    await expect(authorize(actor, "read", "household", { id: neighbour, districtCode: DISTRICT, regionCode: "35.77.01.1002", rt: "001" }))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditRows({ actorId: psm.id, entityId: ownRt })).toHaveLength(0);
    expect(await auditRows({ actorId: psm.id, entityId: neighbour })).toHaveLength(1);
  });
});
