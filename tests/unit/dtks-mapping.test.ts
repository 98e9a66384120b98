import { describe, expect, it } from "vitest";
import { describeMapping, mapHeaders, normalizeHeader } from "@/lib/dtks/headers";
import { sniffCsv } from "@/lib/dtks/readers";
import { normalizeRegionCode, parseDate, validateRow } from "@/lib/dtks/validate-row";

describe("DTKS header mapping", () => {
  it("recognises the common spellings", () => {
    const m = mapHeaders(["No. NIK", "NOMOR_KK", "Nama Lengkap", "TGL_LAHIR", "ALAMAT", "RT", "RW", "KODE_WILAYAH", "DESIL", "PKH", "Sembako", "PBI-JK", "Catatan"]);
    expect(m.fields).toMatchObject({ nik: 0, noKk: 1, name: 2, birthDate: 3, address: 4, rt: 5, rw: 6, regionCode: 7, desil: 8 });
    expect(m.programs).toMatchObject({ PKH: 9, BPNT: 10, PBI: 11 });
    expect(m.unmapped).toEqual(["Catatan"]);
    expect(m.missing).toEqual([]);
  });
  it("maps NIK/NO_NIK, NOKK/NO_KK and separate region codes; reports missing required fields", () => {
    expect(mapHeaders(["NIK", "NOKK", "NAMA"]).fields).toMatchObject({ nik: 0, noKk: 1, name: 2 });
    expect(mapHeaders(["kode prov", "kode kab", "kode kec", "kode desa"]).fields).toMatchObject({ provinceCode: 0, kabupatenCode: 1, kecamatanCode: 2, desaCode: 3 });
    expect(mapHeaders(["NO_KK", "DESIL"]).missing).toEqual(["nik", "name"]);
  });
  it("a user's mapping wins and round-trips through describeMapping", () => {
    const headers = ["ID PENDUDUK", "NAMA", "KET"];
    const m = mapHeaders(headers, { nik: "ID PENDUDUK", status: "KET" });
    expect(m.fields).toMatchObject({ nik: 0, name: 1, status: 2 });
    expect(describeMapping(headers, m)).toEqual({ nik: "ID PENDUDUK", name: "NAMA", status: "KET" });
  });
  it("normalises headers", () => expect(normalizeHeader("\uFEFF no. kk ")).toBe("NO_KK"));
});

describe("DTKS row validation", () => {
  const m = mapHeaders(["NIK", "NO_KK", "NAMA", "TGL_LAHIR", "KODE_WILAYAH", "DESIL", "PKH", "BPNT"]);
  const ctx = { districtCode: "35.77", batchRegionCode: "35.77", knownRegions: new Set(["35.77", "35.77.01", "35.77.01.1001"]), today: new Date(2026, 0, 1) };
  const good = ["3577014501900001", "3577010101150001", "Siti Aminah", "05-01-1990", "3577011001", "3", "1", "0"];
  it("accepts a good row and shapes it", () => {
    const r = validateRow(good, m, ctx);
    expect(r).toMatchObject({ ok: true, row: { nik: "3577014501900001", regionCode: "35.77.01.1001", kecamatanCode: "35.77.01", birthDate: "1990-01-05", sex: "P", desil: 3, programs: ["PKH"], nameNormalized: "siti aminah" } });
  });
  it.each([
    [0, "357701450190001", /16 digit/],
    [0, "3577013501900001", /Tanggal lahir di dalam NIK/],
    [1, "3577010101150000", /Nomor KK/],
    [2, "", /Nama kosong/],
    [4, "3577099001", /tidak dikenal/],
    [5, "0", /Desil/],
    [3, "31/02/1990", /Tanggal lahir/],
  ])("rejects column %i = %s with a reason", (col, value, reason) => {
    const cells = [...good];
    cells[col] = value;
    const r = validateRow(cells, m, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it("a minimal row (NIK, KK, name, desil) takes the KK's kecamatan as its region", () => {
    const mm = mapHeaders(["NIK", "NO_KK", "NAMA", "DESIL"]);
    const r = validateRow(["3577014501900001", "3577010101150001", "Siti", "2"], mm, ctx);
    expect(r).toMatchObject({ ok: true, row: { regionCode: "35.77.01", birthDate: "1990-01-05" } });
  });
  it("reads codes, dates and CSV dialects", () => {
    expect(normalizeRegionCode("35.77.01.1001")).toBe("35.77.01.1001");
    expect(normalizeRegionCode("357701")).toBe("35.77.01");
    expect(parseDate("1990-1-5")).toBe("1990-01-05");
    expect(parseDate("19900105")).toBe("1990-01-05");
    expect(parseDate("29-02-2023")).toBeUndefined();
    expect(sniffCsv(Buffer.from("NIK;NAMA;ALAMAT\n1;2;3"))).toEqual({ encoding: "utf8", delimiter: ";" });
    expect(sniffCsv(Buffer.from([0x4e, 0x41, 0x4d, 0x41, 0x2c, 0x58, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x31]))).toEqual({ encoding: "win1252", delimiter: "," });
  });
});
