import "server-only";
import ExcelJS from "exceljs";
import type { TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadReportTables } from "./load-report.ts";
import type { TReportFilter } from "./scope.ts";
import { csvRow, effectiveRegion, neutralizeCell } from "./stats.ts";
import { REPORT_TITLES, type TReportKind, type TReportTable } from "./tables.ts";

export type TExportFormat = "xlsx" | "csv";
export type TExportFile = { bytes: Uint8Array; contentType: string; fileName: string };

/** The title block every export starts with: which report, region and month, and when it was made. */
function heading(kind: TReportKind, region: string | null, filter: TReportFilter, now: Date): string[][] {
  // The region actually counted (the filter narrowed to the viewer's scope), never the raw request.
  return [[`Laporan ${REPORT_TITLES[kind]}`], [`Wilayah: ${region ?? "di luar wilayah kerja (kosong)"}`], [`Bulan: ${filter.month || "semua"}`], [`Dibuat: ${now.toISOString()}`]];
}

export async function toXlsx(tables: TReportTable[], head: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Simpul";
  for (const t of tables) {
    // Sheet names: max 31 characters, no []:*?/\ .
    const ws = wb.addWorksheet(t.title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
    for (const h of head) ws.addRow(h.map((c) => neutralizeCell(c)));
    ws.addRow([]);
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((c) => neutralizeCell(c)));
    ws.columns.forEach((c) => (c.width = 18));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function toCsv(tables: TReportTable[], head: string[][]): Uint8Array {
  // BOM so Excel opens UTF-8 correctly; tables one after another with a blank line between.
  let out = "\uFEFF" + head.map((h) => csvRow(h)).join("");
  for (const t of tables) out += "\r\n" + csvRow([t.title]) + csvRow(t.columns) + t.rows.map((r) => csvRow(r)).join("");
  return new TextEncoder().encode(out);
}

/**
 * Builds one report's export and writes the audit row (who exported which report, region, month, and whether it
 * held personal data). Scope is the report's own: an out-of-scope region filter exports empty tables.
 */
export async function exportReport(actor: TActor, kind: TReportKind, format: TExportFormat, filter: TReportFilter, ctx: { ip?: string | null } = {}, now = new Date()): Promise<TExportFile> {
  if (!roleAllows(actor.role, "read", "report")) throw new AppError("FORBIDDEN");
  const tables = await loadReportTables(actor, kind, filter, now);
  const personal = tables.some((t) => t.personal && t.rows.length > 0);
  await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
    action: "report.export", entity: "report", entityId: kind, regionCode: filter.region || null, districtCode: actor.districtCode,
    after: { format, month: filter.month || null, region: filter.region || null, personal, rows: tables.reduce((a, t) => a + t.rows.length, 0) },
  });
  const region = effectiveRegion(actor.scopeRegionCode, filter.region);
  const stamp = `${kind}-${(region ?? "kosong").replace(/\./g, "")}-${filter.month || now.toISOString().slice(0, 10)}`;
  const head = heading(kind, region, filter, now);
  if (format === "xlsx") return { bytes: await toXlsx(tables, head), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName: `laporan-${stamp}.xlsx` };
  return { bytes: toCsv(tables, head), contentType: "text/csv; charset=utf-8", fileName: `laporan-${stamp}.csv` };
}
