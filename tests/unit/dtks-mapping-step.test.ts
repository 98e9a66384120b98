import { describe, expect, it } from "vitest";
import { describeMapping, MAPPING_KEYS, mapHeaders, mappingProblems } from "@/lib/dtks/headers";

// The rules of the import page's column-mapping step: what the user chose wins, "no column" stays no column,
// and the page and the server name the same problems on the same fields.

describe("column-mapping step", () => {
  it("an unusual NIK header is missing until the user picks it; then nothing is wrong", () => {
    const headers = ["NOMOR INDUK", "NO_KK", "NAMA", "DESIL"];
    const auto = mapHeaders(headers);
    expect(mappingProblems(headers, auto)).toEqual({ nik: "Pilih kolom untuk NIK — wajib diisi." });
    const fixed = mapHeaders(headers, { ...describeMapping(headers, auto, { complete: true }), nik: "NOMOR INDUK" });
    expect(fixed.fields).toMatchObject({ nik: 0, noKk: 1, name: 2, desil: 3 });
    expect(mappingProblems(headers, fixed)).toEqual({});
  });

  it("a field set to no column is not recognised automatically again", () => {
    const headers = ["NIK", "NAMA", "STATUS", "PKH"];
    const m = mapHeaders(headers, { status: "", "program:PKH": "" });
    expect(m.fields.status).toBeUndefined();
    expect(m.programs.PKH).toBeUndefined();
    expect(m.unmapped).toEqual(["STATUS", "PKH"]);
  });

  it("the complete description has every key and maps the same headers to the same columns again", () => {
    const headers = ["No. NIK", "Nama Lengkap", "Ket", "PKH", "Program"];
    const m = mapHeaders(headers, { status: "Ket" });
    const complete = describeMapping(headers, m, { complete: true });
    expect(Object.keys(complete).sort()).toEqual([...MAPPING_KEYS].sort());
    expect(complete).toMatchObject({ nik: "No. NIK", name: "Nama Lengkap", status: "Ket", "program:PKH": "PKH", programList: "Program", noKk: "", desil: "" });
    expect(mapHeaders(headers, complete)).toEqual(m);
  });

  it("one column chosen for two fields is reported on the later field, with the earlier one named", () => {
    const headers = ["NIK", "NAMA", "KODE"];
    const m = mapHeaders(headers, { regionCode: "KODE", desaCode: "KODE" });
    expect(mappingProblems(headers, m)).toEqual({ desaCode: 'Kolom "KODE" sudah dipilih untuk Kode wilayah (desa/kelurahan). Pilih kolom lain.' });
    const both = mapHeaders(headers, { nik: "NIK", name: "NIK" });
    expect(mappingProblems(headers, both)).toMatchObject({ name: expect.stringMatching(/sudah dipilih untuk NIK/) });
  });
});
