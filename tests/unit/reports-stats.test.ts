import { describe, expect, it } from "vitest";
import { csvRow, effectiveRegion, formatHours, formatShare, monthRange, neutralizeCell, percentile, withinDeadlineShare } from "@/lib/reports/stats";

describe("percentile (nearest rank, = PostgreSQL percentile_disc)", () => {
  it("median of an even count is the lower middle value, never an average", () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2);
  });
  it("p90 of ten values is the 9th smallest; of 11 values the 10th", () => {
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(ten, 0.9)).toBe(90);
    expect(percentile([...ten, 110], 0.9)).toBe(100);
  });
  it("one value is every percentile; no values give null", () => {
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
  it("p = 1 is the maximum; p outside (0, 1] is refused", () => {
    expect(percentile([3, 9, 1], 1)).toBe(9);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe("withinDeadlineShare", () => {
  const due = new Date("2026-11-10T00:00:00Z");
  it("counts completions at or before the due instant over completed items only", () => {
    expect(
      withinDeadlineShare([
        { completedAt: new Date("2026-11-09T00:00:00Z"), dueAt: due },
        { completedAt: due, dueAt: due },
        { completedAt: new Date("2026-11-10T00:00:01Z"), dueAt: due },
        { completedAt: null, dueAt: due },
      ]),
    ).toBeCloseTo(2 / 3, 12);
  });
  it("is null (not 0) when nothing is completed", () => {
    expect(withinDeadlineShare([{ completedAt: null, dueAt: due }])).toBeNull();
  });
});

describe("formatting", () => {
  it("shows shares and hours the Indonesian way", () => {
    expect(formatShare(2 / 3)).toBe("66,7 %");
    expect(formatShare(null)).toBe("–");
    expect(formatHours(36 * 3600 + 1800)).toBe("36,5 jam");
  });
});

describe("formula injection", () => {
  it("prefixes text starting with = + - @ with an apostrophe and leaves numbers alone", () => {
    expect(neutralizeCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(neutralizeCell("+62 812")).toBe("'+62 812");
    expect(neutralizeCell("-1")).toBe("'-1");
    expect(neutralizeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeCell("Kartoharjo")).toBe("Kartoharjo");
    expect(neutralizeCell(-5)).toBe(-5);
  });
  it("writes RFC 4180 CSV lines", () => {
    expect(csvRow(["a,b", 'say "hi"', 3, null, "=1+1"])).toBe('"a,b","say ""hi""",3,,\'=1+1\r\n');
  });
});

describe("report filters", () => {
  it("a month is its WIB calendar month", () => {
    expect(monthRange("2026-12")).toEqual({ from: new Date("2026-11-30T17:00:00Z"), to: new Date("2026-12-31T17:00:00Z") });
    expect(monthRange("2026-13")).toBeNull();
  });
  it("a region filter can narrow the viewer's scope but never widen it", () => {
    expect(effectiveRegion("35.77", "35.77.01")).toBe("35.77.01");
    expect(effectiveRegion("35.77.01.1001", "35.77.01")).toBe("35.77.01.1001");
    expect(effectiveRegion("35.77.01.1001", "35.77.02.1001")).toBeNull();
    expect(effectiveRegion("35.77.01.1001", null)).toBe("35.77.01.1001");
  });
});
