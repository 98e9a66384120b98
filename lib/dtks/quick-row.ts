// The import's byte-level path: one plain CSV record (no quote) read straight from the file's bytes and written
// straight into the COPY buffer, without building strings, cell arrays or a row object. It takes the rows a
// register extract is made of — printable ASCII, clean 16-digit NIK / No KK, the usual date and code shapes —
// and declines everything else (returns null, writes nothing), which then goes through validateRow, the one
// definition of what a valid row is. A property test holds this path to validateRow + copyLine byte for byte:
// whatever it accepts, validateRow accepts and copyLine writes the same line.

import { normalizePersonName, OLD_SPELLING_PAIRS, REWRITTEN_NAME_TOKENS } from "@/lib/households/name-match";
import { daysInMonth, quickIdDateKeyAt } from "@/lib/households/nik";
import { isWithinRegion } from "@/lib/regions/codes";
import { DTKS_PROGRAMS, type TColumnMapping, type TDtksProgram } from "./headers.ts";
import {
  addListedPrograms, composeRegion, idOptions, normalizeRegionCode, pad3, parseDate, parseSex, programFlag,
  type TRowContext,
} from "./validate-row.ts";

const TAB = 0x09;
const PLAIN = 0; // printable ASCII other than space, quote and backslash
const BLANK = 1; // space
const DELIMITER = 2;
const REFUSED = 3;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;

/**
 * A growing byte buffer of COPY text. `take()` hands the bytes over and goes on in another buffer; once the
 * caller knows every handed-over buffer has been written out, `recycle()` lets them be reused — a load of
 * millions of rows then runs in two buffers instead of allocating one per chunk, which kept V8's collector busy.
 */
export class CopyBuffer {
  buf: Buffer;
  pos = 0;
  private handedOut: Buffer[] = [];
  private spare: Buffer[] = [];

