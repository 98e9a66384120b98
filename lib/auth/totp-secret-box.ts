import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * TOTP secrets are sealed with AES-256-GCM before they reach the database, so a leaked backup or a
 * read-only SQL injection does not hand out everyone's second factor. The key is SIMPUL_TOTP_KEY
 * (32 bytes, base64url) or, when unset, a key generated once into .simpul/totp-key beside the
 * auth secret. It is deliberately not derived from NEXTAUTH_SECRET: rotating that (to end every
 * session) must not invalidate every enrollment. Losing the key means resetting 2FA for everyone
 * (`npm run simpul -- user reset-2fa --user USERNAME`).
 */
const VERSION = "v1";

let cachedKey: Buffer | undefined;

function totpKey(): Buffer {
  if (cachedKey) return cachedKey;
  const fromEnv = process.env.SIMPUL_TOTP_KEY;
  const text = fromEnv ?? readOrCreateKeyFile(path.join(process.cwd(), ".simpul", "totp-key"));
  const key = Buffer.from(text.trim(), "base64url");
  if (key.length !== 32) throw new Error("SIMPUL_TOTP_KEY harus 32 byte (base64url), mis. hasil `openssl rand -base64 32`.");
  cachedKey = key;
  return key;
}

function readOrCreateKeyFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": when two processes start at once, the second reads the first one's key instead of replacing it.
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return readFileSync(file, "utf8");
}

export function sealTotpSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", totpKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(":");
}

export function openTotpSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error("unknown TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", totpKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
