import { describe, expect, it } from "vitest";
import { formatTicketNumber, parseTicketNumber } from "@/lib/cases/ticket.ts";

describe("formatTicketNumber", () => {
  it("drops the dots of the office code and pads the sequence to 5 digits", () => {
    expect(formatTicketNumber("PKS-35.77.01.1001", 2026, 42)).toBe("PKS-3577011001-2026-00042");
  });
  it("upper-cases the office code", () => {
    expect(formatTicketNumber("pks-35.77.01.1001", 2026, 1)).toBe("PKS-3577011001-2026-00001");
    expect(formatTicketNumber("slrt-35.77", 2027, 99999)).toBe("SLRT-3577-2027-99999");
  });
  it("accepts the first and last sequence numbers", () => {
    expect(formatTicketNumber("PKS-1", 2026, 1)).toBe("PKS-1-2026-00001");
    expect(formatTicketNumber("PKS-1", 2026, 99999)).toBe("PKS-1-2026-99999");
  });
  it("throws when the sequence is outside 1..99999 or not a whole number", () => {
    for (const seq of [0, -1, 100000, 1.5, Number.NaN]) {
      expect(() => formatTicketNumber("PKS-1", 2026, seq)).toThrow(/nomor urut/i);
    }
  });
  it("throws on a year that is not four digits", () => {
    for (const year of [26, 20260, 2026.5]) {
      expect(() => formatTicketNumber("PKS-1", year, 1)).toThrow(/tahun/i);
    }
  });
  it("throws on an office code that would make the number unreadable", () => {
    for (const code of ["", "...", "PKS 01", "PKS--01", "-PKS", "PKS/01"]) {
      expect(() => formatTicketNumber(code, 2026, 1)).toThrow(/kode kantor/i);
    }
  });
});

describe("parseTicketNumber", () => {
  it("reads a number back", () => {
    expect(parseTicketNumber("PKS-3577011001-2026-00042")).toEqual({
      officeCode: "PKS-3577011001",
      year: 2026,
      seq: 42,
    });
  });
  it("is case-insensitive and trims spaces", () => {
    expect(parseTicketNumber("  pks-3577011001-2026-00042 \n")).toEqual({
      officeCode: "PKS-3577011001",
      year: 2026,
      seq: 42,
    });
  });
  it("round-trips what formatTicketNumber makes", () => {
    const s = formatTicketNumber("SLRT-35.77", 2031, 12345);
    expect(parseTicketNumber(s)).toEqual({ officeCode: "SLRT-3577", year: 2031, seq: 12345 });
  });
  it("returns null for anything else", () => {
    for (const s of [
      "",
      "   ",
      "PKS-3577011001-2026-42", // sequence not padded
      "PKS-3577011001-2026-000042", // six digits
      "PKS-3577011001-2026-00000", // sequence 0 is never issued
      "PKS-3577011001-26-00042", // two-digit year
      "3577011001202600042", // no separators
      "-2026-00042", // no office code
      "PKS 3577011001-2026-00042", // space inside
      "PKS-35.77.01.1001-2026-00042", // dots are removed when formatting
    ]) {
      expect(parseTicketNumber(s), s).toBeNull();
    }
  });
});
