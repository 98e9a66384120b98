import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvSplitter, CsvSyntaxError } from "@/lib/dtks/csv-splitter";
import { cellsOf, recordChunks, type TRecordOptions } from "@/lib/dtks/csv-records";

/** CsvSplitter over the whole text: the reference. */
function reference(text: string, delimiter: string): string[][] {
  const s = new CsvSplitter(delimiter);
  return [...s.push(text), ...s.end()];
}

/**
 * The byte-level reader over the encoded text cut at `cuts` (byte offsets), cells as the import reads them;
 * `bufferBytes` smaller than a record makes the reader grow its buffer.
 */
async function viaRecords(bytes: Buffer, opts: TRecordOptions, cuts: number[] = [], bufferBytes?: number): Promise<string[][]> {
  const pieces: Buffer[] = [];
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    pieces.push(bytes.subarray(at, cut));
    at = cut;
  }
  pieces.push(bytes.subarray(at));
  const rows: string[][] = [];
  let last = 0;
  for await (const chunk of recordChunks(pieces, opts, bufferBytes)) {
    for (let i = 0; i < chunk.count; i++) rows.push(cellsOf(chunk, i, opts));
    expect(chunk.bytesConsumed).toBeGreaterThan(last);
    last = chunk.bytesConsumed;
  }
  expect(last).toBe(bytes.length);
  return rows;
}

describe("recordChunks (byte-level record boundaries) agrees with CsvSplitter", () => {
  it("on plain, quoted, multi-line and CRLF records, a BOM, cut anywhere", async () => {
    const text = '\uFEFFNIK,NAMA\r\n1,"Budi, S"\r\n\r\n2,"dua\nbaris"\n3,tinggi 5"\nlast,"say ""hi"""';
    const bytes = Buffer.from(text, "utf8");
    const expected = reference(text, ",");
    for (let cut = 1; cut < bytes.length; cut++) expect(await viaRecords(bytes, { delimiter: ",", encoding: "utf8" }, [cut])).toEqual(expected);
    for (const bufferBytes of [1, 2, 3, 5, 8, 13]) expect(await viaRecords(bytes, { delimiter: ",", encoding: "utf8" }, [], bufferBytes)).toEqual(expected);
  });

  it("decodes Windows-1252 text", async () => {
    const text = "NIK;NAMA\n1;Dédé Sürya\n";
    expect(await viaRecords(iconv.encode(text, "win1252"), { delimiter: ";", encoding: "win1252" })).toEqual(reference(text, ";"));
  });

  it("refuses a quote left open at the end of the file, with CsvSplitter's message", async () => {
    const text = 'a,b\n1,2\n"open,1\n2,3\n';
    let message = "";
    try {
      reference(text, ",");
    } catch (e) {
      message = (e as Error).message;
    }
    await expect(viaRecords(Buffer.from(text), { delimiter: ",", encoding: "utf8" })).rejects.toThrow(new CsvSyntaxError(message));
  });

  it("on any well-formed file, cut anywhere", async () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 .'-]{0,12}$/),
      fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !/[\r\n"]/.test(s) && !s.startsWith("\uFEFF")),
      fc.string({ maxLength: 10 }).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.constantFrom('x"y', '""', '"a"b', ""),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(",", ";", "\t"),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.nat(400), { maxLength: 6 }),
        fc.constantFrom(undefined, 4, 16, 64),
        async (delimiter, rows, eol, finalBreak, cuts, bufferBytes) => {
          const lines = rows.map((r) => r.map((c) => (c.startsWith('"') ? c : c.split(delimiter).join(""))).join(delimiter));
          const text = lines.join(eol) + (finalBreak ? eol : "");
          const bytes = Buffer.from(text, "utf8");
          let expected: string[][] | Error;
          try {
            expected = reference(text, delimiter);
          } catch (e) {
            expected = e as Error;
          }
          if (expected instanceof Error) await expect(viaRecords(bytes, { delimiter, encoding: "utf8" }, cuts, bufferBytes)).rejects.toThrow(expected.message);
          else expect(await viaRecords(bytes, { delimiter, encoding: "utf8" }, cuts, bufferBytes)).toEqual(expected);
        },
      ),
      { seed: 20261123, numRuns: 400 },
    );
  });
});
