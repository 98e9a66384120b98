import { describe, expect, it, vi } from "vitest";
import { can, inScope, referralInScope, type TActor } from "@/lib/access/policy";
import { mayBreakGlass, roleAllows, seesSensitive, type TAction, type TResource } from "@/lib/access/roles";
import { enumerateActions } from "../support/sweep/enumerate";
import { uniqueId } from "../support/factories";
import { makeSweepUsers, makeWorld, RECORD, type TSweepUser, type TWorld } from "../support/sweep/world";

/**
 * Authorization sweep over every server action. The list of actions is read from the source
 * (app/**\/actions.ts exports), so a new action fails this file until it has a row in CALLS.
 * Only the session lookup is replaced — getCurrentUser resolves a real user_session row through the
 * real loadSession — so defineAction's authenticate → parse → authorize path and the lib's record
 * checks all run. The expectation comes from lib/access (can / referralInScope), never from the action.
 */
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return {
    ...real,
    getCurrentUser: async () => (session.sid ? real.loadSession(session.sid) : null),
    getPendingSecondFactor: async () => (session.sid ? real.loadPendingSecondFactor(session.sid) : null),
    requestIp: async () => "192.0.2.99",
  };
});
// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

type TAct = (prev: unknown, raw: unknown) => Promise<{ ok: boolean; code?: string; message?: string; fieldErrors?: unknown }>;

const modules = {
  "app/(app)/admin/aturan-rujukan/actions.ts": () => import("@/app/(app)/admin/aturan-rujukan/actions"),
  "app/(app)/admin/token-api/actions.ts": () => import("@/app/(app)/admin/token-api/actions"),
  "app/(app)/admin/psks/actions.ts": () => import("@/app/(app)/admin/psks/actions"),
  "app/(app)/admin/pengguna/actions.ts": () => import("@/app/(app)/admin/pengguna/actions"),
  "app/(app)/kelayakan/actions.ts": () => import("@/app/(app)/kelayakan/actions"),
  "app/(app)/rujukan/actions.ts": () => import("@/app/(app)/rujukan/actions"),
  "app/(app)/layanan-baru/actions.ts": () => import("@/app/(app)/layanan-baru/actions"),
  "app/(app)/rumah-tangga/[id]/actions.ts": () => import("@/app/(app)/rumah-tangga/[id]/actions"),
  "app/(app)/rumah-tangga/baru/actions.ts": () => import("@/app/(app)/rumah-tangga/baru/actions"),
  "app/(app)/kasus/[id]/actions.ts": () => import("@/app/(app)/kasus/[id]/actions"),
  "app/(app)/dtks/actions.ts": () => import("@/app/(app)/dtks/actions"),
  "app/(app)/dtks/impor/actions.ts": () => import("@/app/(app)/dtks/impor/actions"),
  "app/ganti-kata-sandi/actions.ts": () => import("@/app/ganti-kata-sandi/actions"),
  "app/dua-langkah/actions.ts": () => import("@/app/dua-langkah/actions"),
} as Record<string, () => Promise<Record<string, unknown>>>;

type TRow = {
  /** Schema-valid input aimed at the world's records (RECORD's household/case/referral/…). */
  input: (w: TWorld, u: TSweepUser) => unknown;
  /** What lib/access says this user may do here. */
  allowed: (a: TActor, w: TWorld) => boolean;
  /** The action only ever touches the caller's own district (configuration), so another district's user may use it. */
  ownDistrict?: boolean;
  /** The lib adds rules of its own beyond lib/access (e.g. only the destination desk may accept a referral). */
  stricter?: boolean;
  /** The input is not meant to succeed (e.g. a wrong current password); skip the "some caller succeeded" check. */
  noSuccess?: boolean;
};

const onRecord = (action: TAction, resource: TResource) => (a: TActor) => can(a, action, resource, RECORD);
const roleOnly = (action: TAction, resource: TResource) => (a: TActor) => roleAllows(a.role, action, resource);
/** A record of the world's district as a whole (an import, a saved mapping). */
const onDistrict = (action: TAction, resource: TResource) => (a: TActor) => can(a, action, resource, { districtCode: RECORD.districtCode, regionCode: RECORD.districtCode });
/** District-level configuration: the role, and the actor's own district (the action only ever touches that). */
const userRecord = (a: TActor, w: TWorld) =>
  can(a, "update", "user", { districtCode: w.targetUser.districtCode, regionCode: w.targetUser.scopeRegionCode });
const onReferral = (a: TActor, w: TWorld) =>
  roleAllows(a.role, "update", "referral") && referralInScope(a, { ...RECORD, toOfficeId: w.referral.toOfficeId });

