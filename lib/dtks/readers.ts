import "server-only";
// Register extracts as async iterators of row batches, never whole in memory: CSV (comma, semicolon or tab,
// UTF-8 or Windows-1252, detected from the first bytes) through CsvSplitter, XLSX through exceljs's
// streaming reader. The first row is the header row. `progress.bytesRead` counts the file's bytes consumed.

import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { CsvSplitter } from "./csv-splitter.ts";

export type TFileKind = "csv" | "xlsx";
export type TProgress = { bytesRead: number };
/** Rows come in batches (one per chunk of the file read): a yield per row would cost more than parsing it. */
export type TRowSource = { batches: AsyncIterable<string[][]>; progress: TProgress; encoding?: string; delimiter?: string };

export function fileKindOf(fileName: string): TFileKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  return null;
}

/** Sniffs encoding and delimiter from the first 64 KiB (pure, exported for the unit tests). */
export function sniffCsv(head: Buffer): { encoding: "utf8" | "win1252"; delimiter: "," | ";" | "\t" } {
  let sample = head;
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes of it.
  let cut = sample.length;
  while (cut > 0 && cut > sample.length - 4 && (sample[cut - 1] & 0xc0) === 0x80) cut--;
  if (cut > 0 && sample[cut - 1] >= 0xc0) cut--;
  sample = sample.subarray(0, cut);
  let encoding: "utf8" | "win1252" = "utf8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample);
  } catch {
    encoding = "win1252";
  }
  const firstLine = sample.toString("latin1").split(/\r?\n/)[0] ?? "";
  const count = (c: string) => firstLine.split(c).length - 1;
  const [comma, semi, tab] = [count(","), count(";"), count("\t")];
  const delimiter = tab > comma && tab > semi ? "\t" : semi > comma ? ";" : ",";
  return { encoding, delimiter };
}

function byteCounter(progress: TProgress) {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      progress.bytesRead += chunk.length;
      cb(null, chunk);
    },
  });
}

async function readHead(path: string, bytes = 65536): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** sniffCsv on the file's first 64 KiB. */
export async function sniffCsvFile(path: string) {
  return sniffCsv(await readHead(path));
}

async function openCsv(path: string): Promise<TRowSource> {
  const { encoding, delimiter } = sniffCsv(await readHead(path));
  const progress: TProgress = { bytesRead: 0 };
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let text: NodeJS.ReadableStream = file.pipe(byteCounter(progress));
  if (encoding === "win1252") text = text.pipe(iconv.decodeStream("win1252"));
  else text.setEncoding("utf8");
  const splitter = new CsvSplitter(delimiter);
  const batches = (async function* () {
    try {
      for await (const chunk of text as AsyncIterable<string>) {
        const rows = splitter.push(chunk);
        if (rows.length > 0) yield rows;
      }
      const rest = splitter.end();
      if (rest.length > 0) yield rest;
    } finally {
      file.destroy();
    }
  })();
  return { batches, progress, encoding, delimiter };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
    return "";
  }
  // Long digit strings stored as numbers (NIK typed into Excel) come back as numbers: print them whole.
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value);
}

async function openXlsx(path: string): Promise<TRowSource> {
  const progress: TProgress = { bytesRead: 0 };
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const input = file.pipe(byteCounter(progress));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit",
  });
  const batches = (async function* () {
    try {
      // Only the first worksheet: extracts carry one sheet; later ones are notes or summaries.
      for await (const worksheet of reader) {
        let batch: string[][] = [];
        for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as ExcelJS.CellValue[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
          batch.push(cells);
          if (batch.length >= 1000) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        break;
      }
    } finally {
      file.destroy();
    }
  })();
  return { batches, progress };
}

export async function openRowSource(path: string, kind: TFileKind): Promise<TRowSource> {
  return kind === "xlsx" ? openXlsx(path) : openCsv(path);
}
