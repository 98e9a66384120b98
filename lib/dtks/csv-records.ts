// CSV records as byte ranges of the file's own buffers, for the import's hot path: the row compiler
// (quick-row.ts) reads most rows straight from these bytes, and only the rest are decoded to text and split
// into cells. Record boundaries are exactly CsvSplitter's (tested against it): a line without a quote ends at
// its line break; a record with a quote is followed through CsvSplitter's rules for quoted fields (a quote
// opens a field only at its start, "" inside is a quote, a line break inside quotes belongs to the field).
// Only ASCII bytes are looked at (delimiter, quote, CR, LF), which mean the same in UTF-8 and Windows-1252.
// Empty lines are skipped, as CsvSplitter does.

import { open } from "node:fs/promises";
import iconv from "iconv-lite";
import { CsvSplitter, CsvSyntaxError } from "./csv-splitter.ts";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** One chunk's complete records: record i is buf[starts[i], ends[i]) without its line break. */
export type TRecordChunk = {
  buf: Buffer;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when the record holds a quote: its cells must come from cellsOf (CsvSplitter), not a plain split. */
  quoted: Uint8Array;
  /** File bytes consumed up to the end of this chunk's last record. */
  bytesConsumed: number;
};

export type TRecordOptions = { delimiter: string; encoding: "utf8" | "win1252" };

/** Text of a byte range in the file's encoding. */
function decodeRange(buf: Buffer, start: number, end: number, encoding: "utf8" | "win1252"): string {
  return encoding === "utf8" ? buf.toString("utf8", start, end) : iconv.decode(buf.subarray(start, end), "win1252");
}

/** The cells of record i, exactly as CsvSplitter gives them. */
export function cellsOf(chunk: TRecordChunk, i: number, opts: TRecordOptions): string[] {
  const text = decodeRange(chunk.buf, chunk.starts[i], chunk.ends[i], opts.encoding);
  if (!chunk.quoted[i]) return text.split(opts.delimiter);
  const splitter = new CsvSplitter(opts.delimiter);
  const rows = splitter.push(text);
  rows.push(...splitter.end());
  return rows[0] ?? [""];
}

/**
 * Finds records in `buf` from `pos`. Returns the position after the last complete record; with `final`, the
 * end of the buffer (a quote left open then throws CsvSyntaxError, like CsvSplitter).
 */
class RecordScanner {
  /** Physical lines before the current position, for the message about an unclosed quote. */
  private line = 0;

  constructor(private readonly delimiter: number) {}

  scan(buf: Buffer, pos: number, final: boolean, out: TRecordChunk): number {
    const length = buf.length;
    const delimiter = this.delimiter;
    // The next quote at or after pos, found once per chunk rather than once per line (a search to the end of a
    // quote-free chunk for every line would cost O(chunk) per line).
    let nextQuote = buf.indexOf(QUOTE, pos);
    if (nextQuote === -1) nextQuote = length;
    while (pos < length) {
      let newline = buf.indexOf(LF, pos);
      if (newline === -1) {
        if (!final) break;
        newline = length;
      }
      if (nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote === -1) nextQuote = length;
      }
      if (nextQuote >= newline) {
        let end = newline;
        if (end > pos && buf[end - 1] === CR) end--;
        this.line++;
        if (end > pos) push(out, pos, end, 0);
        pos = newline + 1;
        continue;
      }
      const next = this.quotedRecordEnd(buf, pos, final, delimiter);
      if (next === -1) break; // the record runs past this buffer: wait for more
      let end = next > length ? length : next - 1;
      if (end > pos && buf[end - 1] === CR) end--;
      push(out, pos, end, 1);
      pos = next;
    }
    return Math.min(pos, length);
  }

  /** Index after the line break ending the record that starts at `start` (a quote in it), or -1 if incomplete. */
  private quotedRecordEnd(buf: Buffer, start: number, final: boolean, delimiter: number): number {
    const length = buf.length;
    let i = start;
    let lines = 1;
    for (;;) {
      if (i < length && buf[i] === QUOTE) {
        i++;
        for (;;) {
          const close = buf.indexOf(QUOTE, i);
          if (close === -1) {
            if (!final) return -1;
            throw new CsvSyntaxError(`Tanda kutip (") di baris ${this.line + 1} tidak ditutup sampai akhir berkas.`);
          }
          for (let k = buf.indexOf(LF, i); k !== -1 && k < close; k = buf.indexOf(LF, k + 1)) lines++;
          if (close + 1 < length && buf[close + 1] === QUOTE) {
            i = close + 2;
            continue;
          }
          if (close + 1 >= length && !final) return -1; // "" may continue in the next chunk
          i = close + 1;
          break;
        }
      }
      let j = i;
      while (j < length) {
        const c = buf[j];
        if (c === delimiter || c === LF) break;
        j++;
      }
      if (j >= length && !final) return -1;
      if (j < length && buf[j] === delimiter) {
        i = j + 1;
        continue;
      }
      this.line += lines;
      return j + 1;
    }
  }
}

