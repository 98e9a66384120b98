import { describe, expect, it } from "vitest";
import {
  base32Decode, base32Encode, groupSecret, hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStepAt,
} from "@/lib/auth/totp.ts";

// RFC 6238 Appendix B, SHA-1 column: the 20-byte ASCII key "12345678901234567890", 8 digits.
const RFC_KEY = Buffer.from("12345678901234567890", "ascii");
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // the same key in base32
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe("RFC 6238 test vectors (HMAC-SHA1)", () => {
  it.each(RFC_VECTORS)("T = %i s gives %s", (seconds, expected) => {
    expect(hotp(RFC_KEY, totpStepAt(at(seconds)), 8)).toBe(expected);
  });

  it.each(RFC_VECTORS)("the 6-digit code at T = %i s is the last six digits of %s", (seconds, expected) => {
    expect(totpCode(RFC_SECRET, totpStepAt(at(seconds)))).toBe(expected.slice(-6));
  });
});

describe("base32", () => {
  it("round-trips the RFC key and reads what people paste", () => {
    expect(base32Encode(RFC_KEY)).toBe(RFC_SECRET);
    expect(base32Decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq==")).toEqual(RFC_KEY);
  });
  it("refuses characters outside the alphabet", () => {
    expect(() => base32Decode("GEZ1")).toThrow();
  });
  it("makes 160-bit random secrets, shown in groups of four", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("matchTotp", () => {
  const now = at(1234567890); // step 41152263
  const step = totpStepAt(now);

  it("accepts the current code and one step either side, and says which step matched", () => {
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), { now })).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), { now })).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), { now })).toBe(step + 1);
  });

  it("refuses codes two steps away (a phone clock a minute off, or an old code)", () => {
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), { now })).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 2), { now })).toBeNull();
  });

  it("refuses a code whose step was already used, and any older one", () => {
    const code = totpCode(RFC_SECRET, step);
    expect(matchTotp(RFC_SECRET, code, { now, lastUsedStep: step })).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), { now, lastUsedStep: step })).toBeNull();
    // The next step's code is still good: the reuse guard does not lock the user out for 30 seconds.
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), { now, lastUsedStep: step })).toBe(step + 1);
  });

  it("refuses wrong, short and non-numeric input, and ignores spaces people type", () => {
    const code = totpCode(RFC_SECRET, step);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(matchTotp(RFC_SECRET, wrong, { now })).toBeNull();
    expect(matchTotp(RFC_SECRET, code.slice(0, 5), { now })).toBeNull();
    expect(matchTotp(RFC_SECRET, "12a456", { now })).toBeNull();
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, { now })).toBe(step);
  });
});

describe("otpauthUri", () => {
  it("names the issuer and account and carries the secret and parameters apps need", () => {
    const uri = new URL(otpauthUri({ secret: RFC_SECRET, account: "admin", issuer: "Simpul" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Simpul:admin");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: RFC_SECRET, issuer: "Simpul", algorithm: "SHA1", digits: "6", period: "30",
    });
  });
});