const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

const CALLS: Record<string, TRow> = {
  // admin/aturan-rujukan
  createRoutingRuleAction: {
    input: (w) => ({ serviceCategory: "pendidikan", destinationOfficeId: w.desk.id, slaDays: "5", priority: "" }),
    // The destination office must be of the actor's district; another district's admin gets NOT_FOUND/INVALID.
    allowed: (a) => can(a, "update", "reference", { districtCode: RECORD.districtCode, regionCode: RECORD.districtCode }),
  },
  toggleRoutingRuleAction: {
    input: (w) => ({ ruleId: w.rule.id, active: "false" }),
    allowed: (a) => can(a, "update", "reference", { districtCode: RECORD.districtCode, regionCode: RECORD.districtCode }),
  },
  // admin/token-api
  createTokenAction: {
    input: (w) => ({ userId: w.targetUser.id, name: "Integrasi uji" }),
    allowed: (a, w) => can(a, "create", "apiToken", { districtCode: w.targetUser.districtCode, regionCode: w.targetUser.scopeRegionCode }),
  },
  revokeTokenAction: {
    input: (w) => ({ tokenId: w.token.id }),
    allowed: (a, w) => can(a, "create", "apiToken", { districtCode: w.targetUser.districtCode, regionCode: w.targetUser.scopeRegionCode }),
  },
  // admin/pengguna
  createUserAction: {
    input: (w) => ({ username: `baru${Math.random().toString(36).slice(2, 8)}`, name: "Pengguna Baru", role: "FRONT_OFFICE", officeId: w.puskesos.id, scopeRegionCode: RECORD.regionCode }),
    allowed: (a) => can(a, "create", "user", { districtCode: RECORD.districtCode, regionCode: RECORD.regionCode }),
  },
  deactivateUserAction: { input: (w) => ({ userId: w.targetUser.id }), allowed: userRecord },
  activateUserAction: { input: (w) => ({ userId: w.targetUser.id }), allowed: userRecord },
  resetPasswordAction: { input: (w) => ({ userId: w.targetUser.id }), allowed: userRecord },
  resetSecondFactorAction: { input: (w) => ({ userId: w.targetUser.id }), allowed: userRecord },
  // admin/psks
  createPsksUnitAction: {
    input: (w) => ({ name: "Panti Werdha Uji", psksTypeId: w.psksType.id, regionCode: RECORD.regionCode, assetKind: "INSTITUTION" }),
    allowed: (a) => can(a, "create", "psksUnit", RECORD),
  },
  deactivatePsksUnitAction: { input: (w) => ({ unitId: w.psksUnit.id }), allowed: (a) => can(a, "update", "psksUnit", RECORD) },
  activatePsksUnitAction: { input: (w) => ({ unitId: w.psksUnit.id }), allowed: (a) => can(a, "update", "psksUnit", RECORD) },
  // kelayakan
  assessHouseholdAction: {
    input: (w) => ({ householdId: w.household.id, methods: ["KRITERIA_BPS"], regularAid: "0", rtlh: "tidak" }),
    allowed: onRecord("create", "eligibility"),
  },
  importPovertyLinesAction: {
    input: () => ({ csvText: "cakupan,kode_wilayah,nama_wilayah,tahun,periode,rupiah_per_kapita,sumber\n" }),
    allowed: roleOnly("create", "povertyLine"), ownDistrict: true, noSuccess: true,
  },
  saveIndicatorSetAction: { input: () => ({ definition: "{}" }), allowed: roleOnly("create", "povertyLine"), ownDistrict: true, noSuccess: true },
  updateEligibilitySettingsAction: {
    input: () => ({ sangatMiskinBelow: "0,8", hampirMiskinBelow: "1,2", bpsThreshold: "9" }),
    allowed: roleOnly("update", "povertyLine"), ownDistrict: true,
  },
  // rujukan
  createReferralAction: {
    input: (w) => ({ caseId: w.kase.id, serviceCategory: "pendidikan", reason: "Mohon bantu pendaftaran sekolah anak.", legalBasis: "TUGAS_LAYANAN_PUBLIK" }),
    allowed: onRecord("create", "referral"),
  },
  transitionReferralAction: {
    input: (w) => ({ referralId: w.referral.id, version: String(w.referral.version), to: "DITERIMA" }),
    allowed: onReferral, stricter: true,
  },
  // The lib adds the party rule: only the destination desk, once it accepted the referral — the sweep's referral is
  // still DIKIRIM, so nobody succeeds here; the allowed path is tested in referrals.integration.test.ts.
  addReferralAttachmentAction: {
    input: (w) => ({ referralId: w.referral.id, file: new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "bukti.pdf", { type: "application/pdf" }) }),
    allowed: onReferral, stricter: true, noSuccess: true,
  },
  markNotificationsReadAction: { input: () => ({}), allowed: () => true, ownDistrict: true },
  // layanan-baru
  registerIntakeAction: {
    input: (w) => ({
      householdMode: "existing", householdId: w.household.id, channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN",
      need: "Butuh bantuan sembako untuk keluarga.", serviceCategories: ["kesehatan"], urgency: "SEDANG",
    }),
    allowed: onRecord("create", "case"),
  },
  // rumah-tangga/[id]
  updateHouseholdAction: {
    input: (w) => ({ householdId: w.household.id, version: String(w.household.version), address: "Jl. Mawar No. 8", rt: "2", rw: "2" }),
    allowed: onRecord("update", "household"),
  },
  addMemberAction: {
    input: (w) => ({ householdId: w.household.id, name: "Anak Baru", sex: "L", relation: "ANAK", birthDate: "2015-01-01" }),
    allowed: onRecord("update", "household"),
  },
  updateMemberAction: {
    input: (w) => ({ personId: w.head.id, version: String(w.head.version), name: "Sumarno Jaya", sex: "L", relation: "KEPALA_KELUARGA", birthDate: "1970-03-12" }),
    allowed: onRecord("update", "household"),
  },
  moveMemberAction: {
    input: (w) => {
      const wife = w.persons.find((p) => p.relation === "ISTRI")!;
      return { personId: wife.id, version: String(wife.version), targetNoKk: w.otherKk, relation: "ISTRI" };
    },
    allowed: onRecord("update", "household"),
  },
  markDeceasedAction: {
    input: (w) => ({ personId: w.head.id, version: String(w.head.version), deceasedAt: today, confirm: "on" }),
    allowed: onRecord("update", "household"),
  },
  tagPpksAction: {
    input: (w) => ({ householdId: w.household.id, categoryId: w.category.id }),
    allowed: onRecord("update", "household"),
  },
  revealNikAction: {
    input: (w) => ({ personId: w.head.id }),
    allowed: (a) => can(a, "read", "household", RECORD) && seesSensitive(a.role, "nik"),
  },
  // rumah-tangga/baru
  createHouseholdAction: {
    input: () => ({
      address: "Jl. Kenanga 3", rt: "2", rw: "1", regionCode: RECORD.regionCode,
      "members.0.name": "Warga Baru", "members.0.sex": "P", "members.0.relation": "KEPALA_KELUARGA",
    }),
    allowed: onRecord("create", "household"),
  },
  // kasus/[id]
  transitionCaseAction: {
    input: (w) => ({ caseId: w.kase.id, to: "ASESMEN", version: String(w.kase.version) }),
    allowed: onRecord("update", "case"),
  },
  assignCaseAction: { input: (w) => ({ caseId: w.kase.id, assigneeId: "me", version: String(w.kase.version) }), allowed: onRecord("update", "case") },
  addCaseNoteAction: { input: (w) => ({ caseId: w.kase.id, body: "Catatan kunjungan rumah." }), allowed: onRecord("update", "case") },
  breakGlassAction: {
    input: (w) => ({ caseId: w.kase.id, reason: "Petugas kelurahan cuti, warga perlu dirujuk ke RSUD hari ini.", confirm: "on" }),
    // A supervisor of the case's district whose own scope does not cover it. Never another district's user;
    // a supervisor who already covers the case is told to open it directly (CONFLICT).
    allowed: (a) => mayBreakGlass(a.role) && a.districtCode === RECORD.districtCode && !inScope(a, RECORD),
  },
  addAttachmentAction: {
    input: (w) => ({ caseId: w.kase.id, file: new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "surat.pdf", { type: "application/pdf" }) }),
    allowed: onRecord("update", "case"),
  },
  // dtks
  createProposalAction: {
    input: (w) => ({ householdId: w.otherHousehold.id, reason: "Usulan ulang rumah tangga miskin." }),
    allowed: onRecord("create", "proposal"),
  },
  decideProposalAction: {
    input: (w) => ({ proposalId: w.proposal.id, decision: "DITOLAK", reason: "Belum memenuhi syarat." }),
    allowed: onRecord("update", "dtks"),
  },
  verivaliAction: { input: (w) => ({ proposalId: w.proposal.id, outcome: "DITEMUKAN" }), allowed: onRecord("update", "proposal") },
  deliberationAction: {
    input: (w) => ({ regionCode: RECORD.regionCode, heldOn: today, place: "Balai kelurahan", chair: "Pak Lurah", attendees: "12", proposalIds: [w.proposal.id] }),
    allowed: onRecord("update", "proposal"),
  },
  // dtks/impor: district configuration and the district's imports.
  startImportAction: {
    // A staged upload is its uploader's file on disk; none exists for the sweep's users, so allowed callers
    // get NOT_FOUND (the success path is in dtks-import-page.integration.test.ts).
    input: () => ({ uploadId: "1700000000000-000000000000", source: "DTKS", period: "2026-03", mapping: {} }),
    allowed: roleOnly("create", "dtks"), stricter: true, noSuccess: true,
  },
  cancelImportAction: { input: (w) => ({ batchId: w.dtksBatch.id }), allowed: onDistrict("create", "dtks") },
  saveMappingAction: {
    input: () => ({ name: `Pola ${uniqueId()}`, mapping: { nik: "NOMOR INDUK", name: "NAMA" } }),
    allowed: (a) => can(a, "create", "dtks", { districtCode: a.districtCode, regionCode: a.districtCode }), ownDistrict: true,
  },
  deleteMappingAction: { input: (w) => ({ mappingId: w.dtksMapping.id }), allowed: onDistrict("create", "dtks") },
  // ganti-kata-sandi: anyone signed in may change their own password (a wrong current password is INVALID).
  changePasswordAction: {
    input: () => ({ currentPassword: "salah-sekali", newPassword: "Sandi-Baru-2026!x", confirmPassword: "Sandi-Baru-2026!x" }),
    allowed: () => true, ownDistrict: true, noSuccess: true,
  },
  // dua-langkah: only a login that still owes its second factor may send a code; every sweep session is
  // fully signed in, so each is refused (the step itself: tests/integration/second-factor.integration.test.ts).
  verifySecondFactorAction: { input: () => ({ code: "123456" }), allowed: () => false, ownDistrict: true, noSuccess: true },
};

