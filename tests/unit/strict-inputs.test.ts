import { describe, expect, it, vi } from "vitest";
import { parseInput } from "@/lib/actions/parse-input";
import { ZIntakeInput } from "@/lib/cases/register-intake";
import { ZAssessRequest } from "@/lib/eligibility/assess-inline";
import { ZCreateReferralInput } from "@/lib/referrals/schemas";
import { enumerateActions } from "../support/sweep/enumerate";

/**
 * Mass assignment: every server action refuses a field its schema does not name. The actions are read
 * from the source (app/**\/actions.ts, like the authorization sweep), so a new action with a loose schema
 * fails here. Only the session is replaced: the real defineAction parses the real FormData. The database
 * is never reached — a refused input stops before the handler (DATABASE_URL is unset in unit tests, so a
 * handler that ran would fail with a server error instead of the expected field errors).
 */
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => ({
    id: "u1", username: "manajer", role: "MANAJER", officeId: "o1", districtCode: "35.77", scopeRegionCode: "35.77",
    rtList: [], mustChangePassword: false,
  }),
  // The second-factor step is the one action taken by a session that still owes its code.
  getPendingSecondFactor: async () => ({ sessionId: "s1", userId: "u1", username: "dinsos", name: "Dinsos", districtCode: "35.77", enrolled: true }),
  requestIp: async () => "192.0.2.1",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const modules = import.meta.glob("../../app/**/actions.ts");

/** Forged fields an attacker adds to take over a record, move it to another region or skip its lifecycle. */
const FORGED = { regionCode: "35.73.01.1001", version: "99", districtCode: "35.73", createdById: "orang-lain", status: "SELESAI" } as const;
type TForged = keyof typeof FORGED;

/** The forged names that some actions legitimately take (and check against the session and the record). */
const ACCEPTS: Partial<Record<string, TForged[]>> = {
  createHouseholdAction: ["regionCode"], // the kelurahan chosen for a new household, checked against the scope
  createPsksUnitAction: ["regionCode"],
  deliberationAction: ["regionCode"],
  startImportAction: ["regionCode"], // the region a register extract covers, checked against the district
  updateHouseholdAction: ["version"], updateMemberAction: ["version"], moveMemberAction: ["version"], markDeceasedAction: ["version"],
  transitionCaseAction: ["version"], assignCaseAction: ["version"], transitionReferralAction: ["version"],
};

type TAct = (prev: unknown, raw: FormData) => Promise<{ ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string[]> }>;
const found = enumerateActions();

describe("strict inputs: every server action refuses fields its form does not have", () => {
  it("finds the actions in the code", () => {
    expect(found.length).toBeGreaterThanOrEqual(32);
  });

  it.each(found.map((a) => [`${a.file}#${a.name}`, a] as const))("%s", async (_label, { file, name }) => {
    const load = modules[`../../${file}`];
    expect(load, `actions module ${file}`).toBeTypeOf("function");
    const action = ((await load()) as Record<string, TAct>)[name];
    const form = new FormData();
    // What Next.js itself adds to a form post: dropped before parsing, never an "unknown field".
    form.append("$ACTION_ID_0123abcd", "");
    form.append("$ACTION_REF_1", "");
    for (const [k, v] of Object.entries(FORGED)) form.append(k, v);

    const r = await action(undefined, form);
    expect(r.ok).toBe(false);
    expect(r.code).toBe("INVALID");
    const accepted = ACCEPTS[name] ?? [];
    for (const key of Object.keys(FORGED) as TForged[]) {
      if (accepted.includes(key)) expect(r.fieldErrors?.[key] ?? [], `${name} names ${key}`).not.toContain(`Kolom tidak dikenal: ${key}`);
      else expect(r.fieldErrors?.[key], `${name} must refuse ${key}`).toEqual([`Kolom tidak dikenal: ${key}`]);
    }
    expect(Object.keys(r.fieldErrors ?? {}).filter((k) => k.startsWith("$ACTION"))).toEqual([]);
  });
});

describe("strict inputs: JSON bodies of /api/v1", () => {
  const intake = {
    householdMode: "new", channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya berobat.", serviceCategories: ["kesehatan"],
    household: { address: "Jl. Mawar 1", rt: "1", rw: "2", regionCode: "35.77.01.1001", members: [{ name: "Siti", sex: "P", relation: "KEPALA_KELUARGA" }] },
  };

  it("a valid intake passes; a forged top-level field is refused and named in the message", () => {
    expect(parseInput(ZIntakeInput, intake).ok).toBe(true);
    const r = parseInput(ZIntakeInput, { ...intake, districtCode: "35.73", status: "SELESAI" });
    expect(r).toMatchObject({ ok: false, message: "Kolom tidak dikenal: districtCode, status" });
    expect(!r.ok && r.fieldErrors).toEqual({ districtCode: ["Kolom tidak dikenal: districtCode"], status: ["Kolom tidak dikenal: status"] });
  });

  it("a forged field nested in the household or a member is refused under its dotted name", () => {
    const r = parseInput(ZIntakeInput, {
      ...intake, household: { ...intake.household, createdById: "x", members: [{ ...intake.household.members[0], districtCode: "35.73" }] },
    });
    expect(!r.ok && r.fieldErrors).toEqual({
      "household.createdById": ["Kolom tidak dikenal: household.createdById"],
      "household.members.0.districtCode": ["Kolom tidak dikenal: household.members.0.districtCode"],
    });
  });

  it("referral and assessment bodies refuse forged fields; other mistakes keep the general message", () => {
    const referral = { caseId: "c1", serviceCategory: "kesehatan", reason: "Mohon ditindaklanjuti segera.", legalBasis: "TUGAS_LAYANAN_PUBLIK" };
    expect(parseInput(ZCreateReferralInput, referral).ok).toBe(true);
    expect(parseInput(ZCreateReferralInput, { ...referral, fromOfficeId: "o2" })).toMatchObject({ ok: false, message: "Kolom tidak dikenal: fromOfficeId" });
    expect(parseInput(ZAssessRequest, { householdId: "h1", methods: ["KRITERIA_BPS"], regionCode: "35.73" }))
      .toMatchObject({ ok: false, fieldErrors: { regionCode: ["Kolom tidak dikenal: regionCode"] } });
    expect(parseInput(ZCreateReferralInput, { ...referral, reason: "x", version: 3 }))
      .toMatchObject({ ok: false, message: "Periksa kembali isian yang ditandai.", fieldErrors: { version: ["Kolom tidak dikenal: version"] } });
  });
});
