import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadReportTables } from "./load-report.ts";
import type { TReportFilter } from "./scope.ts";
import { REPORT_KINDS, REPORT_TITLES, type TReportTable } from "./tables.ts";

/** Roles that issue the monthly district report (the Dinsos and the SLRT manager who prepares it). */
export const MONTHLY_PDF_ROLES = ["DINSOS", "MANAJER"] as const;

// Standard fonts speak WinAnsi only: replace what they cannot encode instead of failing.
const winAnsi = (t: string) => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\x7E\xA0-\xFF–—•]/g, "?");

const W = 842; // A4 landscape
const HGT = 595;
const M = 36;

/**
 * The monthly Dinsos report as PDF: the office header (name, address, phone of the viewer's office), the month and
 * region, then every report's tables (without the personal household list: the PDF goes to other agencies).
 */
export async function monthlyReportPdf(actor: TActor, filter: TReportFilter & { month: string }, ctx: { ip?: string | null } = {}, now = new Date()): Promise<Uint8Array> {
  if (!roleAllows(actor.role, "read", "report") || !(MONTHLY_PDF_ROLES as readonly string[]).includes(actor.role)) throw new AppError("FORBIDDEN");
  const office = await db.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { name: true, address: true, phone: true } });
  const sections: { title: string; tables: TReportTable[] }[] = [];
  for (const kind of REPORT_KINDS) sections.push({ title: REPORT_TITLES[kind], tables: (await loadReportTables(actor, kind, filter, now)).filter((t) => !t.personal) });

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Laporan bulanan ${filter.month}`);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([W, HGT]);
  let y = HGT - M;
  const line = (text: string, f: PDFFont = font, size = 8) => {
    if (y < M + size) {
      page = pdf.addPage([W, HGT]);
      y = HGT - M;
    }
    let t = winAnsi(text);
    while (t.length > 1 && f.widthOfTextAtSize(t, size) > W - 2 * M) t = t.slice(0, -2) + "…";
    page.drawText(t, { x: M, y: y - size, size, font: f, color: rgb(0, 0, 0) });
    y -= size + 4;
  };
  // Office header (kop surat).
  line(office.name.toUpperCase(), bold, 14);
  if (office.address) line(office.address, font, 9);
  if (office.phone) line(`Telp. ${office.phone}`, font, 9);
  page.drawLine({ start: { x: M, y: y - 2 }, end: { x: W - M, y: y - 2 }, thickness: 1.5 });
  y -= 10;
  line(`LAPORAN BULANAN PELAYANAN KESEJAHTERAAN SOSIAL — ${filter.month}`, bold, 12);
  line(`Wilayah: ${filter.region || actor.scopeRegionCode}   ·   Dibuat: ${now.toISOString().slice(0, 16).replace("T", " ")} UTC oleh ${actor.username}`, font, 9);
  line("Persentil: peringkat terdekat (median = p50). Durasi dalam jam. Tepat waktu = selesai paling lambat pada tenggat.", font, 8);
  for (const s of sections) {
    y -= 6;
    line(s.title, bold, 11);
    for (const t of s.tables) {
      line(t.title, bold, 9);
      line(t.columns.join(" | "), bold, 7);
      if (t.rows.length === 0) line("(tidak ada data)", font, 7);
      for (const r of t.rows) line(r.map((c) => (c === null ? "–" : String(c))).join(" | "), font, 7);
    }
  }
  await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
    action: "report.monthly-pdf", entity: "report", entityId: "bulanan", regionCode: filter.region || null, districtCode: actor.districtCode,
    after: { month: filter.month, region: filter.region || null },
  });
  return pdf.save();
}
