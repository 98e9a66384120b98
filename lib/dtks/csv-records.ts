// CSV records as byte ranges of the file's own buffers, for the import's hot path: the row compiler
// (quick-row.ts) reads most rows straight from these bytes, and only the rest are decoded to text and split
// into cells. Record boundaries are exactly CsvSplitter's (tested against it): a line without a quote ends at
// its line break; a record with a quote is followed through CsvSplitter's rules for quoted fields (a quote
// opens a field only at its start, "" inside is a quote, a line break inside quotes belongs to the field).
// Only ASCII bytes are looked at (delimiter, quote, CR, LF), which mean the same in UTF-8 and Windows-1252.
// Empty lines are skipped, as CsvSplitter does.

import { createReadStream } from "node:fs";
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

function emptyChunk(buf: Buffer): TRecordChunk {
  return { buf, count: 0, starts: new Int32Array(4096), ends: new Int32Array(4096), quoted: new Uint8Array(4096), bytesConsumed: 0 };
}

/** The file's records, one chunk (≈ 1 MiB of the file) at a time. */
export async function* csvRecordChunks(path: string, opts: TRecordOptions): AsyncGenerator<TRecordChunk> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    yield* recordChunks(file as AsyncIterable<Buffer>, opts);
  } finally {
    file.destroy();
  }
}

/** Records of a byte stream cut anywhere; a record cut by a piece boundary comes with the next piece. A UTF-8 byte-order mark is skipped. */
export async function* recordChunks(pieces: AsyncIterable<Buffer> | Iterable<Buffer>, opts: TRecordOptions): AsyncGenerator<TRecordChunk> {
  const scanner = new RecordScanner(opts.delimiter.charCodeAt(0));
  let rest: Buffer | null = null;
  let consumed = 0;
  let bomChecked = false;
  for await (const piece of pieces) {
    let buf: Buffer = rest ? Buffer.concat([rest, piece]) : piece;
    if (!bomChecked) {
      if (buf.length < 3) {
        rest = buf;
        continue;
      }
      bomChecked = true;
      if (opts.encoding === "utf8" && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
        consumed += 3;
      }
    }
    const chunk = emptyChunk(buf);
    const pos = scanner.scan(buf, 0, false, chunk);
    consumed += pos;
    chunk.bytesConsumed = consumed;
    rest = pos < buf.length ? buf.subarray(pos) : null;
    if (chunk.count > 0) yield chunk;
  }
  if (rest) {
    if (!bomChecked && opts.encoding === "utf8" && rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf) {
      rest = rest.subarray(3);
      consumed += 3;
    }
    const chunk = emptyChunk(rest);
    scanner.scan(rest, 0, true, chunk);
    consumed += rest.length;
    chunk.bytesConsumed = consumed;
    if (chunk.count > 0) yield chunk;
  }
}
