import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localDiskFileStore } from "@/lib/cases/file-store";

describe("localDiskFileStore", () => {
  it("stores, reads and deletes bytes under a key; deleting twice is fine; a key cannot leave the root", async () => {
    const store = localDiskFileStore(await mkdtemp(path.join(tmpdir(), "simpul-files-")));
    const key = "35.77/case1/abc.jpg";
    await store.put(key, new Uint8Array([1, 2, 3]), "image/jpeg");
    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    await store.remove(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.remove(key)).resolves.toBeUndefined();
    await expect(store.remove("../luar.jpg")).rejects.toThrow(/Kunci berkas tidak sah/);
  });
});
