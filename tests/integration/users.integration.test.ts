import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/access/policy";
import { attemptLogin } from "@/lib/auth/login";
import { loadSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { ZCreateUserInput } from "@/lib/users/schemas";
import { setUserActive } from "@/lib/users/update-user";
import { actorOf, auditRows, auditText, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

/** The input as the admin form sends it, parsed by the same schema the server action uses. */
const input = (raw: Record<string, unknown>) => ZCreateUserInput.parse({ name: "Petugas Baru", ...raw });

async function makeAdmin() {
  const admin = await makeUser({ role: "ADMIN" });
  return { admin, actor: actorOf(admin) };
}

/** createUser must refuse with INVALID on `field`, and leave no user and no user.create audit row behind. */
async function expectInvalid(actor: TActor, raw: Record<string, unknown> & { username: string }, field: string, word: RegExp) {
  const username = raw.username.trim().toLowerCase();
  const before = await db.user.count({ where: { username } });
  const error = await createUser(actor, input(raw)).catch((e) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "INVALID" });
  expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
  expect(error.fieldErrors[field][0]).toMatch(word);
  expect(await db.user.count({ where: { username } })).toBe(before);
  expect(await auditRows({ actorId: actor.id, action: "user.create" })).toHaveLength(0);
}

describe("createUser", () => {
  it("creates a user who must change the temporary password, which works for login", async () => {
    const { admin, actor } = await makeAdmin();
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const username = `  Petugas${uniqueId()} `;

    const created = await createUser(actor, input({ username, role: "FRONT_OFFICE", officeId: office.id }), { ip: "192.0.2.5" });

    expect(created.username).toBe(username.trim().toLowerCase());
    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user).toMatchObject({
      username: created.username, role: "FRONT_OFFICE", officeId: office.id, districtCode: DISTRICT,
      // A Puskesos user works in the office's kelurahan by default.
      scopeRegionCode: KELURAHAN, rtList: [], active: true, mustChangePassword: true,
    });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(10);
    expect(user.passwordHash).not.toContain(created.temporaryPassword);

    const login = await attemptLogin({ username: created.username, password: created.temporaryPassword });
    expect(login).toMatchObject({ ok: true, userId: user.id });
    expect(await loadSession(login.ok ? login.sessionId : "")).toMatchObject({ mustChangePassword: true });

    const audit = await auditRows({ actorId: admin.id, action: "user.create" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: user.id, districtCode: DISTRICT, regionCode: KELURAHAN, ip: "192.0.2.5", outcome: "ok" });
    expect(audit[0].after).toMatchObject({ username: created.username, role: "FRONT_OFFICE" });
    expect(audit[0].after).not.toHaveProperty("passwordHash");
    const text = auditText(audit[0]);
    expect(text).not.toContain(user.passwordHash);
    expect(text).not.toContain("$argon2");
    expect(text).not.toContain(created.temporaryPassword);
  });

  it("gives a non-Puskesos user the whole district, a TKSK their kecamatan and a PSM normalised RTs", async () => {
    const { actor } = await makeAdmin();
    const slrt = await makeOffice({ kind: "SLRT", regionCode: DISTRICT });
    const puskesos = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });

    const manajer = await createUser(actor, input({ username: `m${uniqueId()}`, role: "MANAJER", officeId: slrt.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id: manajer.userId } })).scopeRegionCode).toBe(DISTRICT);

    const tksk = await createUser(actor, input({ username: `t${uniqueId()}`, role: "TKSK", officeId: slrt.id, scopeRegionCode: "35.77.01" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: tksk.userId } })).scopeRegionCode).toBe("35.77.01");

    const psm = await createUser(actor, input({ username: `p${uniqueId()}`, role: "PSM", officeId: puskesos.id, rtList: "1, 2;003" }));
    expect(await db.user.findUniqueOrThrow({ where: { id: psm.userId } })).toMatchObject({
      scopeRegionCode: KELURAHAN, rtList: ["001", "002", "003"],
    });
  });

  it("refuses a PSM without RTs", async () => {
    const { actor } = await makeAdmin();
    const puskesos = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    await expectInvalid(actor, { username: `p${uniqueId()}`, role: "PSM", officeId: puskesos.id }, "rtList", /RT/);
    await expectInvalid(actor, { username: `p${uniqueId()}`, role: "PSM", officeId: puskesos.id, rtList: "" }, "rtList", /RT/);
  });

  it("refuses a TKSK scoped to a kelurahan (or left on the district)", async () => {
    const { actor } = await makeAdmin();
    const puskesos = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const slrt = await makeOffice({ kind: "SLRT", regionCode: DISTRICT });
    await expectInvalid(actor, { username: `t${uniqueId()}`, role: "TKSK", officeId: puskesos.id, scopeRegionCode: KELURAHAN }, "scopeRegionCode", /kecamatan/i);
    await expectInvalid(actor, { username: `t${uniqueId()}`, role: "TKSK", officeId: slrt.id }, "scopeRegionCode", /kecamatan/i);
  });

  it("refuses RTs for a role other than PSM", async () => {
    const { actor } = await makeAdmin();
    const puskesos = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    await expectInvalid(actor, { username: `f${uniqueId()}`, role: "FRONT_OFFICE", officeId: puskesos.id, rtList: "001" }, "rtList", /PSM/);
  });

  it("refuses a username that is taken, whatever its case", async () => {
    const { actor } = await makeAdmin();
    const existing = await makeUser();
    const office = await makeOffice();
    await expectInvalid(actor, { username: existing.username, role: "FRONT_OFFICE", officeId: office.id }, "username", /dipakai/);
    await expectInvalid(actor, { username: existing.username.toUpperCase(), role: "FRONT_OFFICE", officeId: office.id }, "username", /dipakai/);
  });

  it("refuses an office of another district", async () => {
    const { actor } = await makeAdmin();
    const foreign = await makeOffice({ districtCode: "35.73", regionCode: DISTRICT });
    await expectInvalid(actor, { username: `f${uniqueId()}`, role: "FRONT_OFFICE", officeId: foreign.id }, "officeId", /Kantor/);
    await expectInvalid(actor, { username: `f${uniqueId()}`, role: "FRONT_OFFICE", officeId: "no-such-office" }, "officeId", /Kantor/);
  });

  it("refuses a scope region outside the admin's district", async () => {
    const { actor } = await makeAdmin();
    const slrt = await makeOffice({ kind: "SLRT", regionCode: DISTRICT });
    // "35" (the province) exists in the region table but lies above the district; "35.73.01" is not loaded at all.
    for (const scopeRegionCode of ["35", "35.73.01", "35.7"]) {
      await expectInvalid(actor, { username: `s${uniqueId()}`, role: "MANAJER", officeId: slrt.id, scopeRegionCode }, "scopeRegionCode", /Wilayah/);
    }
  });

  it("refuses a FRONT_OFFICE actor with FORBIDDEN and audits access.denied", async () => {
    const fo = await makeUser({ role: "FRONT_OFFICE" });
    const office = await makeOffice();
    const username = `x${uniqueId()}`;

    const error = await createUser(actorOf(fo), input({ username, role: "ADMIN", officeId: office.id }), { ip: "192.0.2.66" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("FORBIDDEN");
    expect(await db.user.count({ where: { username } })).toBe(0);

    const denied = await auditRows({ actorId: fo.id, action: "access.denied" });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ entity: "user", outcome: "denied", ip: "192.0.2.66" });
    expect(denied[0].after).toMatchObject({ attempted: "create", reason: "ROLE", role: "FRONT_OFFICE" });
    expect(await auditRows({ actorId: fo.id, action: "user.create" })).toHaveLength(0);
  });
});

