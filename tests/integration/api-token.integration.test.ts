import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorFromToken, createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { setUserActive } from "@/lib/users/update-user";
import { actorOf, auditRows, auditText, DISTRICT, KELURAHAN, makeUser } from "../support/factories";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function setup() {
  const admin = await makeUser({ role: "ADMIN" });
  const user = await makeUser({ role: "PSM", scopeRegionCode: KELURAHAN, rtList: ["001", "002"] });
  const by = { id: admin.id, label: admin.username, ip: "192.0.2.44", districtCode: admin.districtCode };
  return { admin, user, by };
}

describe("API tokens", () => {
  it("issues an smp_ token of which only the SHA-256 is stored, and audits apiToken.create", async () => {
    const { admin, user, by } = await setup();
    const created = await createApiToken(by, user.id, "  Integrasi SIKS-NG  ");

    expect(created.token).toMatch(/^smp_[A-Za-z0-9_-]{20,}$/);
    expect(created.username).toBe(user.username);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ userId: user.id, name: "Integrasi SIKS-NG", prefix: created.token.slice(0, 10), revokedAt: null });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).toBe(sha256(created.token));
    // The secret itself is nowhere in the table, in any column.
    const [raw] = await db.$queryRawUnsafe<{ text: string }[]>(`SELECT row_to_json(t)::text AS text FROM "api_token" t WHERE id = $1`, created.id);
    expect(raw.text).not.toContain(created.token);
    expect(raw.text).not.toContain(created.token.slice(10));

    const audit = await auditRows({ actorId: admin.id, action: "apiToken.create" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "apiToken", entityId: created.id, districtCode: DISTRICT, ip: "192.0.2.44", outcome: "ok" });
    expect(audit[0].after).toMatchObject({ userId: user.id, prefix: row.prefix });
    const text = auditText(audit[0]);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(row.tokenHash);
  });

  it("resolves a token to its user's role and scope", async () => {
    const { user, by } = await setup();
    const { token, prefix } = await createApiToken(by, user.id, "integrasi");

    const actor = await actorFromToken(token);
    expect(actor).toMatchObject({
      id: user.id, role: "PSM", officeId: user.officeId, districtCode: DISTRICT, scopeRegionCode: KELURAHAN, rtList: ["001", "002"],
    });
    // Audit rows written under this actor show that the API, not the person, acted.
    expect(actor!.username).toContain(user.username);
    expect(actor!.username).toContain(prefix);
    expect((await db.apiToken.findFirstOrThrow({ where: { prefix } })).lastUsedAt).not.toBeNull();
  });

  it("returns null for a revoked token, but the user's other tokens keep working", async () => {
    const { admin, user, by } = await setup();
    const revoked = await createApiToken(by, user.id, "lama");
    const kept = await createApiToken(by, user.id, "baru");

    await revokeApiToken(actorOf(admin), revoked.id);
    expect(await actorFromToken(revoked.token)).toBeNull();
    expect(await actorFromToken(kept.token)).toMatchObject({ id: user.id });
    expect(await auditRows({ actorId: admin.id, entityId: revoked.id, action: "apiToken.revoke" })).toHaveLength(1);
  });

  it("returns null once the token's user is deactivated", async () => {
    const { admin, user, by } = await setup();
    const { token } = await createApiToken(by, user.id, "integrasi");
    await setUserActive(actorOf(admin), user.id, false);
    expect(await actorFromToken(token)).toBeNull();
  });

  it("returns null for an unknown or malformed token", async () => {
    const { user, by } = await setup();
    const { token } = await createApiToken(by, user.id, "integrasi");
    expect(await actorFromToken("smp_tidak-ada-token-seperti-ini-0000")).toBeNull();
    expect(await actorFromToken(token.slice(0, -1))).toBeNull();
    expect(await actorFromToken(`${token}x`)).toBeNull();
    expect(await actorFromToken(token.replace(/^smp_/, ""))).toBeNull();
    expect(await actorFromToken(sha256(token))).toBeNull(); // the stored hash is not itself a credential
    expect(await actorFromToken("")).toBeNull();
  });

  it("refuses a token for a user of another district or an inactive user", async () => {
    const { by } = await setup();
    const foreign = await makeUser({ districtCode: "35.73" });
    await expect(createApiToken(by, foreign.id, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const inactive = await makeUser({ active: false });
    const error = await createApiToken(by, inactive.id, "x").catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("INVALID");
    expect(await db.apiToken.count({ where: { userId: { in: [foreign.id, inactive.id] } } })).toBe(0);
  });
});
