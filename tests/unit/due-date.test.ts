import { describe, expect, it } from "vitest";
import { computeDueDate, daysLeft, isOverdue } from "@/lib/cases/due-date.ts";

// All instants are written in UTC; WIB (Asia/Jakarta) is UTC+7 all year, so
// 23:59:59.999 WIB is 16:59:59.999Z the same calendar day.
const utc = (s: string) => new Date(s);

describe("computeDueDate: working days", () => {
  it("Friday 16:00 WIB + 3 working days is due end of Wednesday WIB", () => {
    const friday = utc("2026-11-20T09:00:00Z"); // Fri 20 Nov 2026, 16:00 WIB
    expect(computeDueDate(friday, 3, { workingDays: true }).toISOString()).toBe("2026-11-25T16:59:59.999Z");
  });

  it("skips a listed holiday", () => {
    const thursday = utc("2026-12-24T03:00:00Z"); // Thu 24 Dec, 10:00 WIB; Fri 25 Dec is Natal
    const due = computeDueDate(thursday, 1, { workingDays: true, holidays: ["2026-12-25"] });
    expect(due.toISOString()).toBe("2026-12-28T16:59:59.999Z"); // Monday
    // Without the holiday list the Friday counts.
    expect(computeDueDate(thursday, 1, { workingDays: true }).toISOString()).toBe("2026-12-25T16:59:59.999Z");
  });

  it("counts from the WIB day, not the UTC day", () => {
    // 18:00Z Friday is already Saturday 01:00 WIB.
    const lateFridayUtc = utc("2026-11-20T18:00:00Z");
    expect(computeDueDate(lateFridayUtc, 0).toISOString()).toBe("2026-11-21T16:59:59.999Z"); // end of Saturday WIB
    expect(computeDueDate(lateFridayUtc, 1).toISOString()).toBe("2026-11-22T16:59:59.999Z"); // Sunday
    // Thursday 18:00Z is Friday 01:00 WIB: one working day later is Monday, not Friday.
    const lateThursdayUtc = utc("2026-11-19T18:00:00Z");
    expect(computeDueDate(lateThursdayUtc, 1, { workingDays: true }).toISOString()).toBe("2026-11-23T16:59:59.999Z");
  });

  it("a start just before WIB midnight stays on that day", () => {
    const lateWib = utc("2026-11-20T16:59:00Z"); // Fri 23:59 WIB
    expect(computeDueDate(lateWib, 0).toISOString()).toBe("2026-11-20T16:59:59.999Z");
  });

  it("0 days is the end of the start day, even on a weekend", () => {
    const saturday = utc("2026-11-21T02:00:00Z");
    expect(computeDueDate(saturday, 0, { workingDays: true }).toISOString()).toBe("2026-11-21T16:59:59.999Z");
  });

  it("crosses a month and a year", () => {
    const start = utc("2026-12-30T02:00:00Z"); // Wed 30 Dec
    const due = computeDueDate(start, 3, { workingDays: true, holidays: ["2027-01-01"] });
    expect(due.toISOString()).toBe("2027-01-05T16:59:59.999Z"); // Thu 31, (Fri 1 holiday), Mon 4, Tue 5
  });
});

describe("computeDueDate: calendar days and other zones", () => {
  it("counts weekends and ignores holidays when workingDays is off (the default)", () => {
    const friday = utc("2026-11-20T09:00:00Z");
    expect(computeDueDate(friday, 3).toISOString()).toBe("2026-11-23T16:59:59.999Z");
    expect(computeDueDate(friday, 3, { holidays: ["2026-11-21"] }).toISOString()).toBe("2026-11-23T16:59:59.999Z");
  });

  it("uses the office's zone when given (WITA, UTC+8)", () => {
    const start = utc("2026-11-20T15:30:00Z"); // Fri 22:30 WIB, 23:30 WITA
    expect(computeDueDate(start, 0, { timeZone: "Asia/Makassar" }).toISOString()).toBe("2026-11-20T15:59:59.999Z");
    const later = utc("2026-11-20T16:30:00Z"); // 23:30 WIB Friday, but 00:30 WITA Saturday
    expect(computeDueDate(later, 0, { timeZone: "Asia/Makassar" }).toISOString()).toBe("2026-11-21T15:59:59.999Z");
    expect(computeDueDate(later, 0).toISOString()).toBe("2026-11-20T16:59:59.999Z");
  });

  it("rejects a negative or fractional number of days and a malformed holiday", () => {
    const start = utc("2026-11-20T09:00:00Z");
    expect(() => computeDueDate(start, -1)).toThrow();
    expect(() => computeDueDate(start, 1.5)).toThrow();
    expect(() => computeDueDate(start, 1, { workingDays: true, holidays: ["25-12-2026"] })).toThrow(/libur/i);
    expect(() => computeDueDate(new Date("x"), 1)).toThrow();
  });
});

describe("isOverdue", () => {
  const due = utc("2026-11-25T16:59:59.999Z");
  it("is false without a due date", () => {
    expect(isOverdue(null, utc("2030-01-01T00:00:00Z"), "ASESMEN")).toBe(false);
  });
  it("is true only after the due instant", () => {
    expect(isOverdue(due, utc("2026-11-25T16:59:59.999Z"), "ASESMEN")).toBe(false);
    expect(isOverdue(due, utc("2026-11-25T17:00:00Z"), "ASESMEN")).toBe(true);
  });
  it("is false for finished, closed and cancelled cases", () => {
    const late = utc("2026-12-31T00:00:00Z");
    expect(isOverdue(due, late, "BARU")).toBe(true);
    expect(isOverdue(due, late, "DIRUJUK")).toBe(true);
    expect(isOverdue(due, late, "DALAM_PENANGANAN")).toBe(true);
    expect(isOverdue(due, late, "SELESAI")).toBe(false);
    expect(isOverdue(due, late, "DITUTUP")).toBe(false);
    expect(isOverdue(due, late, "DIBATALKAN")).toBe(false);
  });
});

describe("daysLeft", () => {
  const due = utc("2026-11-25T16:59:59.999Z"); // end of Wed 25 Nov WIB
  it("counts calendar days between the WIB dates", () => {
    expect(daysLeft(due, utc("2026-11-20T09:00:00Z"))).toBe(5);
    expect(daysLeft(due, utc("2026-11-25T00:00:00Z"), "Asia/Jakarta")).toBe(0); // due today
    expect(daysLeft(due, utc("2026-11-26T03:00:00Z"))).toBe(-1);
    expect(daysLeft(due, utc("2026-12-05T03:00:00Z"))).toBe(-10);
  });
  it("switches day at WIB midnight, not UTC midnight", () => {
    expect(daysLeft(due, utc("2026-11-24T16:59:00Z"))).toBe(1); // Tue 23:59 WIB
    expect(daysLeft(due, utc("2026-11-24T17:00:00Z"))).toBe(0); // Wed 00:00 WIB
    expect(daysLeft(due, utc("2026-11-25T17:00:00Z"))).toBe(-1); // Thu 00:00 WIB: overdue by a day
  });
  it("uses another zone when given", () => {
    // In WITA the due instant is Thu 00:59:59 and "now" Wed 00:30, so one day left.
    expect(daysLeft(due, utc("2026-11-24T16:30:00Z"), "Asia/Makassar")).toBe(1);
  });
});
