import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyLine } from "@/lib/dtks/copy-format";
import { mapHeaders } from "@/lib/dtks/headers";
import { compileQuickRow, CopyBuffer } from "@/lib/dtks/quick-row";
import { syntheticRows } from "@/lib/dtks/synthetic";
import { validateRow, type TRowContext } from "@/lib/dtks/validate-row";

const today = new Date(2026, 10, 23);
const KNOWN = ["35.09", "35.09.01", "35.09.02", "35.09.01.2001", "35.09.01.2002", "35.09.02.2001", "35.78", "35.78.01", "35.78.01.2001"];
const context = (batchRegionCode: string): TRowContext => ({ districtCode: "35.09", batchRegionCode, knownRegions: new Set(KNOWN), today });

const LAYOUTS = [
  "NIK,NO_KK,NAMA,TGL_LAHIR,JENIS_KELAMIN,HUB_KELUARGA,ALAMAT,RT,RW,KODE_WILAYAH,DESIL,PKH,BPNT,PBI,PIP",
  "NIK,NO_KK,NAMA,DESIL",
  "NO_NIK,NAMA_LENGKAP,KODE_PROV,KODE_KAB,KODE_KEC,KODE_DESA,STATUS,PROGRAM,PKH",
  "KETERANGAN,NAMA,NIK,NOMOR_KK,JK,TANGGAL_LAHIR,RW,RT,ALAMAT,KODE_DESA,PROGRAM,DESIL,KIS",
  "NIK,NAMA",
].map((l) => l.split(","));

