import { describe, expect, it } from "vitest";
import { JEMBER_LOCAL_PPKS_EXAMPLES, STANDARD_PPKS } from "@/lib/reference/ppks.ts";
import { MADIUN_LOCAL_PSKS, STANDARD_PSKS } from "@/lib/reference/psks.ts";

describe("STANDARD_PPKS", () => {
  it("has the 26 categories numbered 1..26 in order, each code once", () => {
    expect(STANDARD_PPKS).toHaveLength(26);
    expect(STANDARD_PPKS.map((c) => c.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(new Set(STANDARD_PPKS.map((c) => c.code)).size).toBe(26);
    expect(new Set(STANDARD_PPKS.map((c) => c.name)).size).toBe(26);
  });

  it("matches the DOMAIN.md table at its ends and in the middle", () => {
    const byNumber = new Map(STANDARD_PPKS.map((c) => [c.number, c]));
    expect(byNumber.get(1)).toMatchObject({ code: "ABT", name: "Anak Balita Terlantar" });
    expect(byNumber.get(13)).toMatchObject({ code: "PEM", name: "Pemulung" });
    expect(byNumber.get(24)).toMatchObject({ code: "FM", name: "Fakir Miskin" });
    expect(byNumber.get(26)).toMatchObject({ code: "KAT", name: "Komunitas Adat Terpencil" });
  });

  it("lets BAPAS, not Dinsos, lead for ABH and BWBLP", () => {
    const bapas = STANDARD_PPKS.filter((c) => c.leadingSector === "BAPAS").map((c) => c.code);
    expect(bapas.sort()).toEqual(["ABH", "BWBLP"]);
    for (const c of STANDARD_PPKS) {
      if (bapas.includes(c.code)) expect(c.handlingBidang).toBeNull();
      else expect([1, 2, 3]).toContain(c.handlingBidang);
    }
  });

  it("splits the bidang as in Jember", () => {
    const inBidang = (b: number) => STANDARD_PPKS.filter((c) => c.handlingBidang === b).map((c) => c.code).sort();
    expect(inBidang(1)).toEqual(["ABT", "ADK", "AJ", "AKTK", "AMPK", "AT"]);
    expect(inBidang(3)).toEqual(["GEL", "KPN", "KTK", "KTR", "ODHA", "PD", "PEM", "PENG", "TS"]);
    expect(inBidang(2)).toEqual(expect.arrayContaining(["LUT", "FM", "KBA", "KBS"]));
  });

  it("keeps the Jember local examples out of the standard list", () => {
    expect(JEMBER_LOCAL_PPKS_EXAMPLES.map((c) => c.code)).toEqual(["ODGJ", "RTLH"]);
    const standardCodes = new Set(STANDARD_PPKS.map((c) => c.code));
    for (const c of JEMBER_LOCAL_PPKS_EXAMPLES) {
      expect(standardCodes.has(c.code)).toBe(false);
      expect(c.districtCode).toBe("35.09");
    }
  });
});

describe("STANDARD_PSKS", () => {
  it("has the 12 standard types, each code once", () => {
    expect(STANDARD_PSKS.map((t) => t.code)).toEqual([
      "PEKSOS",
      "PSM",
      "TAGANA",
      "LKS",
      "KARTAR",
      "LK3",
      "KEL_PIONER",
      "WPKS",
      "DUNIA_USAHA",
      "PENYULUH",
      "TKSK",
      "WKSBM",
    ]);
    expect(new Set(STANDARD_PSKS.map((t) => t.name)).size).toBe(12);
    expect(STANDARD_PSKS.find((t) => t.code === "TKSK")?.name).toBe("Tenaga Kesejahteraan Sosial Kecamatan");
  });

  it("keeps Madiun's Karang Werdha local", () => {
    expect(MADIUN_LOCAL_PSKS).toEqual([{ code: "KARANG_WERDHA", name: "Karang Werdha", districtCode: "35.77" }]);
    expect(STANDARD_PSKS.some((t) => t.code === "KARANG_WERDHA")).toBe(false);
  });
});
