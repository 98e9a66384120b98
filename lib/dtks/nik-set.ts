// The NIKs seen so far in an import, with the row each was first seen on, so a repeated NIK is reported
// while the file streams by (no GROUP BY pass over millions of rows afterwards). A NIK is 16 digits: two
// 8-digit halves fit in two Uint32 slots of an open-addressing table — 12 bytes a row, ≈ 50 MB at
// 2 million rows at the largest table size, instead of ≈ 150 MB for a Map of strings.

const EMPTY = 0xffffffff; // no 8-digit half reaches it (max 99,999,999)

export class NikSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Uint32Array;
  private size = 0;

  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity).fill(EMPTY);
    this.lo = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
  }

  /**
   * Records `nik` (16 digits) as seen on `row`. Returns 0 when it is new, otherwise the row it was first
   * seen on (which stays recorded).
   */
  addOrGet(nik: string, row: number): number {
    if (nik.length !== 16) throw new Error("NikSet: a NIK has 16 digits");
    return this.addOrGetParts(Number(nik.slice(0, 8)), Number(nik.slice(8)), row);
  }

  /** addOrGet for a NIK given as its two 8-digit halves (the import's byte-level path reads them as numbers). */
  addOrGetParts(hi: number, lo: number, row: number): number {
    const found = this.find(hi, lo);
    if (this.hi[found] !== EMPTY) return this.rows[found];
    this.hi[found] = hi;
    this.lo[found] = lo;
    this.rows[found] = row;
    if (++this.size * 2 > this.hi.length) this.grow();
    return 0;
  }

  /** Room for `count` NIKs without growing (the import estimates the file's rows from its first chunk). */
  reserve(count: number) {
    let capacity = this.hi.length;
    while (count * 2 > capacity) capacity *= 2;
    if (capacity > this.hi.length) this.resize(capacity);
  }

  get count() {
    return this.size;
  }

  /** The slot holding (hi, lo), or the empty slot where it belongs. Linear probing. */
  private find(hi: number, lo: number): number {
    const mask = this.hi.length - 1;
    let i = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    while (this.hi[i] !== EMPTY && (this.hi[i] !== hi || this.lo[i] !== lo)) i = (i + 1) & mask;
    return i;
  }

  private grow() {
    this.resize(this.hi.length * 2);
  }

  private resize(capacity: number) {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(capacity).fill(EMPTY);
    this.lo = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === EMPTY) continue;
      const at = this.find(hi[i], lo[i]);
      this.hi[at] = hi[i];
      this.lo[at] = lo[i];
      this.rows[at] = rows[i];
    }
  }
}
