import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/access/roles";
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  TRANSITION_ACTION_LABELS,
  allowedTransitions,
  checkTransition,
  isCaseStatus,
  isOpenStatus,
  transitionActionLabel,
  type TCaseStatus,
} from "@/lib/cases/status.ts";

// The lifecycle written out by hand, not derived from the module: a change to the state machine that is
// not also made here fails. Rows are "from", columns "to", in CASE_STATUSES order; "x" = allowed.
// Columns: BARU ASESMEN DIRUJUK DALAM_PENANGANAN SELESAI DITUTUP DIBATALKAN.
const MATRIX: Record<TCaseStatus, string> = {
  BARU: ".x....x",
  ASESMEN: "..xxx.x",
  DIRUJUK: ".x.x...",
  DALAM_PENANGANAN: "..x.x..",
  SELESAI: "...x.x.",
  DITUTUP: ".......",
  DIBATALKAN: ".......",
};

// A note and a role that pass every note and role rule, so only the lifecycle decides.
const GOOD = { note: "Bantuan sudah diterima warga", role: "MANAJER" as Role };

describe("CASE_STATUSES and labels", () => {
  it("lists the seven statuses in lifecycle order", () => {
    expect(CASE_STATUSES).toEqual(["BARU", "ASESMEN", "DIRUJUK", "DALAM_PENANGANAN", "SELESAI", "DITUTUP", "DIBATALKAN"]);
  });
  it("has an Indonesian label for each", () => {
    expect(CASE_STATUS_LABELS).toEqual({
      BARU: "Baru",
      ASESMEN: "Asesmen",
      DIRUJUK: "Dirujuk",
      DALAM_PENANGANAN: "Dalam penanganan",
      SELESAI: "Selesai",
      DITUTUP: "Ditutup",
      DIBATALKAN: "Dibatalkan",
    });
  });
  it("recognises status strings from untrusted input", () => {
    expect(isCaseStatus("SELESAI")).toBe(true);
    expect(isCaseStatus("selesai")).toBe(false);
    expect(isCaseStatus("HAPUS")).toBe(false);
    expect(isCaseStatus(undefined)).toBe(false);
  });
});

describe("transition table (7×7)", () => {
  for (const from of CASE_STATUSES) {
    CASE_STATUSES.forEach((to, i) => {
      const allowed = MATRIX[from][i] === "x";
      it(`${from} → ${to} is ${allowed ? "allowed" : "denied"}`, () => {
        const result = checkTransition(from, to, GOOD);
        if (allowed) expect(result).toEqual({ ok: true });
        else expect(result).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
      });
    });
  }

  it("allowedTransitions agrees with the table", () => {
    for (const from of CASE_STATUSES) {
      const expected = CASE_STATUSES.filter((_, i) => MATRIX[from][i] === "x");
      expect(allowedTransitions(from)).toEqual(expected);
    }
  });

  it("explains a denied move in Indonesian with both labels", () => {
    const result = checkTransition("BARU", "SELESAI", GOOD);
    expect(result).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
      message: "Status kasus tidak dapat diubah dari Baru ke Selesai.",
    });
  });

  it("says a terminal case can no longer change", () => {
    const result = checkTransition("DITUTUP", "DALAM_PENANGANAN", GOOD);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe("Kasus berstatus Ditutup tidak dapat diubah lagi.");
  });

  it("allowedTransitions returns a fresh array callers may sort", () => {
    const list = allowedTransitions("ASESMEN");
    list.pop();
    expect(allowedTransitions("ASESMEN")).toHaveLength(4);
  });
});

describe("note rules", () => {
  const cases: Array<[TCaseStatus, TCaseStatus, string]> = [
    ["BARU", "DIBATALKAN", "Tuliskan alasan pembatalan (minimal 5 karakter)."],
    ["ASESMEN", "DIBATALKAN", "Tuliskan alasan pembatalan (minimal 5 karakter)."],
    ["ASESMEN", "SELESAI", "Tuliskan penyelesaian kasus (minimal 5 karakter)."],
    ["DALAM_PENANGANAN", "SELESAI", "Tuliskan penyelesaian kasus (minimal 5 karakter)."],
    ["SELESAI", "DALAM_PENANGANAN", "Tuliskan alasan kasus dibuka kembali (minimal 5 karakter)."],
  ];
  for (const [from, to, message] of cases) {
    it(`${from} → ${to} needs a note of at least 5 characters`, () => {
      expect(checkTransition(from, to, { role: "MANAJER" })).toEqual({ ok: false, code: "NOTE_REQUIRED", message });
      expect(checkTransition(from, to, { role: "MANAJER", note: "" })).toMatchObject({ code: "NOTE_REQUIRED" });
      expect(checkTransition(from, to, { role: "MANAJER", note: "oke" })).toMatchObject({ code: "NOTE_REQUIRED" });
      // Spaces do not count: "   ok   " is two characters of content.
      expect(checkTransition(from, to, { role: "MANAJER", note: "   ok     " })).toMatchObject({ code: "NOTE_REQUIRED" });
      expect(checkTransition(from, to, { role: "MANAJER", note: "batal" })).toEqual({ ok: true });
    });
  }

  it("other moves need no note", () => {
    expect(checkTransition("BARU", "ASESMEN", { role: "FRONT_OFFICE" })).toEqual({ ok: true });
    expect(checkTransition("ASESMEN", "DIRUJUK", { role: "BACK_OFFICE" })).toEqual({ ok: true });
    expect(checkTransition("DIRUJUK", "ASESMEN", { role: "BACK_OFFICE" })).toEqual({ ok: true });
    expect(checkTransition("DIRUJUK", "DALAM_PENANGANAN", { role: "FASILITATOR" })).toEqual({ ok: true });
    expect(checkTransition("SELESAI", "DITUTUP", { role: "KOORDINATOR" })).toEqual({ ok: true });
  });
});

