import "server-only";
// `npm run simpul -- dtks import FILE …` and `dtks lookup --nik N`. The CLI operator acts for a district
// (from --region, or the only district with offices) with district-wide scope.

import path from "node:path";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { districtCodeOf } from "@/lib/regions/codes";
import { lookupByNik, lookupByNoKk } from "./lookup.ts";
import { runImport } from "./run-import.ts";
import { startImport } from "./start-import.ts";

type TValues = Record<string, string | boolean | undefined>;

async function operatorDistrict(region?: string): Promise<string> {
  if (region) {
    const d = region.split(".").length === 2 ? region : districtCodeOf(region);
    if (!d) throw new Error(`Kode wilayah "${region}" tidak sah.`);
    return d;
  }
  const districts = await db.office.findMany({ distinct: ["districtCode"], select: { districtCode: true } });
  if (districts.length !== 1) throw new Error("Sebutkan --region KODE (kabupaten/kota atau wilayah yang diimpor).");
  return districts[0].districtCode;
}

async function actorFor(values: TValues, operator: string): Promise<TActor> {
  if (typeof values["as-user"] === "string") {
    const u = await db.user.findUnique({ where: { username: values["as-user"] } });
    if (!u) throw new Error(`Pengguna "${values["as-user"]}" tidak ditemukan.`);
    return { id: u.id, username: u.username, role: u.role, officeId: u.officeId, districtCode: u.districtCode, scopeRegionCode: u.scopeRegionCode, rtList: u.rtList };
  }
  const district = await operatorDistrict(values.region as string | undefined);
  return { id: operator, username: operator, role: "DINSOS", officeId: "", districtCode: district, scopeRegionCode: district, rtList: [] };
}

const fmt = (n: number) => n.toLocaleString("id-ID");

const PHASE_LABELS: Record<string, string> = {
  INDEXING: "menyusun indeks NIK/KK", ACTIVE: "aktif", SEARCH_INDEX: "aktif; menyusun indeks pencarian nama",
};

export async function dtksCli(verb: string, positionals: string[], values: TValues, operator: string): Promise<number> {
  if (verb === "import") {
    const file = positionals[0];
    if (!file) throw new Error("Sebutkan berkas CSV atau XLSX.");
    const district = await operatorDistrict(values.region as string | undefined);
    const batch = await startImport({ id: null, username: operator, districtCode: district }, path.resolve(file), path.basename(file), {
      source: ((values.source as string) ?? "DTKS").toUpperCase() as "DTKS" | "DTSEN",
      period: (values.period as string) ?? new Date().toISOString().slice(0, 7),
      regionCode: values.region as string | undefined,
      force: values.force === true,
    });
    console.error(`Batch ${batch.id}: ${batch.fileName}, ${batch.source} ${batch.period}, wilayah ${batch.regionCode}`);
    const t0 = performance.now();
    let peakRss = process.memoryUsage().rss;
    const done = await runImport(batch.id, path.resolve(file), {
      onProgress: (p) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        const pct = p.fileBytes ? Math.min(100, Math.round((p.bytesRead / p.fileBytes) * 100)) : 0;
        const step = p.phase === "LOADING" ? `${pct}%` : (PHASE_LABELS[p.phase] ?? p.phase);
        process.stderr.write(`\r  ${step}: ${fmt(p.rowsRead)} baris dibaca, ${fmt(p.rowsLoaded)} dimuat, ${fmt(p.rowsRejected)} ditolak   `);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    process.stderr.write("\n");
    if (done.status === "ACTIVE" && !done.searchReadyAt) console.error("Catatan: indeks pencarian nama belum selesai; disusun ulang otomatis. Cari per NIK / No KK sudah bisa.");
    if (done.status !== "ACTIVE") {
      console.error(`Gagal: ${done.message ?? done.status}`);
      return 1;
    }
    console.log(`Selesai dalam ${seconds.toFixed(1)} dtk: ${fmt(done.rowsLoaded)} baris dimuat, ${fmt(done.rowsRejected)} ditolak (${fmt(Math.round(done.rowsRead / seconds))} baris/dtk, puncak RSS ${Math.round(peakRss / 1048576)} MB).`);
    if (done.rowsRejected > 0) {
      const errors = await db.dtksBatchError.findMany({ where: { batchId: done.id }, orderBy: { rowNumber: "asc" }, take: 20 });
      for (const e of errors) console.log(`  baris ${e.rowNumber}: ${e.reason}`);
      if (done.rowsRejected > 20) console.log(`  … dan ${fmt(done.rowsRejected - 20)} lainnya (unduh laporan di halaman impor).`);
    }
    return 0;
  }
  const actor = await actorFor(values, operator);
  if (typeof values.nik === "string") {
    const r = await lookupByNik(actor, values.nik);
    console.log(JSON.stringify(r, null, 2));
    return r.found ? 0 : 3;
  }
  if (typeof values["no-kk"] === "string") {
    const r = await lookupByNoKk(actor, values["no-kk"]);
    console.log(JSON.stringify(r, null, 2));
    return r.found ? 0 : 3;
  }
  throw new Error("Sebutkan --nik NIK atau --no-kk NOMOR_KK.");
}
