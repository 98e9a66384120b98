import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const ZNewPassword = z
  .string()
  .min(10, "Kata sandi minimal 10 karakter.")
  .max(200, "Kata sandi terlalu panjang.")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "Kata sandi harus berisi huruf dan angka.");

/** A temporary password an admin reads out to a new user: easy to type, changed at first login. */
export function generateTemporaryPassword(): string {
  const words = ["melati", "kenanga", "mawar", "anggrek", "cempaka", "teratai", "kamboja", "flamboyan"];
  const pick = () => words[randomInt(words.length)];
  return `${pick()}-${pick()}-${randomInt(100, 1000)}`;
}

/** A hash to verify against when the username does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("no-such-user-placeholder-0");
  return dummyHash;
}