describe("setUserActive", () => {
  it("treats a user of another district as not found and leaves them alone", async () => {
    const { actor } = await makeAdmin();
    const foreign = await makeUser({ districtCode: "35.73" });

    const error = await setUserActive(actor, foreign.id, false).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: foreign.id } })).active).toBe(true);
    expect(await auditRows({ actorId: actor.id, entityId: foreign.id })).toHaveLength(0);
  });

  it("does not let an admin deactivate themself", async () => {
    const { admin, actor } = await makeAdmin();
    const error = await setUserActive(actor, admin.id, false).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("INVALID");
    expect(error.message).toMatch(/sendiri/);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
    expect(await auditRows({ actorId: admin.id, action: "user.deactivate" })).toHaveLength(0);
  });

  it("a MANAJER (who may only read users) cannot deactivate anyone", async () => {
    const manajer = await makeUser({ role: "MANAJER" });
    const user = await makeUser();
    const error = await setUserActive(actorOf(manajer), user.id, false).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("FORBIDDEN");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    expect(await auditRows({ actorId: manajer.id, action: "access.denied" })).toHaveLength(1);
  });

  it("reactivating a locked-out user also lifts the lock", async () => {
    const { actor } = await makeAdmin();
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 3, lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    await setUserActive(actor, user.id, true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLogins: 0, lockedUntil: null, active: true });
  });
});
