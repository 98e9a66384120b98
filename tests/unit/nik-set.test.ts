import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NikSet } from "@/lib/dtks/nik-set";

describe("NikSet", () => {
  it("answers 0 for a new NIK and the first row for a repeated one", () => {
    const s = new NikSet(4);
    expect(s.addOrGet("3509015305830001", 1)).toBe(0);
    expect(s.addOrGet("3509015305830002", 2)).toBe(0);
    expect(s.addOrGet("3509015305830001", 7)).toBe(1);
    expect(s.addOrGet("3509015305830001", 9)).toBe(1);
    expect(s.count).toBe(2);
  });

  it("agrees with a Map through growth and reserve, for NIKs that differ only in one half", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { maxLength: 400 }), fc.nat(300), fc.nat(500), (pairs, reserveAt, reserveCount) => {
        const s = new NikSet(2);
        const m = new Map<string, number>();
        pairs.forEach(([a, b], i) => {
          if (i === reserveAt) s.reserve(reserveCount); // sized midway, as the import does after its first chunk
          const nik = `350901${String(a).padStart(2, "0")}` + `0590${String(b).padStart(4, "0")}`;
          const row = i + 1;
          expect(s.addOrGet(nik, row)).toBe(m.get(nik) ?? 0);
          if (!m.has(nik)) m.set(nik, row);
        });
        expect(s.count).toBe(m.size);
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });
});
