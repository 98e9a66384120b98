import { afterEach, describe, expect, it, vi } from "vitest";
import { checkNikAgainstPerson, maskNik, normalizeIdNumber, parseNik, type TNikInfo } from "@/lib/households/nik.ts";

// A fixed "today" so the two-digit-year rule is deterministic: 23 November 2026 (local time).
const TODAY = new Date(2026, 10, 23);

/** Parse and insist on success, so a failing parse shows its message instead of a type error. */
function ok(input: string, opts: Parameters<typeof parseNik>[1] = { today: TODAY }): TNikInfo {
  const result = parseNik(input, opts);
  if (!result.ok) throw new Error(`expected ${input} to parse, got ${result.code}: ${result.message}`);
  return result.value;
}

function fail(input: string, opts: Parameters<typeof parseNik>[1] = { today: TODAY }) {
  const result = parseNik(input, opts);
  if (result.ok) throw new Error(`expected ${input} to be rejected, got ${JSON.stringify(result.value)}`);
  return result;
}

describe("normalizeIdNumber", () => {
  it("strips spaces, dots and dashes people type or paste", () => {
    expect(normalizeIdNumber("3577 0145 0685 0001")).toBe("3577014506850001");
    expect(normalizeIdNumber(" 35.77.01-450685-0001 ")).toBe("3577014506850001");
    expect(normalizeIdNumber("3577\u00a0014506850001")).toBe("3577014506850001");
    expect(normalizeIdNumber("3577–0145–0685–0001")).toBe("3577014506850001");
  });
  it("leaves letters in place so the parser can complain about them", () => {
    expect(normalizeIdNumber("3577 O145")).toBe("3577O145");
  });
});

describe("parseNik: valid numbers", () => {
  it("reads a man's NIK", () => {
    expect(ok("3577010506850001")).toEqual({
      nik: "3577010506850001",
      regionPrefix: "357701",
      provinceCode: "35",
      kabupatenCode: "35.77",
      kecamatanCode: "35.77.01",
      birthDate: "1985-06-05",
      sex: "L",
      serial: "0001",
    });
  });

  it("reads a woman's NIK: the day has 40 added", () => {
    const info = ok("3577014506850001");
    expect(info.birthDate).toBe("1985-06-05");
    expect(info.sex).toBe("P");
    expect(info.serial).toBe("0001");
  });

  it("accepts the edges of both day ranges", () => {
    expect(ok("3577010101900002")).toMatchObject({ birthDate: "1990-01-01", sex: "L" });
    expect(ok("3577013101900002")).toMatchObject({ birthDate: "1990-01-31", sex: "L" });
    expect(ok("3577014101900002")).toMatchObject({ birthDate: "1990-01-01", sex: "P" });
    expect(ok("3577017101900002")).toMatchObject({ birthDate: "1990-01-31", sex: "P" });
  });

  it("accepts spaces, dots and dashes and returns the bare 16 digits", () => {
    expect(ok("3577 0145 0685 0001").nik).toBe("3577014506850001");
    expect(ok("3577-0145-0685-0001").nik).toBe("3577014506850001");
    expect(ok("35.77.01.450685.0001").nik).toBe("3577014506850001");
  });

  it("accepts the lowest and highest province codes", () => {
    expect(ok("1101010101900001").provinceCode).toBe("11");
    expect(ok("9601010101900001").provinceCode).toBe("96");
  });
});

describe("parseNik: shape errors", () => {
  it("rejects empty and blank input", () => {
    expect(fail("").code).toBe("EMPTY");
    expect(fail("  - . ").code).toBe("EMPTY");
    expect(fail("").message).toBe("NIK wajib diisi.");
  });

  it("rejects letters, naming the offending character", () => {
    const result = fail("3577O14506850001");
    expect(result.code).toBe("NOT_DIGITS");
    expect(result.message).toMatch(/^NIK hanya boleh berisi angka/);
    expect(result.message).toContain('"O"');
  });

  it("rejects 15 and 17 digits, saying how many were typed", () => {
    expect(fail("357701450685000")).toMatchObject({ code: "WRONG_LENGTH", message: "NIK harus 16 digit (sekarang 15 digit)." });
    expect(fail("35770145068500011")).toMatchObject({ code: "WRONG_LENGTH", message: "NIK harus 16 digit (sekarang 17 digit)." });
  });

  it("counts digits after stripping separators", () => {
    expect(fail("3577 0145 0685 001").message).toBe("NIK harus 16 digit (sekarang 15 digit).");
  });
});

describe("parseNik: region", () => {
  it.each(["0077010506850001", "1077010506850001", "9777010506850001", "9977010506850001"])("rejects province of %s", (nik) => {
    const result = fail(nik);
    expect(result.code).toBe("BAD_REGION");
    expect(result.message).toMatch(/^6 digit pertama NIK bukan kode wilayah yang sah/);
  });

  it("rejects kabupaten 00 and kecamatan 00", () => {
    expect(fail("3500010506850001").code).toBe("BAD_REGION");
    expect(fail("3500010506850001").message).toContain("kabupaten/kota");
    expect(fail("3577000506850001").code).toBe("BAD_REGION");
    expect(fail("3577000506850001").message).toContain("kecamatan");
  });

  it("checks knownProvinceCodes when given", () => {
    const known = new Set(["35", "33"]);
    expect(ok("3577010506850001", { today: TODAY, knownProvinceCodes: known }).provinceCode).toBe("35");
    const result = fail("1977010506850001", { today: TODAY, knownProvinceCodes: known });
    expect(result.code).toBe("BAD_REGION");
    expect(result.message).toContain("19");
    // Without the list, 19 is inside 11..96 and accepted.
    expect(ok("1977010506850001").provinceCode).toBe("19");
  });
});

