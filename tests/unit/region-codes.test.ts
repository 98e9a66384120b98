import { describe, expect, it } from "vitest";
import {
  districtCodeOf,
  isValidRegionCode,
  isWithinRegion,
  parentCodeOf,
  regionLevelOf,
  regionPrefixOfNik,
  villageKind,
} from "@/lib/regions/codes.ts";

const MALFORMED = ["", "3", "357", "35.7", "35.77.1", "35.77.01.101", "35.77.01.10011", "35.77.", ".35", "35-77", "ab.cd", "35.77.01.1001.1", " 35.77"];

describe("regionLevelOf / isValidRegionCode", () => {
  it("names the level of each well-formed code", () => {
    expect(regionLevelOf("35")).toBe("PROVINSI");
    expect(regionLevelOf("35.77")).toBe("KABUPATEN_KOTA");
    expect(regionLevelOf("35.77.01")).toBe("KECAMATAN");
    expect(regionLevelOf("35.77.01.1001")).toBe("DESA_KELURAHAN");
    expect(isValidRegionCode("35.09.31.2005")).toBe(true);
  });

  it.each(MALFORMED)("rejects malformed %j", (code) => {
    expect(regionLevelOf(code)).toBeNull();
    expect(isValidRegionCode(code)).toBe(false);
  });
});

describe("parentCodeOf", () => {
  it("drops the last segment", () => {
    expect(parentCodeOf("35.77.01.1001")).toBe("35.77.01");
    expect(parentCodeOf("35.77.01")).toBe("35.77");
    expect(parentCodeOf("35.77")).toBe("35");
  });
  it("has no parent for a province or a malformed code", () => {
    expect(parentCodeOf("35")).toBeNull();
    expect(parentCodeOf("35.77.1")).toBeNull();
  });
});

describe("districtCodeOf", () => {
  it("gives the kabupaten/kota prefix at every level below the province", () => {
    expect(districtCodeOf("35.77")).toBe("35.77");
    expect(districtCodeOf("35.77.02")).toBe("35.77");
    expect(districtCodeOf("35.77.02.1006")).toBe("35.77");
  });
  it("is null for a province or a malformed code", () => {
    expect(districtCodeOf("35")).toBeNull();
    expect(districtCodeOf("35.7")).toBeNull();
  });
});

describe("isWithinRegion", () => {
  it("includes the scope itself and everything below it", () => {
    expect(isWithinRegion("35.77", "35.77")).toBe(true);
    expect(isWithinRegion("35.77.01", "35.77")).toBe(true);
    expect(isWithinRegion("35.77.01.1001", "35.77.01")).toBe(true);
    expect(isWithinRegion("35.77.01.1001", "35")).toBe(true);
  });

  it("excludes siblings and parents", () => {
    expect(isWithinRegion("35.77.02.1001", "35.77.01")).toBe(false);
    expect(isWithinRegion("35.77", "35.77.01")).toBe(false);
    expect(isWithinRegion("35.09.01", "35.77")).toBe(false);
  });

  it("does not treat a string prefix as a region prefix", () => {
    // A bare startsWith would say yes to both of these.
    expect(isWithinRegion("35.77.01", "35.77.0")).toBe(false);
    expect(isWithinRegion("35.77.010", "35.77.01")).toBe(false);
    expect(isWithinRegion("35.771", "35.77")).toBe(false);
    expect(isWithinRegion("3577.01", "35")).toBe(false);
  });

  it("never matches a malformed scope, even an empty one", () => {
    expect(isWithinRegion("", "")).toBe(false);
    expect(isWithinRegion("35.77.01", "")).toBe(false);
    expect(isWithinRegion("35.77.1", "35.77.1")).toBe(false);
  });
});

describe("villageKind", () => {
  it("reads the first digit of the 4th segment", () => {
    expect(villageKind("35.77.01.1001")).toBe("KELURAHAN");
    expect(villageKind("35.09.01.2001")).toBe("DESA");
    // Desa adat of Kabupaten Jayapura carry a 3.
    expect(villageKind("91.03.01.3007")).toBe("DESA");
  });
  it("is null above village level, for an unknown digit and for malformed codes", () => {
    expect(villageKind("35.77.01")).toBeNull();
    expect(villageKind("35.77")).toBeNull();
    expect(villageKind("35.77.01.9001")).toBeNull();
    expect(villageKind("35.77.01.100")).toBeNull();
  });
});

describe("regionPrefixOfNik", () => {
  it("turns the first six digits into a dotted kecamatan code", () => {
    expect(regionPrefixOfNik("3577014507900001")).toBe("35.77.01");
    expect(regionPrefixOfNik("3509120101850002")).toBe("35.09.12");
    expect(regionPrefixOfNik(" 3577014507900001 ")).toBe("35.77.01");
  });
  it("is null when there are not six leading digits or non-digits follow", () => {
    expect(regionPrefixOfNik("35770")).toBeNull();
    expect(regionPrefixOfNik("35.77.01")).toBeNull();
    expect(regionPrefixOfNik("3577x14507900001")).toBeNull();
    expect(regionPrefixOfNik("")).toBeNull();
  });
});