const digits16 = fc.oneof(
  fc.stringMatching(/^[0-9]{16}$/),
  fc.tuple(fc.constantFrom(35, 35, 35, 10, 97, 11), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
    .map((parts) => parts.map((p, i) => String(p).padStart(i === 6 ? 4 : 2, "0")).join("")),
);
const mostlyValidId = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom("3509", "3578"), fc.constantFrom("01", "02"), fc.integer({ min: 1, max: 71 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
    .map(([r, k, d, m, y, s]) => `${r}${k}${String(d).padStart(2, "0")}${String(m).padStart(2, "0")}${String(y).padStart(2, "0")}${String(s).padStart(4, "0")}`) },
  { weight: 2, arbitrary: digits16 },
  { weight: 1, arbitrary: fc.constantFrom("", " 3509015305830001", "3509 0153 0583 0001", "350901530583000", "35090153058300011", "3509015305830001x") },
);
const fromList = (...xs: string[]) => fc.constantFrom(...xs);
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const cellOf: Record<string, fc.Arbitrary<string>> = {
  NIK: mostlyValidId, NO_NIK: mostlyValidId,
  NO_KK: fc.oneof(mostlyValidId, fromList("")), NOMOR_KK: fc.oneof(mostlyValidId, fromList("")),
  NAMA: fc.oneof(
    fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" ")),
    fromList("Siti Aminah", "Moch Ali", "MOH. Ali", "Djoko Susilo", "Tjut Nyak", "Soekarno", "M. Yusuf", "Ali M.", "Ma'ruf", "Budi  Santoso",
      " Ani ", "Nur", "Muhammad Nur", "Ahmad", "Abd Rahman", "St Aisyah", "Noer Hadi", "x1", "", "123", "...", "Bu-di", "O'Neil", "Mochammad"),
  ),
  TGL_LAHIR: fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1870, max: 2030 }), fromList("-", "/", ".", "-/"))
      .map(([d, m, y, s]) => `${String(d).padStart(2, "0")}${s[0]}${String(m).padStart(2, "0")}${s[s.length - 1]}${y}`),
    fc.tuple(fc.integer({ min: 1870, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
    fromList("", "5/2/2020", "29-02-2000", "29-02-1900", "20200205", "2020-02-05T10:00", "2020-2-5", "x", "13-05-83", "1983/05/13"),
  ),
  JENIS_KELAMIN: fromList("L", "P", "l", "p", "LAKI-LAKI", "Perempuan", "X", "", "2", "Lk", " L"),
  HUB_KELUARGA: fromList("KEPALA KELUARGA", "istri", "anak  ke 2", "", " Anak ", "Cucu"),
  ALAMAT: fromList("Jl. Kenanga No. 27", "", "Gg.  Masjid", "RT 1/2", "Dusun Krajan"),
  RT: fromList("008", "8", "", "RT 08", "0", "1234", "abc", "0000000000000000000001", "12345678901234567"),
  KODE_WILAYAH: fromList("3509012001", "35.09.01.2001", "350901", "3509", "35", "3509019999", "3578012001", "", "35 09 01 2001", "abc", "3509022001"),
  KODE_PROV: fromList("35", "", "3578", "x"), KODE_KAB: fromList("09", "3509", "", "78"), KODE_KEC: fromList("01", "350901", "", "02"),
  KODE_DESA: fromList("2001", "3509012001", "", "9999", "2002"),
  DESIL: fromList("1", "10", "07", "7.0", "0", "11", "", "x", "1e1", "5", "-1"),
  PKH: fromList("0", "1", "", "Y", "ya", "PKH", "x", "TIDAK", "V"),
  PROGRAM: fromList("PKH, BPNT", "", "kip;pbi", "xyz", "PKH"),
  STATUS: fromList("aktif", "", "Layak  Bantuan", "Non Aktif"),
  KETERANGAN: fromList("", "catatan", "a;b,c"),
};
cellOf.RW = cellOf.RT;
cellOf.TANGGAL_LAHIR = cellOf.TGL_LAHIR;
cellOf.NAMA_LENGKAP = cellOf.NAMA;
cellOf.JK = cellOf.JENIS_KELAMIN;
for (const p of ["BPNT", "PBI", "PIP", "KIS"]) cellOf[p] = cellOf.PKH;

describe("compileQuickRow (the import's byte-level path) agrees with validateRow + copyLine", () => {
  it("accepts only rows validateRow accepts, and writes the same COPY line byte for byte", () => {
    let accepted = 0;
    let valid = 0;
    const runs = 6000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LAYOUTS.length - 1 }).chain((layout) =>
          fc.tuple(fc.constant(layout), fc.tuple(...LAYOUTS[layout].map((h) => cellOf[h])))),
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("35.09", "35.09.01", "35.09.01.2001"),
        fc.integer({ min: 1, max: 3_000_000 }),
        ([layout, cells], delimiter, batchRegion, rowNo) => {
          const headers = LAYOUTS[layout];
          const clean = cells.map((c) => c.split(delimiter).join(""));
          const line = clean.join(delimiter);
          const m = mapHeaders(headers);
          const ctx = context(batchRegion);
          const quick = compileQuickRow(m, ctx, delimiter.charCodeAt(0))!;
          const out = new CopyBuffer(16);
          out.writeString("previous\n");
          const before = out.pos;
          const bytes = Buffer.from("##" + line + "##", "utf8");
          const result = quick(bytes, 2, bytes.length - 2, rowNo, out);
          const slow = validateRow(line.split(delimiter), m, ctx);
          if (slow.ok) valid++;
          if (result === null) {
            expect(out.pos).toBe(before);
            return;
          }
          accepted++;
          expect(slow.ok).toBe(true);
          if (!slow.ok) return;
          expect(out.buf.toString("utf8", before, out.pos)).toBe(copyLine(rowNo, slow.row));
          expect(String(result.nikHi).padStart(8, "0") + String(result.nikLo).padStart(8, "0")).toBe(slow.row.nik);
          expect(bytes.toString("latin1", result.nikStart, result.nikStart + 16)).toBe(slow.row.nik);
        },
      ),
      { seed: 20261123, numRuns: runs },
    );
    // The generators reach both sides: many rows taken here, many declined (validateRow then decides).
    expect(valid).toBeGreaterThan(runs * 0.05);
    expect(accepted).toBeGreaterThan(valid * 0.5);
  });

  it("takes every row of a clean register extract (the benchmark's generator)", () => {
    const headers = LAYOUTS[0];
    const m = mapHeaders(headers);
    const ctx: TRowContext = { districtCode: "35.09", batchRegionCode: "35.09", knownRegions: new Set(["35.09", "35.09.01", "35.09.01.2001", "35.09.01.2002"]), today };
    const quick = compileQuickRow(m, ctx, 44)!;
    const out = new CopyBuffer(1024);
    let expected = "";
    let rowNo = 0;
    for (const r of syntheticRows({ regions: ["35.09.01.2001", "35.09.01.2002"], count: 2000, seed: 7 })) {
      const cells = [r.nik, r.noKk, r.name, r.birthDate.split("-").reverse().join("-"), r.sex, r.relation, r.address, r.rt, r.rw,
        r.regionCode.replace(/\./g, ""), String(r.desil), ...["PKH", "BPNT", "PBI", "PIP"].map((p) => (r.programs.includes(p) ? "1" : "0"))];
      const line = cells.join(",");
      const slow = validateRow(cells, m, ctx);
      expect(slow.ok).toBe(true);
      if (!slow.ok) continue;
      expected += copyLine(++rowNo, slow.row);
      const bytes = Buffer.from(line);
      expect(quick(bytes, 0, bytes.length, rowNo, out)).not.toBeNull();
    }
    expect(out.take().toString("utf8")).toBe(expected);
  });
});