describe("parseNik: birth date", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ["day 00", "3577010006850001"],
    ["day 32", "3577013206850001"],
    ["day 40", "3577014006850001"],
    ["day 72", "3577017206850001"],
    ["month 00", "3577010500850001"],
    ["month 13", "3577010513850001"],
    ["31 February", "3577013102850001"],
    ["31 April (woman)", "3577017104850001"],
  ])("rejects %s", (_label, nik) => {
    const result = fail(nik);
    expect(result.code).toBe("BAD_DATE");
    expect(result.message).toMatch(/^Tanggal lahir di dalam NIK tidak mungkin \(.+\)\.$/);
  });

  it("explains the +40 rule when the day is out of range", () => {
    expect(fail("3577013206850001").message).toContain("41");
  });

  it("accepts 29 February in a leap year and rejects it otherwise", () => {
    expect(ok("3577012902840001").birthDate).toBe("1984-02-29");
    expect(ok("3577016902000001").birthDate).toBe("2000-02-29");
    expect(fail("3577012902850001").code).toBe("BAD_DATE");
    expect(fail("3577012902850001").message).toContain("29-02-1985");
  });

  it("takes 20YY when that date is not after today, else 19YY", () => {
    expect(ok("3577010101250001").birthDate).toBe("2025-01-01");
    expect(ok("3577010101300001").birthDate).toBe("1930-01-01");
    expect(ok("3577010112260001").birthDate).toBe("1926-12-01"); // later this year
    expect(ok("3577012411260001").birthDate).toBe("1926-11-24"); // tomorrow
    expect(ok("3577012311260001").birthDate).toBe("2026-11-23"); // born today
    expect(ok("3577016311260001").birthDate).toBe("2026-11-23");
  });

  it("uses the current date when no today is given", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 23, 12));
    expect(ok("3577010101250001", {}).birthDate).toBe("2025-01-01");
    expect(ok("3577010112260001", {}).birthDate).toBe("1926-12-01");
    expect(ok("3577010112260001", undefined).birthDate).toBe("1926-12-01");
  });

  it("treats an invalid today as a programming error", () => {
    expect(() => parseNik("3577010506850001", { today: new Date("nope") })).toThrow(RangeError);
  });
});

describe("parseNik: serial", () => {
  it("rejects 0000", () => {
    expect(fail("3577010506850000")).toMatchObject({ code: "BAD_SERIAL", message: "4 digit terakhir NIK tidak boleh 0000." });
  });
  it("accepts 9999", () => {
    expect(ok("3577010506859999").serial).toBe("9999");
  });
});

describe("checkNikAgainstPerson", () => {
  const woman = ok("3577014506850001"); // 1985-06-05, P

  it("returns no warnings when birth date and sex agree", () => {
    expect(checkNikAgainstPerson(woman, { birthDate: "1985-06-05", sex: "P" })).toEqual([]);
  });

  it("returns no warnings when nothing is given", () => {
    expect(checkNikAgainstPerson(woman, {})).toEqual([]);
    expect(checkNikAgainstPerson(woman, { birthDate: "" })).toEqual([]);
  });

  it("warns about a different birth date, in day-month-year", () => {
    expect(checkNikAgainstPerson(woman, { birthDate: "1985-05-12" })).toEqual([
      "Tanggal lahir 12-05-1985 tidak sama dengan tanggal di NIK (05-06-1985).",
    ]);
  });

  it("warns about a different sex, naming what the NIK says", () => {
    expect(checkNikAgainstPerson(woman, { sex: "L" })).toEqual(["Jenis kelamin tidak sama dengan NIK (NIK menunjukkan perempuan)."]);
    const man = ok("3577010506850001");
    expect(checkNikAgainstPerson(man, { sex: "P" })).toEqual(["Jenis kelamin tidak sama dengan NIK (NIK menunjukkan laki-laki)."]);
  });

  it("returns both warnings together", () => {
    expect(checkNikAgainstPerson(woman, { birthDate: "1986-06-05", sex: "L" })).toHaveLength(2);
  });

  it("accepts a birth date a century earlier: the NIK only holds two year digits", () => {
    const young = ok("3577010101250001"); // read as 2025-01-01
    expect(checkNikAgainstPerson(young, { birthDate: "1925-01-01" })).toEqual([]);
    expect(checkNikAgainstPerson(young, { birthDate: "1926-01-01" })).toHaveLength(1);
  });

  it("compares only the date part of a timestamp", () => {
    expect(checkNikAgainstPerson(woman, { birthDate: "1985-06-05T00:00:00.000Z" })).toEqual([]);
  });
});

describe("maskNik", () => {
  it("keeps the first 6 and last 2 digits", () => {
    expect(maskNik("3577014506850001")).toBe("357701********01");
    expect(maskNik("3577014506850001")).toHaveLength(16);
  });
  it("normalises before masking", () => {
    expect(maskNik("3577 0145 0685 0001")).toBe("357701********01");
  });
  it("hides everything when the input is too short to keep anything hidden", () => {
    expect(maskNik("35770145")).toBe("********");
  });
});