function push(out: TRecordChunk, start: number, end: number, quoted: number) {
  if (out.count === out.starts.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T) => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    out.starts = grow(out.starts, (n) => new Int32Array(n));
    out.ends = grow(out.ends, (n) => new Int32Array(n));
    out.quoted = grow(out.quoted, (n) => new Uint8Array(n));
  }
  out.starts[out.count] = start;
  out.ends[out.count] = end;
  out.quoted[out.count] = quoted;
  out.count++;
}

/** Reads up to `length` bytes into `into` at `offset`; resolves with the count, 0 at the end. */
export type TByteReader = (into: Buffer, offset: number, length: number) => Promise<number>;

/** The file's records, one chunk (≈ 1 MiB of the file) at a time. */
export async function* csvRecordChunks(path: string, opts: TRecordOptions): AsyncGenerator<TRecordChunk> {
  const file = await open(path, "r");
  try {
    yield* readRecordChunks(async (into, offset, length) => (await file.read(into, offset, length, null)).bytesRead, opts);
  } finally {
    await file.close();
  }
}

/** Records of a byte stream cut anywhere (tests): each read returns at most the rest of one piece. */
export function recordChunks(pieces: Iterable<Buffer>, opts: TRecordOptions, bufferBytes?: number): AsyncGenerator<TRecordChunk> {
  const it = pieces[Symbol.iterator]();
  let piece: Buffer | null = null;
  let at = 0;
  return readRecordChunks(async (into, offset, length) => {
    while (!piece || at >= piece.length) {
      const next = it.next();
      if (next.done) return 0;
      [piece, at] = [next.value, 0];
    }
    const n = Math.min(length, piece.length - at);
    piece.copy(into, offset, at, at + n);
    at += n;
    return n;
  }, opts, bufferBytes);
}

/**
 * The records of what `read` gives, a chunk per read. A record cut by a read comes with the next chunk; a UTF-8
 * byte-order mark is skipped. One buffer and one chunk object serve the whole file (no garbage per chunk: at
 * 2 million rows, fresh buffers each chunk kept V8's collector busy on the other core for ≈ 1.7 s), so a
 * chunk's bytes and arrays are valid only until the next one is asked for. A record longer than the buffer
 * doubles it.
 */
async function* readRecordChunks(read: TByteReader, opts: TRecordOptions, bufferBytes = 1 << 20): AsyncGenerator<TRecordChunk> {
  const scanner = new RecordScanner(opts.delimiter.charCodeAt(0));
  let buf = Buffer.allocUnsafe(bufferBytes);
  let filled = 0; // buf[0, filled): bytes read, not yet given out as records
  let consumed = 0;
  let bomChecked = false;
  const chunk: TRecordChunk = { buf, count: 0, starts: new Int32Array(16384), ends: new Int32Array(16384), quoted: new Uint8Array(16384), bytesConsumed: 0 };
  for (;;) {
    if (filled === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
    const n = await read(buf, filled, buf.length - filled);
    const final = n === 0;
    filled += n;
    if (!bomChecked) {
      if (filled < 3 && !final) continue;
      bomChecked = true;
      if (opts.encoding === "utf8" && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf.copyWithin(0, 3, filled);
        filled -= 3;
        consumed += 3;
      }
    }
    if (filled === 0) {
      if (final) return;
      continue;
    }
    chunk.buf = buf.subarray(0, filled);
    chunk.count = 0;
    const pos = scanner.scan(chunk.buf, 0, final, chunk);
    consumed += pos;
    chunk.bytesConsumed = consumed;
    if (chunk.count > 0) yield chunk;
    if (final) return;
    buf.copyWithin(0, pos, filled);
    filled -= pos;
  }
}
