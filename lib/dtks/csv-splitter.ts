// A streaming CSV record splitter for register extracts, written for speed: millions of rows of the
// Ministry's layout carry no quotes at all, so a line without a quote character is split with
// String.prototype.split (native, ≈10× faster than a general parser). A line with a quote goes through
// the RFC 4180 state machine below, which also joins lines when a quoted field holds a line break.
// Same leniency as the csv-parse options it replaces (relax_quotes, relax_column_count,
// skip_empty_lines, no trimming): a quote inside an unquoted field is kept as text; a quoted field
// followed by more text keeps that text. A quote left open at the end of the file is an error, because
// silently swallowing the rest of the file into one field would lose rows.

export class CsvSyntaxError extends Error {}

export class CsvSplitter {
  private rest = "";
  private started = false;
  /** Physical line number where the current record starts (1-based), for error messages. */
  private line = 0;

  constructor(private readonly delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new Error(`unsupported CSV delimiter ${JSON.stringify(delimiter)}`);
    }
  }

  /** Feeds decoded text; returns the records completed by it (possibly none). */
  push(text: string): string[][] {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const data = this.rest === "" ? text : this.rest + text;
    const out: string[][] = [];
    const consumed = this.split(data, false, out);
    this.rest = data.slice(consumed);
    return out;
  }

  /** The records left at the end of the input. */
  end(): string[][] {
    const out: string[][] = [];
    if (this.rest !== "") this.split(this.rest, true, out);
    this.rest = "";
    return out;
  }

  /** Splits the complete records of `data` into `out`; returns how many characters were consumed. */
  private split(data: string, final: boolean, out: string[][]): number {
    const delimiter = this.delimiter;
    let pos = 0;
    const length = data.length;
    while (pos < length) {
      let newline = data.indexOf("\n", pos);
      if (newline === -1) {
        if (!final) break;
        newline = length;
      }
      let lineEnd = newline;
      if (lineEnd > pos && data.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      // The quote test is on the line itself: a search across the rest of the chunk was measured to cost
      // O(chunk) per line when the chunk is a concatenated (cons) string.
      const line = data.slice(pos, lineEnd);
      if (line.indexOf('"') === -1) {
        this.line++;
        if (line !== "") out.push(line.split(delimiter));
        pos = newline + 1;
        continue;
      }
      const parsed = this.parseQuoted(data, pos, final);
      if (parsed === null) break; // a quoted field runs past the data we have: wait for more
      out.push(parsed.cells);
      pos = parsed.next;
    }
    return Math.min(pos, length);
  }

  /**
   * One record that contains a quote, starting at `start`. Returns the cells and the index after the
   * record's line break, or null when the record is not complete in `data` (and more may come).
   */
  private parseQuoted(data: string, start: number, final: boolean): { cells: string[]; next: number } | null {
    const delimiter = this.delimiter;
    const cells: string[] = [];
    let field = "";
    let i = start;
    let lines = 1;
    const length = data.length;
    for (;;) {
      // At the start of a field.
      if (i < length && data[i] === '"') {
        i++;
        for (;;) {
          const close = data.indexOf('"', i);
          if (close === -1) {
            if (!final) return null;
            throw new CsvSyntaxError(`Tanda kutip (") di baris ${this.line + 1} tidak ditutup sampai akhir berkas.`);
          }
          const chunk = data.slice(i, close);
          for (let k = chunk.indexOf("\n"); k !== -1; k = chunk.indexOf("\n", k + 1)) lines++;
          field += chunk;
          if (close + 1 < length && data[close + 1] === '"') {
            field += '"';
            i = close + 2;
            continue;
          }
          if (close + 1 >= length && !final) return null; // "" may continue in the next chunk
          i = close + 1;
          break;
        }
      }
      // Unquoted text (or text after a closing quote), up to the delimiter or the end of the line.
      let j = i;
      while (j < length) {
        const c = data[j];
        if (c === delimiter || c === "\n") break;
        j++;
      }
      if (j >= length && !final) return null;
      let piece = data.slice(i, j);
      if (j < length && data[j] === "\n" && piece.endsWith("\r")) piece = piece.slice(0, -1);
      else if (j >= length && piece.endsWith("\r")) piece = piece.slice(0, -1);
      field += piece;
      cells.push(field);
      field = "";
      if (j < length && data[j] === delimiter) {
        i = j + 1;
        continue;
      }
      this.line += lines;
      return { cells, next: j + 1 };
    }
  }
}
