import { describe, expect, it } from "vitest";
import {
  caseStatusFromReferrals, checkReferralMove, movesFor, REFERRAL_STATUSES, type TReferralSide, type TReferralStatus,
} from "@/lib/referrals/status";

// Written out by hand (not derived from the machine): every move that exists and the side that makes it.
const EXPECTED: Record<TReferralStatus, Partial<Record<TReferralStatus, TReferralSide[]>>> = {
  DRAFT: { MENUNGGU_PENETAPAN: ["origin"], DIKIRIM: ["origin"], DIBATALKAN: ["origin"] },
  MENUNGGU_PENETAPAN: { DRAFT: ["decider"], DIKIRIM: ["decider"], DIBATALKAN: ["decider", "origin"] },
  DIKIRIM: { DITERIMA: ["destination"], DITOLAK: ["destination"], DIALIHKAN: ["destination"], DIBATALKAN: ["origin"] },
  DITERIMA: { DALAM_PROSES: ["destination"], SELESAI: ["destination"], DIALIHKAN: ["destination"] },
  DALAM_PROSES: { SELESAI: ["destination"], DIALIHKAN: ["destination"] },
  DITOLAK: {}, DIALIHKAN: {}, SELESAI: {}, DIBATALKAN: {},
};
const SIDES: TReferralSide[] = ["origin", "decider", "destination"];
const FULL = { note: "alasan yang cukup panjang", outcome: "LAYANAN_DIBERIKAN" as const, requiresDecision: false };

describe("referral state machine: every pair of statuses × every side", () => {
  for (const from of REFERRAL_STATUSES) {
    for (const to of REFERRAL_STATUSES) {
      for (const side of SIDES) {
        const allowed = EXPECTED[from][to]?.includes(side) ?? false;
        it(`${from} → ${to} by ${side}: ${allowed ? "allowed" : "forbidden"}`, () => {
          const r = checkReferralMove(from, to, { ...FULL, sides: [side] });
          expect(r.ok).toBe(allowed);
          if (!allowed) expect(r.ok === false && r.code).toBe(EXPECTED[from][to] ? "SIDE" : "NOT_ALLOWED");
        });
      }
    }
  }
});

describe("referral moves: what the form must supply", () => {
  it("a referral that needs penetapan cannot skip it", () => {
    expect(checkReferralMove("DRAFT", "DIKIRIM", { sides: ["origin"], requiresDecision: true })).toMatchObject({ ok: false, code: "DECISION_REQUIRED" });
    expect(checkReferralMove("DRAFT", "MENUNGGU_PENETAPAN", { sides: ["origin"], requiresDecision: true }).ok).toBe(true);
    expect(movesFor("DRAFT", ["origin"], true)).toEqual(["MENUNGGU_PENETAPAN", "DIBATALKAN"]);
  });

  it("declining, redirecting, cancelling and sending back need a reason", () => {
    for (const [from, to, side] of [["DIKIRIM", "DITOLAK", "destination"], ["DIKIRIM", "DIALIHKAN", "destination"],
      ["DIKIRIM", "DIBATALKAN", "origin"], ["MENUNGGU_PENETAPAN", "DRAFT", "decider"]] as const) {
      expect(checkReferralMove(from, to, { sides: [side], requiresDecision: false, note: "ok" })).toMatchObject({ ok: false, code: "NOTE_REQUIRED" });
      expect(checkReferralMove(from, to, { sides: [side], requiresDecision: false, note: "alasan jelas" }).ok).toBe(true);
    }
  });

  it("finishing needs an outcome, and 'lainnya' needs a note", () => {
    expect(checkReferralMove("DALAM_PROSES", "SELESAI", { sides: ["destination"], requiresDecision: false })).toMatchObject({ code: "OUTCOME_REQUIRED" });
    expect(checkReferralMove("DALAM_PROSES", "SELESAI", { sides: ["destination"], requiresDecision: false, outcome: "LAINNYA" })).toMatchObject({ code: "NOTE_REQUIRED" });
    expect(checkReferralMove("DITERIMA", "SELESAI", { sides: ["destination"], requiresDecision: false, outcome: "TIDAK_MEMENUHI_SYARAT" }).ok).toBe(true);
  });

  it("the destination desk's buttons on a new referral", () => {
    expect(movesFor("DIKIRIM", ["destination"], true)).toEqual(["DITERIMA", "DITOLAK", "DIALIHKAN"]);
    expect(movesFor("SELESAI", SIDES, false)).toEqual([]);
  });
});

describe("the case status follows its referrals", () => {
  it.each([
    ["ASESMEN", ["DRAFT"], null],
    ["ASESMEN", ["MENUNGGU_PENETAPAN"], "DIRUJUK"],
    ["BARU", ["DIKIRIM"], "DIRUJUK"],
    ["DIRUJUK", ["DIKIRIM", "DITERIMA"], "DALAM_PENANGANAN"],
    ["DALAM_PENANGANAN", ["SELESAI", "DALAM_PROSES"], null],
    ["DALAM_PENANGANAN", ["SELESAI", "DIKIRIM"], "DIRUJUK"],
    ["DALAM_PENANGANAN", ["SELESAI", "DITOLAK"], "SELESAI"],
    ["DIRUJUK", ["DITOLAK"], "ASESMEN"],
    ["DIRUJUK", ["DIALIHKAN", "DIKIRIM"], null],
    ["DITUTUP", ["DIKIRIM"], null],
  ] as const)("case %s with referrals %j → %s", (cs, refs, expected) => {
    expect(caseStatusFromReferrals(cs, refs)).toBe(expected);
  });
});