describe("role rules", () => {
  const CLOSERS: Role[] = ["KOORDINATOR", "MANAJER", "SUPERVISOR", "DINSOS"];
  const CANCELLERS: Role[] = ["FRONT_OFFICE", "BACK_OFFICE", "KOORDINATOR", "MANAJER", "SUPERVISOR"];

  for (const role of ROLES) {
    const mayClose = CLOSERS.includes(role);
    it(`${role} ${mayClose ? "may" : "may not"} close a case`, () => {
      const result = checkTransition("SELESAI", "DITUTUP", { role, note: GOOD.note });
      if (mayClose) expect(result).toEqual({ ok: true });
      else
        expect(result).toEqual({
          ok: false,
          code: "ROLE",
          message: "Hanya koordinator, manajer, supervisor, atau Dinsos yang dapat menutup kasus.",
        });
    });

    const mayCancel = CANCELLERS.includes(role);
    it(`${role} ${mayCancel ? "may" : "may not"} cancel a case`, () => {
      const result = checkTransition("ASESMEN", "DIBATALKAN", { role, note: GOOD.note });
      if (mayCancel) expect(result).toEqual({ ok: true });
      else
        expect(result).toEqual({
          ok: false,
          code: "ROLE",
          message: "Hanya front office, back office, koordinator, manajer, atau supervisor yang dapat membatalkan kasus.",
        });
    });
  }

  it("does not restrict other moves by role (the caller checks case:update)", () => {
    for (const role of ROLES) {
      expect(checkTransition("ASESMEN", "SELESAI", { role, note: GOOD.note })).toEqual({ ok: true });
      expect(checkTransition("SELESAI", "DALAM_PENANGANAN", { role, note: GOOD.note })).toEqual({ ok: true });
    }
  });

  it("reports the role before the missing note: a note would not help", () => {
    expect(checkTransition("BARU", "DIBATALKAN", { role: "PSM" })).toMatchObject({ code: "ROLE" });
  });

  it("reports a forbidden move before the role", () => {
    expect(checkTransition("DITUTUP", "DIBATALKAN", { role: "PSM" })).toMatchObject({ code: "NOT_ALLOWED" });
  });
});

describe("isOpenStatus", () => {
  it("is true until the case is finished, closed or cancelled", () => {
    const open = CASE_STATUSES.filter(isOpenStatus);
    expect(open).toEqual(["BARU", "ASESMEN", "DIRUJUK", "DALAM_PENANGANAN"]);
  });
});

describe("action labels for buttons", () => {
  it("names each target status", () => {
    expect(TRANSITION_ACTION_LABELS).toMatchObject({
      ASESMEN: "Mulai asesmen",
      DIRUJUK: "Catat dirujuk",
      DALAM_PENANGANAN: "Mulai penanganan",
      SELESAI: "Tandai selesai",
      DITUTUP: "Tutup kasus",
      DIBATALKAN: "Batalkan",
      REOPEN: "Buka kembali",
    });
  });
  it("picks the label for a move", () => {
    expect(transitionActionLabel("BARU", "ASESMEN")).toBe("Mulai asesmen");
    expect(transitionActionLabel("ASESMEN", "DALAM_PENANGANAN")).toBe("Mulai penanganan");
    expect(transitionActionLabel("SELESAI", "DALAM_PENANGANAN")).toBe("Buka kembali");
    expect(transitionActionLabel("DIRUJUK", "ASESMEN")).toBe("Asesmen ulang");
    expect(transitionActionLabel("SELESAI", "DITUTUP")).toBe("Tutup kasus");
  });
});
