import { describe, expect, it } from "vitest";
import { IDN_AREA_ATTRIBUTION, loadDistrictRegions, parseCsvLine } from "@/lib/regions/idn-area.ts";

describe("loadDistrictRegions", () => {
  it("loads Kota Madiun: its province, itself, 3 kecamatan and 27 kelurahan, parents first", async () => {
    const rows = await loadDistrictRegions("35.77");
    const at = (level: string) => rows.filter((r) => r.level === level);

    expect(at("PROVINSI")).toEqual([
      { code: "35", name: "Jawa Timur", level: "PROVINSI", parentCode: null, districtCode: null },
    ]);
    expect(at("KABUPATEN_KOTA")).toEqual([
      { code: "35.77", name: "Kota Madiun", level: "KABUPATEN_KOTA", parentCode: "35", districtCode: "35.77" },
    ]);
    expect(at("KECAMATAN").map((r) => [r.code, r.name, r.parentCode])).toEqual([
      ["35.77.01", "Kartoharjo", "35.77"],
      ["35.77.02", "Manguharjo", "35.77"],
      ["35.77.03", "Taman", "35.77"],
    ]);

    const villages = at("DESA_KELURAHAN");
    expect(villages).toHaveLength(27);
    expect(villages[0]).toEqual({
      code: "35.77.01.1001",
      name: "Oro-oro Ombo",
      level: "DESA_KELURAHAN",
      parentCode: "35.77.01",
      districtCode: "35.77",
    });
    for (const v of villages) {
      expect(v.code.split(".")[3].startsWith("1")).toBe(true);
      expect(v.code.startsWith(v.parentCode + ".")).toBe(true);
      expect(v.districtCode).toBe("35.77");
    }
    expect(rows).toHaveLength(1 + 1 + 3 + 27);

    // Parents before children: every parent appears earlier in the list.
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.parentCode) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
  });

  it("rejects an unknown district with an Indonesian message", async () => {
    await expect(loadDistrictRegions("99.99")).rejects.toThrow(
      "Kode kabupaten/kota 99.99 tidak ditemukan di data wilayah Kemendagri.",
    );
  });

  it("rejects a code that is not a kabupaten/kota code", async () => {
    await expect(loadDistrictRegions("35")).rejects.toThrow(/tidak valid/);
    await expect(loadDistrictRegions("35.77.01")).rejects.toThrow(/tidak valid/);
  });
});

describe("parseCsvLine", () => {
  it("handles quoted names with commas and doubled quotes", () => {
    expect(parseCsvLine('12.07.28.1007,12.07.28,"Lubuk Pakam I,II"')).toEqual(["12.07.28.1007", "12.07.28", "Lubuk Pakam I,II"]);
    expect(parseCsvLine('35.13.15.2017,35.13.15,"Soka""an"')).toEqual(["35.13.15.2017", "35.13.15", 'Soka"an']);
    expect(parseCsvLine("35.77,35,Kota Madiun")).toEqual(["35.77", "35", "Kota Madiun"]);
  });
});

describe("IDN_AREA_ATTRIBUTION", () => {
  it("names the source, the contributors, the licence and the decree", () => {
    expect(IDN_AREA_ATTRIBUTION).toContain("idn-area-data");
    expect(IDN_AREA_ATTRIBUTION).toContain("©");
    expect(IDN_AREA_ATTRIBUTION).toContain("ODbL");
    expect(IDN_AREA_ATTRIBUTION).toContain("1.0");
    expect(IDN_AREA_ATTRIBUTION).toContain("300.2.2-2138/2025");
  });
});
