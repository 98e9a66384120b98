// The reports' desil rollup of a batch (report_dtks_desil, report_dtks_split_kk; migrations 0012, 0017),
// counted while the import streams the rows by instead of by a GROUP BY over millions of loaded rows
// afterwards (3.4 s at 2 million rows, on the path to ACTIVE). Same numbers as report_dtks_rollup: per region
// code × desil the people and the distinct No KK; and each No KK of one desil found under more than one
// region code. An integration test compares the two on the same batch.
//
// Families are counted in an open-addressing table of typed arrays (No KK as two 8-digit halves, region and
// desil packed in one slot): ≈ 16 bytes a family, no string per row.

const EMPTY = 0xffffffff;
const DESIL_SLOTS = 11; // 0 = no desil, 1–10

export type TDesilRow = { regionCode: string; desil: number | null; people: number; households: number };
export type TSplitKkRow = { regionCode: string; desil: number | null; noKk: string };

export class DesilRollup {
  private regionIds = new Map<string, number>();
  private regionCodes: string[] = [];
  /** People without a No KK, by region × desil slot. */
  private loose: number[] = [];
  // The family table: No KK halves, (region id × 11 + desil slot), people.
  private hi = new Uint32Array(1 << 16).fill(EMPTY);
  private lo = new Uint32Array(1 << 16);
  private group = new Uint32Array(1 << 16);
  private people = new Uint32Array(1 << 16);
  private size = 0;

  /** The region's small number (the import keeps it with its region memo). */
  regionId(code: string): number {
    let id = this.regionIds.get(code);
    if (id === undefined) {
      id = this.regionCodes.length;
      this.regionIds.set(code, id);
      this.regionCodes.push(code);
    }
    return id;
  }

  /** One loaded person. `kkHi` < 0 when the row has no No KK; `desil` 0 when it has none. */
  add(regionId: number, desil: number, kkHi: number, kkLo: number) {
    const group = regionId * DESIL_SLOTS + desil;
    if (kkHi < 0) {
      this.loose[group] = (this.loose[group] ?? 0) + 1;
      return;
    }
    const mask = this.hi.length - 1;
    let i = (Math.imul(kkHi ^ Math.imul(kkLo, 0x9e3779b1) ^ Math.imul(group, 0x85ebca6b), 0xc2b2ae35) >>> 0) & mask;
    while (this.hi[i] !== EMPTY && (this.hi[i] !== kkHi || this.lo[i] !== kkLo || this.group[i] !== group)) i = (i + 1) & mask;
    if (this.hi[i] !== EMPTY) {
      this.people[i]++;
      return;
    }
    this.hi[i] = kkHi;
    this.lo[i] = kkLo;
    this.group[i] = group;
    this.people[i] = 1;
    if (++this.size * 2 > this.hi.length) this.grow();
  }

  /** addRow for a row given as text (the validateRow path). */
  addRow(regionCode: string, desil: number | null, noKk: string | null) {
    const id = this.regionId(regionCode);
    if (noKk === null) this.add(id, desil ?? 0, -1, 0);
    else this.add(id, desil ?? 0, Number(noKk.slice(0, 8)), Number(noKk.slice(8)));
  }

  /** Room for `families` (No KK × region × desil) without growing. */
  reserve(families: number) {
    let capacity = this.hi.length;
    while (families * 2 > capacity) capacity *= 2;
    if (capacity > this.hi.length) this.resize(capacity);
  }

  /** The rows of report_dtks_desil and report_dtks_split_kk. */
  result(): { desil: TDesilRow[]; splitKk: TSplitKkRow[] } {
    // Per group (region × desil slot): people and distinct families, in arrays indexed by the group number.
    const groups = this.regionCodes.length * DESIL_SLOTS;
    const people = new Float64Array(groups);
    const households = new Float64Array(groups);
    this.loose.forEach((n, g) => (people[g] += n));
    // Region codes per (desil, No KK), in a second table of the same kind: a family under two or more region
    // codes of the batch is what report_dtks_split_kk lists.
    const n = this.hi.length;
    const fHi = new Uint32Array(n).fill(EMPTY);
    const fLo = new Uint32Array(n);
    const fDesil = new Uint8Array(n);
    const fRegions = new Uint32Array(n);
    const slotOf = new Uint32Array(n);
    const familySlot = (i: number) => {
      const desil = this.group[i] % DESIL_SLOTS;
      const mask = n - 1;
      let j = (Math.imul(this.hi[i] ^ Math.imul(this.lo[i], 0x9e3779b1) ^ Math.imul(desil, 0x85ebca6b), 0xc2b2ae35) >>> 0) & mask;
      while (fHi[j] !== EMPTY && (fHi[j] !== this.hi[i] || fLo[j] !== this.lo[i] || fDesil[j] !== desil)) j = (j + 1) & mask;
      return j;
    };
    for (let i = 0; i < n; i++) {
      if (this.hi[i] === EMPTY) continue;
      const g = this.group[i];
      people[g] += this.people[i];
      households[g]++;
      const j = familySlot(i);
      slotOf[i] = j;
      if (fHi[j] === EMPTY) {
        fHi[j] = this.hi[i];
        fLo[j] = this.lo[i];
        fDesil[j] = g % DESIL_SLOTS;
      }
      fRegions[j]++;
    }
    const desilOf = (g: number) => (g % DESIL_SLOTS === 0 ? null : g % DESIL_SLOTS);
    const regionOf = (g: number) => this.regionCodes[Math.floor(g / DESIL_SLOTS)];
    const desil: TDesilRow[] = [];
    for (let g = 0; g < groups; g++) {
      if (people[g] > 0) desil.push({ regionCode: regionOf(g), desil: desilOf(g), people: people[g], households: households[g] });
    }
    const splitKk: TSplitKkRow[] = [];
    for (let i = 0; i < n; i++) {
      if (this.hi[i] === EMPTY || fRegions[slotOf[i]] < 2) continue;
      const noKk = String(this.hi[i]).padStart(8, "0") + String(this.lo[i]).padStart(8, "0");
      splitKk.push({ regionCode: regionOf(this.group[i]), desil: desilOf(this.group[i]), noKk });
    }
    return { desil, splitKk };
  }

  private grow() {
    this.resize(this.hi.length * 2);
  }

  private resize(n: number) {
    const { hi, lo, group, people } = this;
    this.hi = new Uint32Array(n).fill(EMPTY);
    this.lo = new Uint32Array(n);
    this.group = new Uint32Array(n);
    this.people = new Uint32Array(n);
    this.size = 0;
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === EMPTY) continue;
      const mask = n - 1;
      let j = (Math.imul(hi[i] ^ Math.imul(lo[i], 0x9e3779b1) ^ Math.imul(group[i], 0x85ebca6b), 0xc2b2ae35) >>> 0) & mask;
      while (this.hi[j] !== EMPTY) j = (j + 1) & mask;
      this.hi[j] = hi[i];
      this.lo[j] = lo[i];
      this.group[j] = group[i];
      this.people[j] = people[i];
      this.size++;
    }
  }
}
