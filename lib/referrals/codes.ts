import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: the code is read from paper and typed in.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A random code from an unambiguous alphabet (31^8 ≈ 8.5e11 for 8 characters: not guessable). */
export function randomCode(length = 8): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** What the user typed → the stored form: upper case, no spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** "001/RUJ/PKS-35.77.01.1001/2026": per-office, per-year sequence. */
export function formatLetterNo(seq: number, officeCode: string, year: number): string {
  return `${String(seq).padStart(3, "0")}/RUJ/${officeCode}/${year}`;
}
