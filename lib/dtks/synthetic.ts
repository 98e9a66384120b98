// Synthetic but realistic register rows: Indonesian names, families under one No KK, valid NIKs whose
// region, birth date and sex agree with the row. Deterministic (seeded), streaming (a generator), used by
// scripts/dtks-generate.ts (the 2M-row benchmark file), the tests' fixtures and the demo seed.

export type TSyntheticRow = {
  nik: string; noKk: string; name: string; birthDate: string; sex: "L" | "P"; relation: string;
  address: string; rt: string; rw: string; regionCode: string; desil: number; programs: string[];
};

const MALE = ["Budi", "Agus", "Slamet", "Joko", "Bambang", "Eko", "Hadi", "Sugeng", "Wahyu", "Muhammad", "Ahmad", "Rudi", "Teguh", "Dwi", "Heru", "Sutrisno", "Suparman", "Yusuf", "Rizky", "Fajar", "Dimas", "Arif", "Hendra", "Imam", "Bagus", "Nur", "Tri", "Andi", "Adi", "Wawan", "Gunawan", "Priyo", "Kusnadi", "Suwarno", "Darmaji", "Sukardi", "Mulyono", "Rahmat", "Ilham", "Fikri"];
const FEMALE = ["Siti", "Sri", "Dewi", "Wahyuni", "Sumiati", "Suparmi", "Endang", "Rina", "Lestari", "Nur", "Ani", "Yuliana", "Ratna", "Kartini", "Sulastri", "Mariyam", "Aminah", "Fatimah", "Indah", "Puji", "Tutik", "Eni", "Ningsih", "Rukmini", "Sukarti", "Partini", "Winarti", "Yanti", "Nining", "Dian", "Ayu", "Putri", "Anisa", "Nabila", "Aisyah", "Rahayu", "Susanti", "Handayani", "Kurniasih", "Maesaroh"];
const LAST = ["Santoso", "Wibowo", "Hidayat", "Saputra", "Setiawan", "Kurniawan", "Prasetyo", "Susanto", "Purnomo", "Nugroho", "Utomo", "Hartono", "Wijaya", "Rahmawati", "Lestari", "Wulandari", "Handoko", "Siswanto", "Suryadi", "Haryanto", "Aminah", "Maulana", "Firmansyah", "Ramadhan", "Pratama", "Hasanah", "Sholikhah", "Mubarok", "Fauzi", "Hakim"];
const STREETS = ["Jl. Merpati", "Jl. Kenanga", "Jl. Mawar", "Jl. Diponegoro", "Jl. Sudirman", "Jl. Cokroaminoto", "Jl. Pahlawan", "Jl. Melati", "Gg. Masjid", "Jl. Kartini", "Jl. Serayu", "Jl. Bengawan Solo"];
const PROGRAMS = ["PKH", "BPNT", "PBI", "PIP"];

/** Small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const DAY = 86_400_000;

function dateFrom(dayIndex: number, base: number): Date {
  return new Date(base + dayIndex * DAY);
}

function ddmmyy(d: Date, plus = 0) {
  return `${pad(d.getUTCDate() + plus)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCFullYear() % 100)}`;
}

/**
 * `count` rows over the given desa/kelurahan codes, families of 1–6. NIKs are unique for up to ~30 million
 * rows per kecamatan: the birth date and serial are derived from a per-kecamatan counter.
 */
export function* syntheticRows(opts: { regions: readonly string[]; count: number; seed?: number; startIndex?: number }): Generator<TSyntheticRow> {
  const rnd = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const counters = new Map<string, number>();
  const BIRTH_BASE = Date.UTC(1940, 0, 1); // birth dates 1940 … ~2022
  const KK_BASE = Date.UTC(2000, 0, 1);
  let produced = 0;
  let family = opts.startIndex ?? 0;
  while (produced < opts.count) {
    const region = opts.regions[family % opts.regions.length];
    const kec = region.split(".").slice(0, 3).join("");
    const nextSerial = () => {
      const n = (counters.get(kec) ?? 0) + 1;
      counters.set(kec, n);
      return n;
    };
    const k = nextSerial();
    const kkDate = dateFrom(k % 7000, KK_BASE);
    const noKk = `${kec}${ddmmyy(kkDate)}${pad(Math.floor(k / 7000) + 1, 4)}`;
    const size = 1 + Math.floor(rnd() * 6);
    const last = pick(LAST);
    const rt = pad(1 + Math.floor(rnd() * 12), 3);
    const rw = pad(1 + Math.floor(rnd() * 5), 3);
    const address = `${pick(STREETS)} No. ${1 + Math.floor(rnd() * 120)}`;
    const desil = 1 + Math.floor(rnd() * 10);
    const programs = desil <= 4 ? PROGRAMS.filter(() => rnd() < 0.5) : desil <= 5 ? ["BPNT"] : [];
    for (let m = 0; m < size && produced < opts.count; m++) {
      const sex: "L" | "P" = m === 0 ? (rnd() < 0.8 ? "L" : "P") : m === 1 ? "P" : rnd() < 0.5 ? "L" : "P";
      const relation = m === 0 ? "KEPALA KELUARGA" : m === 1 ? "ISTRI" : "ANAK";
      // Unique per kecamatan: n -> (day, serial) is a bijection (7919 is prime to 29000), days 1940…2019.
      const n = nextSerial();
      const birth = dateFrom((n * 7919) % 29000, BIRTH_BASE);
      const serial = Math.floor(n / 29000) % 9999 + 1;
      const nik = `${kec}${ddmmyy(birth, sex === "P" ? 40 : 0)}${pad(serial, 4)}`;
      const first = sex === "L" ? pick(MALE) : pick(FEMALE);
      const name = m === 0 || rnd() < 0.5 ? `${first} ${m === 0 || sex === "L" ? last : pick(LAST)}` : first;
      yield {
        nik, noKk, name, birthDate: birth.toISOString().slice(0, 10), sex, relation, address, rt, rw,
        regionCode: region, desil, programs,
      };
      produced++;
    }
    family++;
  }
}

export const SYNTHETIC_CSV_HEADERS = ["NIK", "NO_KK", "NAMA", "TGL_LAHIR", "JENIS_KELAMIN", "HUB_KELUARGA", "ALAMAT", "RT", "RW", "KODE_WILAYAH", "DESIL", "PKH", "BPNT", "PBI", "PIP"];

export function syntheticCsvCells(r: TSyntheticRow): string[] {
  return [
    r.nik, r.noKk, r.name, r.birthDate.split("-").reverse().join("-"), r.sex, r.relation, r.address, r.rt, r.rw,
    r.regionCode.replace(/\./g, ""), String(r.desil), ...["PKH", "BPNT", "PBI", "PIP"].map((p) => (r.programs.includes(p) ? "1" : "0")),
  ];
}

/** One CSV line (comma-separated, quoted where needed). */
export function csvLine(cells: readonly string[], delimiter = ","): string {
  return cells.map((c) => (/[",;\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter) + "\n";
}
