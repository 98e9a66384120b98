import { describe, expect, it } from "vitest";
import { formatLetterNo, normalizeCode, randomCode } from "@/lib/referrals/codes";
import { isChildCase, sharedFieldsFor } from "@/lib/referrals/minimum-data";

describe("referral codes and letter numbers", () => {
  it("codes use an alphabet without look-alike characters and are typed case-insensitively", () => {
    for (let i = 0; i < 200; i++) expect(randomCode(8)).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(normalizeCode(" ab2c-d3ef ")).toBe("AB2CD3EF");
  });
  it("letter numbers are a zero-padded per-office sequence", () => {
    expect(formatLetterNo(7, "PKS-35.77.01.1001", 2026)).toBe("007/RUJ/PKS-35.77.01.1001/2026");
  });
});

describe("minimum data and consent", () => {
  it("the destination sees only what its service needs", () => {
    expect(sharedFieldsFor("kesehatan")).toContain("nik");
    expect(sharedFieldsFor("pendidikan")).not.toContain("nik");
    expect(sharedFieldsFor("adminduk")).toContain("noKk");
    expect(sharedFieldsFor("bansos")).not.toContain("nik");
  });
  it("a case is a child's case by age under 18 or by a child PPKS category", () => {
    expect(isChildCase(17, [])).toBe(true);
    expect(isChildCase(18, [])).toBe(false);
    expect(isChildCase(null, ["ABH"])).toBe(true);
    expect(isChildCase(null, ["LUT"])).toBe(false);
  });
});
