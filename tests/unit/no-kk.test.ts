import { afterEach, describe, expect, it, vi } from "vitest";
import { parseNoKk, type TNoKkInfo } from "@/lib/households/no-kk.ts";

// A fixed "today" so the two-digit-year rule is deterministic: 23 November 2026 (local time).
const TODAY = new Date(2026, 10, 23);

function ok(input: string, opts: Parameters<typeof parseNoKk>[1] = { today: TODAY }): TNoKkInfo {
  const result = parseNoKk(input, opts);
  if (!result.ok) throw new Error(`expected ${input} to parse, got ${result.code}: ${result.message}`);
  return result.value;
}

function fail(input: string, opts: Parameters<typeof parseNoKk>[1] = { today: TODAY }) {
  const result = parseNoKk(input, opts);
  if (result.ok) throw new Error(`expected ${input} to be rejected, got ${JSON.stringify(result.value)}`);
  return result;
}

describe("parseNoKk: valid numbers", () => {
  it("reads the issuing area, recording date and serial", () => {
    expect(ok("3577012301150003")).toEqual({
      noKk: "3577012301150003",
      regionPrefix: "357701",
      provinceCode: "35",
      kabupatenCode: "35.77",
      kecamatanCode: "35.77.01",
      issuedDate: "2015-01-23",
      serial: "0003",
    });
  });

  it("accepts spaces, dots and dashes", () => {
    expect(ok("3577 0123 0115 0003").noKk).toBe("3577012301150003");
    expect(ok("3577-0123-0115-0003").noKk).toBe("3577012301150003");
    expect(ok("35.77.01.230115.0003").noKk).toBe("3577012301150003");
  });
});

describe("parseNoKk: shape errors speak of the Nomor KK", () => {
  it("rejects empty input", () => {
    expect(fail(" ")).toMatchObject({ code: "EMPTY", message: "Nomor KK wajib diisi." });
  });
  it("rejects letters", () => {
    const result = fail("35770123O1150003");
    expect(result.code).toBe("NOT_DIGITS");
    expect(result.message).toMatch(/^Nomor KK hanya boleh berisi angka/);
  });
  it("rejects 15 and 17 digits", () => {
    expect(fail("357701230115000")).toMatchObject({ code: "WRONG_LENGTH", message: "Nomor KK harus 16 digit (sekarang 15 digit)." });
    expect(fail("35770123011500031")).toMatchObject({ code: "WRONG_LENGTH", message: "Nomor KK harus 16 digit (sekarang 17 digit)." });
  });
});

describe("parseNoKk: region", () => {
  it.each(["0077012301150003", "9977012301150003", "3500012301150003", "3577002301150003"])("rejects %s", (noKk) => {
    const result = fail(noKk);
    expect(result.code).toBe("BAD_REGION");
    expect(result.message).toMatch(/^6 digit pertama Nomor KK bukan kode wilayah yang sah/);
  });
  it("checks knownProvinceCodes when given", () => {
    const known = new Set(["35"]);
    expect(ok("3577012301150003", { today: TODAY, knownProvinceCodes: known }).kabupatenCode).toBe("35.77");
    expect(fail("3377012301150003", { today: TODAY, knownProvinceCodes: known }).code).toBe("BAD_REGION");
  });
});

describe("parseNoKk: recording date", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ["day 00", "3577010001150003"],
    ["day 32", "3577013201150003"],
    ["day 41: no +40 rule on a KK", "3577014101150003"],
    ["month 13", "3577012313150003"],
    ["31 February", "3577013102150003"],
    ["29 February 2015", "3577012902150003"],
  ])("rejects %s", (_label, noKk) => {
    const result = fail(noKk);
    expect(result.code).toBe("BAD_DATE");
    expect(result.message).toMatch(/^Tanggal di dalam Nomor KK tidak mungkin \(.+\)\.$/);
  });

  it("accepts 29 February in a leap year", () => {
    expect(ok("3577012902160003").issuedDate).toBe("2016-02-29");
  });

  it("takes 20YY when that date is not after today, else 19YY", () => {
    expect(ok("3577010101250003").issuedDate).toBe("2025-01-01");
    expect(ok("3577010101300003").issuedDate).toBe("1930-01-01");
    expect(ok("3577010112260003").issuedDate).toBe("1926-12-01");
    expect(ok("3577012311260003").issuedDate).toBe("2026-11-23");
  });

  it("uses the current date when no today is given", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 23, 12));
    expect(ok("3577010112260003", {}).issuedDate).toBe("1926-12-01");
    expect(ok("3577010101250003", undefined).issuedDate).toBe("2025-01-01");
  });
});

describe("parseNoKk: serial", () => {
  it("rejects 0000", () => {
    expect(fail("3577012301150000")).toMatchObject({ code: "BAD_SERIAL", message: "4 digit terakhir Nomor KK tidak boleh 0000." });
  });
});
