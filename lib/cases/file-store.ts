import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * Where attachment bytes live. The database keeps only the key, type, size and SHA-256, so N app
 * replicas can share an object store (S3-compatible, MinIO) behind this same interface later.
 */
export type TFileStore = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deletes the bytes under the key; nothing stored there is not an error (the retention purge may run twice). */
  remove(key: string): Promise<void>;
};

/** Keys are made by the app ("35.77/<caseId>/<random>"); anything else is refused so a key can never leave the root. */
const SAFE_KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
function assertSafeKey(key: string) {
  if (!SAFE_KEY.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Kunci berkas tidak sah: ${JSON.stringify(key)}`);
  }
}

/** A folder on the local disk: fine for one machine; use an object store when running several replicas. */
export function localDiskFileStore(root: string): TFileStore {
  const base = path.resolve(root);
  return {
    async put(key, bytes) {
      assertSafeKey(key);
      const target = path.join(base, key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write to a temporary name and rename, so a reader never sees half a file.
      const tmp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, bytes, { flag: "wx" });
      await rename(tmp, target);
    },
    async get(key) {
      assertSafeKey(key);
      try {
        return new Uint8Array(await readFile(path.join(base, key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async remove(key) {
      assertSafeKey(key);
      await rm(path.join(base, key), { force: true });
    },
  };
}

/** Out of disk space or quota while storing an upload: a clear, retry-later error instead of a 500. */
export function storageFailure(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    const message = "Penyimpanan berkas di server penuh, jadi berkas belum tersimpan. Beri tahu admin Simpul, lalu coba lagi nanti.";
    return new AppError("UNAVAILABLE", message, { file: [message] });
  }
  return e;
}

let defaultStore: TFileStore | undefined;

/** The store the app uses: `SIMPUL_FILES_DIR` (default `.simpul/files`). */
export function fileStore(): TFileStore {
  defaultStore ??= localDiskFileStore(process.env.SIMPUL_FILES_DIR ?? path.join(".simpul", "files"));
  return defaultStore;
}
