import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSplitter, CsvSyntaxError } from "@/lib/dtks/csv-splitter";

/** Feeds `text` in pieces cut at `cuts` (character offsets), as a stream would. */
function splitAll(text: string, delimiter: string, cuts: number[] = []): string[][] {
  const s = new CsvSplitter(delimiter);
  const rows: string[][] = [];
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= text.length) continue;
    rows.push(...s.push(text.slice(at, cut)));
    at = cut;
  }
  rows.push(...s.push(text.slice(at)));
  rows.push(...s.end());
  return rows;
}

/** The csv-parse options the splitter replaced; it is the reference for well-formed files. */
const reference = (text: string, delimiter: string) =>
  parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: false }) as string[][];

describe("CsvSplitter", () => {
  it("splits plain lines, LF and CRLF, skipping empty lines and a BOM", () => {
    expect(splitAll("\uFEFFNIK;NAMA\r\n3509010101900001;Siti Aminah\r\n\r\n3509010101900002;Budi\n", ";")).toEqual([
      ["NIK", "NAMA"], ["3509010101900001", "Siti Aminah"], ["3509010101900002", "Budi"],
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks, across chunk boundaries", () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,"",\n';
    const expected = [["a", "b", "c"], ["x, y", 'say "hi"', "two\nlines"], ["last", "", ""]];
    for (let cut = 1; cut < text.length; cut++) expect(splitAll(text, ",", [cut])).toEqual(expected);
  });

  it("keeps a quote inside an unquoted field as text and keeps a row without a final line break", () => {
    expect(splitAll('nama,catatan\nBudi,tinggi 5"\nAni,ok', ",")).toEqual([["nama", "catatan"], ["Budi", 'tinggi 5"'], ["Ani", "ok"]]);
  });

  it("refuses a quote left open at the end of the file instead of swallowing the rest", () => {
    expect(() => splitAll('a,b\n"open,1\n2,3\n', ",")).toThrow(CsvSyntaxError);
  });

  it("agrees with csv-parse on well-formed files of any content, cut anywhere", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 .'-]{0,12}$/),
      fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !/[\r\n"]/.test(s) && !s.startsWith("\uFEFF")),
      fc.string({ maxLength: 10 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(",", ";", "\t"),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (delimiter, rows, eol, cuts) => {
          // A quoted cell must not hold the other delimiters unquoted; plain cells must not contain the delimiter.
          const lines = rows.map((r) => r.map((c) => (c.startsWith('"') ? c : c.split(delimiter).join(""))).join(delimiter));
          const text = lines.join(eol) + eol;
          expect(splitAll(text, delimiter, cuts)).toEqual(reference(text, delimiter));
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