const DENIED = new Set(["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"]);
const SERVER_ERROR = /Terjadi kesalahan di server/;
const found = enumerateActions();

describe("authorization sweep: server actions", () => {
  it("enumerates the server actions from the code and has a row for each one", () => {
    expect(found.length).toBeGreaterThanOrEqual(32);
    const missing = found.filter((a) => !CALLS[a.name]).map((a) => `${a.file}#${a.name}`);
    expect(missing, "server actions without a row in the sweep table").toEqual([]);
    const unknownModules = [...new Set(found.map((a) => a.file))].filter((f) => !modules[f]);
    expect(unknownModules, "actions modules not imported by the sweep").toEqual([]);
  });

  it.each(found.map((a) => [`${a.file}#${a.name}`, a] as const))("%s", async (_label, { file, name }) => {
    const mod = await modules[file]();
    const action = mod[name] as TAct;
    expect(typeof action).toBe("function");
    const row = CALLS[name];

    // Without a session: refused before anything else happens.
    session.sid = null;
    const w0 = await makeWorld();
    const anon = await action(undefined, row.input(w0, undefined as never));
    expect(anon, "no session").toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    const problems: string[] = [];
    let succeeded = 0;
    let firstAllowedFailure: string | undefined;
    const users = await makeSweepUsers(w0);
    for (const u of users) {
      // Fresh records for every caller: an allowed call may change them.
      const w = await makeWorld(w0);
      session.sid = u.sessionId;
      const allowed = row.allowed(u.actor, w);
      const result = await action(undefined, row.input(w, u));
      if (result.ok) succeeded++;
      else if (allowed) firstAllowedFailure ??= JSON.stringify(result);
      const label = `${u.role}/${u.where} expected ${allowed ? "allowed" : "denied"}, got ${JSON.stringify({ ok: result.ok, code: result.code, message: result.message, fieldErrors: result.fieldErrors })}`;
      // A crash is never an acceptable answer, allowed or not.
      if (!result.ok && SERVER_ERROR.test(result.message ?? "")) problems.push(`server error: ${label}`);
      // Allowed: the access layer must not refuse (a business rule may still say no).
      else if (allowed && !row.stricter && !result.ok && DENIED.has(result.code ?? "")) problems.push(label);
      // Denied: nothing may happen. The input is proven valid by an allowed caller succeeding (below).
      else if (!allowed && result.ok) problems.push(label);
      if (u.where === "otherDistrict" && !row.ownDistrict && result.ok) problems.push(`cross-district allowed: ${label}`);
    }
    if (!row.noSuccess && succeeded === 0) problems.push(`no caller succeeded: the sweep's input for this action is not valid (${firstAllowedFailure})`);
    session.sid = null;
    expect(problems.join("\n")).toBe("");
  }, 120_000);
});
