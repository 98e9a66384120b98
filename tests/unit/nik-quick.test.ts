import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNoKk } from "@/lib/households/no-kk";
import { parseNik, quickIdDate } from "@/lib/households/nik";

const today = new Date(2026, 10, 23);
/** Realistic-looking numbers (valid region, day, month) mixed with arbitrary digit strings. */
const digits16 = fc.oneof(
  fc.stringMatching(/^[0-9]{16}$/),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
    .map((parts) => parts.map((p, i) => String(p).padStart(i === 6 ? 4 : 2, "0")).join("")),
);

describe("quickIdDate (the import's fast path) agrees with parseNik and parseNoKk", () => {
  it("on the same numbers: valid or not, birth/recording date and sex", () => {
    fc.assert(
      fc.property(digits16, (n) => {
        const nik = parseNik(n, { today });
        const quickNik = quickIdDate(n, true, today);
        expect(quickNik !== null).toBe(nik.ok);
        if (nik.ok && quickNik) expect(quickNik).toEqual({ iso: nik.value.birthDate, sex: nik.value.sex });
        const kk = parseNoKk(n, { today });
        const quickKk = quickIdDate(n, false, today);
        expect(quickKk !== null).toBe(kk.ok);
        if (kk.ok && quickKk) expect(quickKk.iso).toBe(kk.value.issuedDate);
      }),
      { seed: 20261123, numRuns: 5000 },
    );
  });

  it("on the edges: 29 February, day 41 = a woman's 1st, serial 0000, future dates roll back a century", () => {
    expect(quickIdDate("3509016902000001", true, today)).toEqual({ iso: "2000-02-29", sex: "P" });
    expect(quickIdDate("3509012902010001", true, today)).toBeNull();
    expect(quickIdDate("3509014101900000", true, today)).toBeNull();
    expect(quickIdDate("3509010112300001", true, today)).toEqual({ iso: "1930-12-01", sex: "L" });
    expect(quickIdDate("35090141019000x1", true, today)).toBeNull();
  });
});
