import { writeFileSync } from "node:fs";
import { exportSubjectData } from "./export.ts";
import { purgeExpiredRecords } from "./purge.ts";

/** `npm run simpul -- privacy export --nik N [--out FILE]` / `privacy purge [--years N] [--dry-run]`. */
export async function privacyCli(
  verb: string | undefined,
  values: { nik?: string; out?: string; years?: string; "dry-run"?: boolean; "as-user"?: string },
  operator: string,
): Promise<number> {
  const actor = { id: null, label: values["as-user"] ? `${operator} (untuk ${values["as-user"]})` : operator };
  if (verb === "export") {
    const data = await exportSubjectData(values.nik ?? "", actor);
    const json = JSON.stringify(data, null, 2);
    if (values.out) {
      writeFileSync(values.out, json, { mode: 0o600 });
      const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
      console.error(`Ekspor data subjek ditulis ke ${values.out}: ${rows} baris dari ${Object.keys(data.tables).length} tabel, ${data.auditTrail.length} catatan audit. Berkas berisi data pribadi: serahkan hanya kepada subjek data.`);
    } else {
      console.log(json);
    }
    return 0;
  }
  const r = await purgeExpiredRecords(actor, { years: values.years ? Number(values.years) : undefined, dryRun: values["dry-run"] });
  const cutoff = r.cutoff.toISOString().slice(0, 10);
  console.log(r.dryRun
    ? `Uji coba: ${r.cases} kasus selesai dan ${r.proposals} usulan DTKS yang diputus sebelum ${cutoff} (retensi ${r.years} tahun) akan dianonimkan.`
    : `${r.cases} kasus, ${r.proposals} usulan DTKS dan ${r.persons} orang dianonimkan; ${r.files} berkas (lampiran, foto verivali) dihapus ` +
      `(retensi ${r.years} tahun, batas ${cutoff}).`);
  if (r.filesFailed > 0) {
    console.error(`${r.filesFailed} berkas tidak bisa dihapus dari penyimpanan (lihat peringatan di atas): hapus manual dari folder penyimpanan berkas.`);
    return 1;
  }
  return 0;
}
