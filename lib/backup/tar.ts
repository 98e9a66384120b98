import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { Readable, Writable } from "node:stream";

/**
 * A minimal ustar writer/reader (regular files only), so a backup is a plain `.tar.gz` an operator can
 * open with `tar xzf` — no extra npm package. Names up to 255 bytes (ustar prefix + name).
 */
function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(512, 0);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", name.length - 1);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`Nama berkas terlalu panjang untuk arsip: ${name}`);
  }
  h.write(base, 0, 100, "utf8");
  h.write("0000644\0", 100, "ascii");
  h.write("0000000\0", 108, "ascii");
  h.write("0000000\0", 116, "ascii");
  h.write(size.toString(8).padStart(11, "0") + "\0", 124, "ascii");
  h.write(Math.floor(mtime / 1000).toString(8).padStart(11, "0") + "\0", 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return h;
}

async function* walk(dir: string, rel = ""): AsyncGenerator<string> {
  for (const e of (await readdir(path.join(dir, rel), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, r);
    else if (e.isFile()) yield r;
  }
}

/** Writes every regular file under `dir` into a gzip-compressed tar at `file`. */
export async function tarGzDirectory(dir: string, file: string): Promise<void> {
  async function* chunks() {
    for await (const rel of walk(dir)) {
      const full = path.join(dir, rel);
      const s = await stat(full);
      yield header(rel, s.size, s.mtimeMs);
      let written = 0;
      for await (const c of createReadStream(full)) {
        written += (c as Buffer).length;
        yield c as Buffer;
      }
      if (written !== s.size) throw new Error(`Berkas berubah saat dicadangkan: ${rel}`);
      const pad = (512 - (s.size % 512)) % 512;
      if (pad) yield Buffer.alloc(pad);
    }
    yield Buffer.alloc(1024);
  }
  await pipeline(Readable.from(chunks()), createGzip(), createWriteStream(file, { mode: 0o600 }));
}

/** Extracts a `.tar.gz` written by tarGzDirectory into `dir` (refusing any path that would leave it). */
export async function extractTarGz(file: string, dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  const names: string[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let current: { name: string; remaining: number; pad: number; parts: Buffer[] } | null = null;
  let ended = false;
  const flush = async () => {
    for (;;) {
      if (ended) return;
      if (!current) {
        if (buf.length < 512) return;
        const h = buf.subarray(0, 512);
        buf = buf.subarray(512);
        if (h.every((b) => b === 0)) { ended = true; return; }
        const str = (a: number, n: number) => h.subarray(a, a + n).toString("utf8").replace(/\0.*$/s, "");
        const prefix = str(345, 155);
        const name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
        const size = parseInt(str(124, 12).trim() || "0", 8);
        const type = str(156, 1);
        if (type !== "0" && type !== "") throw new Error(`Arsip cadangan berisi entri yang tidak dikenal: ${name}`);
        const target = path.resolve(root, name);
        if (!target.startsWith(root + path.sep)) throw new Error(`Arsip cadangan berisi jalur tidak sah: ${name}`);
        current = { name, remaining: size, pad: (512 - (size % 512)) % 512, parts: [] };
      }
      const take = Math.min(current.remaining, buf.length);
      current.parts.push(buf.subarray(0, take));
      current.remaining -= take;
      buf = buf.subarray(take);
      if (current.remaining > 0) return;
      if (buf.length < current.pad) return;
      buf = buf.subarray(current.pad);
      const target = path.resolve(root, current.name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.concat(current.parts));
      names.push(current.name);
      current = null;
    }
  };
  await pipeline(
    createReadStream(file),
    createGunzip(),
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        flush().then(() => cb(), cb);
      },
    }),
  );
  if (!ended && (current || buf.length)) throw new Error("Arsip cadangan terpotong atau rusak.");
  return names;
}