  constructor(private readonly size = 4 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  ensure(bytes: number) {
    if (this.pos + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  writeString(text: string) {
    this.ensure(Buffer.byteLength(text));
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /** The bytes written so far (a view, valid until `recycle()`), and another buffer for what follows. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.handedOut.push(this.buf);
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return out;
  }

  /** The caller's word that nothing holds the views take() handed out any more: their buffers are reused. */
  recycle() {
    for (const b of this.handedOut) if (this.spare.length < 2) this.spare.push(b);
    this.handedOut.length = 0;
  }
}

/**
 * What an accepted row leaves for the caller (reused: read it before the next row): the NIK's two 8-digit halves
 * (for NikSet) and where its bytes start; and for the desil rollup the region code, the desil (0 = none) and
 * the No KK's halves (kkHi -1 = none).
 */
export type TQuickResult = { nikHi: number; nikLo: number; nikStart: number; regionCode: string; desil: number; kkHi: number; kkLo: number };

export type TQuickRow = (bytes: Buffer, start: number, end: number, rowNo: number, out: CopyBuffer) => TQuickResult | null;

type TRegion = { text: string; code: Buffer; kecamatan: Buffer | null } | null;

const latin1 = (b: Buffer, s: number, e: number) => b.toString("latin1", s, e);

/** Lower-case dot-free tokens normalizePersonName rewrites, by length: a name holding one takes the text path. */
const REWRITTEN_BY_LENGTH: Buffer[][] = [];
for (const t of REWRITTEN_NAME_TOKENS) (REWRITTEN_BY_LENGTH[t.length] ??= []).push(Buffer.from(t, "latin1"));
/** The old-spelling pairs: OLD_PAIR[first × 256 + second] = 1, and which bytes end one. */
const OLD_PAIR = new Uint8Array(65536);
const ENDS_OLD_PAIR = new Uint8Array(256);
for (const pair of OLD_SPELLING_PAIRS) {
  OLD_PAIR[pair.charCodeAt(0) * 256 + pair.charCodeAt(1)] = 1;
  ENDS_OLD_PAIR[pair.charCodeAt(1)] = 1;
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whether the name bytes (letters, digits and single inner spaces only) normalize to their own lower case:
 * no token normalizePersonName rewrites and no old spelling (oe, dj, tj).
 */
function nameIsPlain(b: Buffer, s: number, e: number): boolean {
  let tokenStart = s;
  for (let i = s; i <= e; i++) {
    if (i < e && b[i] !== SPACE) {
      const c = b[i];
      if (!isAlnum(c)) return false;
      if (i > tokenStart && ENDS_OLD_PAIR[lower(c)] === 1 && OLD_PAIR[lower(b[i - 1]) * 256 + lower(c)] === 1) return false;
      continue;
    }
    const candidates = REWRITTEN_BY_LENGTH[i - tokenStart];
    if (candidates) {
      for (const key of candidates) {
        let same = true;
        for (let k = 0; k < key.length && same; k++) same = lower(b[tokenStart + k]) === key[k];
        if (same) return false;
      }
    }
    tokenStart = i + 1;
  }
  return true;
}

// Row state, module-level: helpers that are closures created per row (and wrapped by the dev transpiler's
// __name) cost more than the row itself. One row is read at a time; nothing here outlives a call.
let b: Buffer = Buffer.alloc(0); // the record's bytes
let starts = new Int32Array(64);
let ends = new Int32Array(64);
let count = 0; // cells in the record
let cs = 0; // the last cell() asked for, trimmed: b[cs, ce)
let ce = 0;

function growCells() {
  const n1 = new Int32Array(starts.length * 2);
  n1.set(starts);
  starts = n1;
  const n2 = new Int32Array(ends.length * 2);
  n2.set(ends);
  ends = n2;
}

/** Cell i trimmed of spaces (cellAt), into cs/ce; a missing column reads as empty. */
function cell(i: number | undefined) {
  if (i === undefined || i >= count) {
    cs = ce = 0;
    return;
  }
  let s = starts[i];
  let e = ends[i];
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  cs = s;
  ce = e;
}

/** Whether b[s, e) holds the first `length` bytes of `x` (false when length is -1). */
function sameBytes(x: Uint8Array, length: number, s: number, e: number): boolean {
  if (e - s !== length) return false;
  for (let i = 0; i < length; i++) if (b[s + i] !== x[i]) return false;
  return true;
}

function hasDoubleSpace(s: number, e: number): boolean {
  for (let i = s + 1; i < e; i++) if (b[i] === SPACE && b[i - 1] === SPACE) return true;
  return false;
}

/** The number in b[s, s + len) when all digits, else -1. */
function digitsValue(s: number, len: number): number {
  let v = 0;
  for (let i = s; i < s + len; i++) {
    if (!isDigit(b[i])) return -1;
    v = v * 10 + b[i] - 48;
  }
  return v;
}

/** The number in b[s, s + 8), known to be all digits (a NIK or No KK half quickIdDateKeyAt has checked). */
function eightDigits(s: number): number {
  return (
    (b[s] - 48) * 10_000_000 + (b[s + 1] - 48) * 1_000_000 + (b[s + 2] - 48) * 100_000 + (b[s + 3] - 48) * 10_000 +
    (b[s + 4] - 48) * 1000 + (b[s + 5] - 48) * 100 + (b[s + 6] - 48) * 10 + (b[s + 7] - 48)
  );
}

const isDateSeparator = (c: number) => c === 0x2d || c === 0x2f || c === 0x2e;

// The writers take the output buffer and position and return the new position: pure functions the compiler
// inlines, where reading and writing module-level bindings on every call measured ≈ 1 µs a row.
function putText(to: Buffer, q: number, from: Buffer, s: number, e: number): number {
  for (let i = s; i < e; i++) to[q++] = from[i];
  return q;
}
function putUpper(to: Buffer, q: number, from: Buffer, s: number, e: number): number {
  for (let i = s; i < e; i++) to[q++] = upper(from[i]);
  return q;
}
function putLower(to: Buffer, q: number, from: Buffer, s: number, e: number): number {
  for (let i = s; i < e; i++) to[q++] = lower(from[i]);
  return q;
}
function putNull(to: Buffer, q: number): number {
  to[q] = BACKSLASH;
  to[q + 1] = 0x4e; // \N
  return q + 2;
}
function putTextOrNull(to: Buffer, q: number, from: Buffer, s: number, e: number, toUpper: boolean): number {
  if (e === s) return putNull(to, q);
  return toUpper ? putUpper(to, q, from, s, e) : putText(to, q, from, s, e);
}
function putAscii(to: Buffer, q: number, t: string): number {
  for (let i = 0; i < t.length; i++) to[q++] = t.charCodeAt(i);
  return q;
}
function putBytes(to: Buffer, q: number, x: Buffer): number {
  for (let i = 0; i < x.length; i++) to[q++] = x[i];
  return q;
}
/** A non-negative integer in decimal, zero-padded to `width`, without making a string. */
function putNumber(to: Buffer, q: number, v: number, width: number): number {
  let digits = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let i = digits; i < width; i++) to[q++] = 48;
  let at = q + digits;
  const end = at;
  do {
    to[--at] = 48 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
  return end;
}
/** "00" … "99" as byte pairs. */
const TWO_DIGITS = new Uint8Array(200);
for (let i = 0; i < 100; i++) [TWO_DIGITS[2 * i], TWO_DIGITS[2 * i + 1]] = [48 + Math.floor(i / 10), 48 + (i % 10)];
function putTwoDigits(to: Buffer, q: number, v: number): number {
  to[q] = TWO_DIGITS[2 * v];
  to[q + 1] = TWO_DIGITS[2 * v + 1];
  return q + 2;
}
/** YYYYMMDD as YYYY-MM-DD. */
function putDate(to: Buffer, q: number, key: number): number {
  const year = Math.floor(key / 10_000);
  const monthDay = key - year * 10_000;
  q = putTwoDigits(to, q, Math.floor(year / 100));
  q = putTwoDigits(to, q, year % 100);
  to[q++] = 0x2d;
  q = putTwoDigits(to, q, Math.floor(monthDay / 100));
  to[q++] = 0x2d;
  return putTwoDigits(to, q, monthDay % 100);
}

/** RT / RW as pad3 writes them: digits only, at least three. */
function putPad3(to: Buffer, q: number, i: number | undefined): number {
  cell(i);
  if (ce === cs) return putNull(to, q);
  if (ce - cs <= 15) {
    const v = digitsValue(cs, ce - cs);
    if (v >= 0) return putNumber(to, q, v, 3);
  }
  const padded = pad3(latin1(b, cs, ce));
  return padded === null ? putNull(to, q) : putAscii(to, q, padded);
}

/**
 * The byte-level row reader for one file's column mapping. `delimiter` is the CSV delimiter's byte.
 * Returns null when the mapping lacks the NIK or name column (validateRow then reports every row).
 */
export function compileQuickRow(m: TColumnMapping, ctx: TRowContext, delimiter: number): TQuickRow | null {
  const f = m.fields;
  if (f.nik === undefined || f.name === undefined) return null;
  const today = idOptions(ctx).today;
  const programColumns = DTKS_PROGRAMS.flatMap((pr) => (m.programs[pr] === undefined ? [] : [{ program: pr, column: m.programs[pr]!, name: Buffer.from(pr) }]));
  const composite = [f.provinceCode, f.kabupatenCode, f.kecamatanCode, f.desaCode];
  const hasComposite = composite.some((i) => i !== undefined);
  const batchRegion: TRegion = {
    text: ctx.batchRegionCode,
    code: Buffer.from(ctx.batchRegionCode, "latin1"),
    kecamatan: ctx.batchRegionCode.length >= 8 ? Buffer.from(ctx.batchRegionCode.slice(0, 8), "latin1") : null,
  };

  // A region code column: each distinct code is checked once (a district has a few hundred).
  const codeRegions = new Map<number | string, TRegion>();
  const lastCode = new Uint8Array(32);
  let lastCodeLength = -1;
  let lastCodeRegion: TRegion = null;
  // Composite codes and No KK guesses repeat row after row (files come sorted by desa): the last answer is kept.
  let lastRegionKey = "";
  let lastRegion: TRegion = null;
  const checkedRegion = (code: string | null): TRegion =>
    code === null || (code !== ctx.batchRegionCode && !ctx.knownRegions.has(code)) || !isWithinRegion(code, ctx.batchRegionCode)
      ? null
      : { text: code, code: Buffer.from(code, "latin1"), kecamatan: code.length >= 8 ? Buffer.from(code.slice(0, 8), "latin1") : null };
  const compositeEmpty = () => {
    for (const i of composite) {
      cell(i);
      if (ce > cs) return false;
    }
    return true;
  };
  const compositeRegion = (): TRegion => {
    const parts: string[] = [];
    for (const i of composite) {
      cell(i);
      parts.push(latin1(b, cs, ce));
    }
    const key = "\u0001" + parts.join("\u0001");
    if (key !== lastRegionKey) {
      lastRegionKey = key;
      lastRegion = checkedRegion(composeRegion({ province: parts[0], kabupaten: parts[1], kecamatan: parts[2], desa: parts[3] }));
    }
    return lastRegion;
  };

  // What step 1 does with each byte value.
  const byteClass = new Uint8Array(256).fill(REFUSED);
  for (let c = SPACE; c <= 0x7e; c++) if (c !== QUOTE && c !== BACKSLASH) byteClass[c] = c === SPACE ? BLANK : PLAIN;
  byteClass[delimiter] = DELIMITER;
  const rowDigits = new Uint8Array(20);
  let rowDigitCount = 0;
  let lastRowNo = -2;
  const result: TQuickResult = { nikHi: 0, nikLo: 0, nikStart: 0, regionCode: "", desil: 0, kkHi: -1, kkLo: 0 };

  return (bytes, start, end, rowNo, out) => {
    b = bytes;
    // 1. Cells, and the bytes allowed on this path: printable ASCII without quote or backslash.
    let n = 0;
    let cellStart = start;
    let doubleSpace = false;
    let cellStarts = starts;
    let cellEnds = ends;
    const classOf = byteClass;
    for (let i = start; i < end; i++) {
      const k = classOf[bytes[i]];
      if (k === PLAIN) continue;
      if (k === BLANK) {
        if (i > start && bytes[i - 1] === SPACE) doubleSpace = true;
        continue;
      }
      if (k === REFUSED) return null;
      if (n + 1 >= cellStarts.length) {
        growCells();
        cellStarts = starts;
        cellEnds = ends;
      }
      cellStarts[n] = cellStart;
      cellEnds[n++] = i;
      cellStart = i + 1;
    }
    cellStarts[n] = cellStart;
    cellEnds[n++] = end;
    count = n;

    // 2. NIK: 16 clean digits with a valid date.
    cell(f.nik);
    if (ce - cs !== 16) return null;
    const nikStart = cs;
    const nikKey = quickIdDateKeyAt(b, cs, true, today);
    if (nikKey < 0) return null;

    // 3. Name: single-spaced; its normalized form is its lower case unless a token needs rewriting.
    cell(f.name);
    const nameStart = cs;
    const nameEnd = ce;
    if (nameEnd === nameStart || (doubleSpace && hasDoubleSpace(nameStart, nameEnd))) return null;
    let normalizedText: string | null = null;
    if (!nameIsPlain(b, nameStart, nameEnd)) {
      normalizedText = normalizePersonName(latin1(b, nameStart, nameEnd));
      if (normalizedText === "") return null;
    }

    // 4. No KK: empty, or 16 clean digits with a valid date.
    cell(f.noKk);
    const kkStart = cs;
    const kkEnd = ce;
    if (kkEnd > kkStart && (kkEnd - kkStart !== 16 || quickIdDateKeyAt(b, kkStart, false, today) < 0)) return null;

    // 5. Region: the code column, the separate code columns, the KK's kecamatan, or the batch's region.
    let region: TRegion;
    cell(f.regionCode);
    if (ce > cs && sameBytes(lastCode, lastCodeLength, cs, ce)) region = lastCodeRegion;
    else if (ce > cs) {
      // A code of digits only (the usual "3509012001") is looked up by its value and length, without a string.
      const digits = ce - cs <= 14 ? digitsValue(cs, ce - cs) : -1;
      const key = digits >= 0 ? digits * 16 + (ce - cs) : latin1(b, cs, ce);
      let known = codeRegions.get(key);
      if (known === undefined) {
        known = checkedRegion(normalizeRegionCode(latin1(b, cs, ce)));
        if (codeRegions.size < 100_000) codeRegions.set(key, known);
      }
      region = known;
      // The next row is most often of the same family or desa: its code is compared with these bytes first.
      lastCodeLength = ce - cs <= lastCode.length ? ce - cs : -1;
      if (lastCodeLength > 0) b.copy(lastCode, 0, cs, ce);
      lastCodeRegion = known;
    } else if (hasComposite && !compositeEmpty()) {
      region = compositeRegion();
    } else if (kkEnd > kkStart) {
      const key = "\u0002" + latin1(b, kkStart, kkStart + 6);
      if (key !== lastRegionKey) {
        lastRegionKey = key;
        const kec = `${key.slice(1, 3)}.${key.slice(3, 5)}.${key.slice(5, 7)}`;
        lastRegion = checkedRegion(ctx.knownRegions.has(kec) && isWithinRegion(kec, ctx.batchRegionCode) ? kec : ctx.batchRegionCode);
      }
      region = lastRegion;
    } else {
      region = batchRegion;
    }
    if (region === null) return null;

    // 6. Birth date: DD-MM-YYYY or YYYY-MM-DD (- / or .) read here, other shapes through parseDate; else the NIK's.
    cell(f.birthDate);
    let birthKey = Math.floor(nikKey / 2);
    if (ce > cs) {
      let y = -1;
      let mo = -1;
      let d = -1;
      if (ce - cs === 10 && isDateSeparator(b[cs + 2]) && isDateSeparator(b[cs + 5])) {
        d = digitsValue(cs, 2);
        mo = digitsValue(cs + 3, 2);
        y = digitsValue(cs + 6, 4);
      } else if (ce - cs === 10 && isDateSeparator(b[cs + 4]) && isDateSeparator(b[cs + 7])) {
        y = digitsValue(cs, 4);
        mo = digitsValue(cs + 5, 2);
        d = digitsValue(cs + 8, 2);
      }
      if (y >= 0 && mo >= 0 && d >= 0) {
        if (y < 1880 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
        birthKey = y * 10_000 + mo * 100 + d;
      } else {
        const parsed = parseDate(latin1(b, cs, ce));
        if (!parsed) return null;
        birthKey = Number(parsed.slice(0, 4)) * 10_000 + Number(parsed.slice(5, 7)) * 100 + Number(parsed.slice(8, 10));
      }
    }

    // 7. Sex: L / P (any case) read here, other spellings through parseSex; else the NIK's.
    cell(f.sex);
    let sex = nikKey % 2 === 1 ? 0x50 : 0x4c;
    if (ce > cs) {
      const c = upper(b[cs]);
      if (ce - cs === 1 && (c === 0x4c || c === 0x50)) sex = c;
      else {
        const parsed = parseSex(latin1(b, cs, ce));
        if (!parsed) return null;
        sex = parsed.charCodeAt(0);
      }
    }

    // 8. Desil 1–10.
    cell(f.desil);
    let desil = 0;
    if (ce > cs) {
      if (ce - cs === 1 && b[cs] >= 0x31 && b[cs] <= 0x39) desil = b[cs] - 48;
      else if (ce - cs === 2 && b[cs] === 0x31 && b[cs + 1] === 0x30) desil = 10;
      else {
        desil = Number(latin1(b, cs, ce));
        if (!Number.isInteger(desil) || desil < 1 || desil > 10) return null;
      }
    }

    // 9. Text fields must be single-spaced here (validateRow collapses runs of spaces; that row takes its path).
    cell(f.relation);
    const relS = cs;
    const relE = ce;
    cell(f.address);
    const adrS = cs;
    const adrE = ce;
    cell(f.status);
    const stS = cs;
    const stE = ce;
    if (doubleSpace && (hasDoubleSpace(relS, relE) || hasDoubleSpace(adrS, adrE) || hasDoubleSpace(stS, stE))) return null;

    // 10. Write the line (COPY_COLUMNS order). No byte needs escaping: step 1 let no tab, backslash or break through.
    // The line's bytes at most twice (name and its lower case) plus a rewritten name, codes, date and programs.
    out.ensure((end - start) * 2 + (normalizedText === null ? 0 : Buffer.byteLength(normalizedText)) + 400);
    const o = out.buf;
    let p = out.pos;
    // Row numbers come one after another: the last one's digits, counted up, instead of a division per digit.
    if (rowNo !== lastRowNo + 1) {
      const text = String(rowNo);
      rowDigitCount = text.length;
      for (let i = 0; i < text.length; i++) rowDigits[i] = text.charCodeAt(i);
    } else {
      let i = rowDigitCount - 1;
      while (i >= 0 && rowDigits[i] === 57) rowDigits[i--] = 48;
      if (i >= 0) rowDigits[i]++;
      else {
        rowDigits.copyWithin(1, 0, rowDigitCount++);
        rowDigits[0] = 49;
      }
    }
    lastRowNo = rowNo;
    for (let i = 0; i < rowDigitCount; i++) o[p++] = rowDigits[i];
    o[p++] = TAB;
    p = putBytes(o, p, region.code);
    o[p++] = TAB;
    p = region.kecamatan ? putBytes(o, p, region.kecamatan) : putNull(o, p);
    o[p++] = TAB;
    p = putText(o, p, bytes, nikStart, nikStart + 16);
    o[p++] = TAB;
    p = putTextOrNull(o, p, bytes, kkStart, kkEnd, false);
    o[p++] = TAB;
    p = putText(o, p, bytes, nameStart, nameEnd);
    o[p++] = TAB;
    if (normalizedText === null) p = putLower(o, p, bytes, nameStart, nameEnd);
    else p += o.write(normalizedText, p, "utf8");
    o[p++] = TAB;
    p = putDate(o, p, birthKey);
    o[p++] = TAB;
    o[p++] = sex;
    o[p++] = TAB;
    p = putTextOrNull(o, p, bytes, relS, relE, true);
    o[p++] = TAB;
    p = putTextOrNull(o, p, bytes, adrS, adrE, false);
    o[p++] = TAB;
    p = putPad3(o, p, f.rt);
    o[p++] = TAB;
    p = putPad3(o, p, f.rw);
    o[p++] = TAB;
    p = desil ? putNumber(o, p, desil, 0) : putNull(o, p);
    o[p++] = TAB;
    p = putTextOrNull(o, p, bytes, stS, stE, true);
    o[p++] = TAB;
    o[p++] = 0x7b; // {
    if (m.programList === undefined) {
      let written = 0;
      for (let k = 0; k < programColumns.length; k++) {
        const column = programColumns[k];
        if (!programOn(column.column, column.program)) continue;
        if (written++ > 0) o[p++] = 0x2c;
        p = putBytes(o, p, column.name);
      }
    } else {
      const programs: TDtksProgram[] = [];
      for (const { program, column } of programColumns) if (programOn(column, program)) programs.push(program);
      cell(m.programList);
      addListedPrograms(latin1(b, cs, ce), programs);
      p = putAscii(o, p, programs.join(","));
    }
    o[p++] = 0x7d; // }
    o[p++] = 0x0a;
    out.pos = p;

    result.nikHi = eightDigits(nikStart);
    result.nikLo = eightDigits(nikStart + 8);
    result.nikStart = nikStart;
    result.regionCode = region.text;
    result.desil = desil;
    result.kkHi = kkEnd > kkStart ? eightDigits(kkStart) : -1;
    result.kkLo = kkEnd > kkStart ? eightDigits(kkStart + 8) : 0;
    return result;
  };
}

/** A program's own yes/no column: 0 / empty and 1 read here, other spellings through programFlag. */
function programOn(column: number, program: TDtksProgram): boolean {
  cell(column);
  const n = ce - cs;
  if (n === 0 || (n === 1 && b[cs] === 0x30)) return false;
  if (n === 1 && b[cs] === 0x31) return true;
  return programFlag(latin1(b, cs, ce), program);
}
