import ExcelJS from "exceljs";
import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { csvLine } from "@/lib/dtks/synthetic";
import { approvedProposalRows, EXPORT_COLUMNS } from "@/lib/dtks/proposals";
import { neutralizeCell } from "@/lib/security/neutralize-cell";

/** Approved proposals for the Ministry upload: ?format=csv (default) or xlsx. Columns: docs/dtks.md. */
export const GET = jsonRoute(async (req, actor) => {
  const ip = clientIp({ headers: req.headers });
  await authorize(actor, "read", "proposal", undefined, { ip });
  // Names and addresses typed by people: never let a spreadsheet run them as formulas.
  const rows = (await approvedProposalRows(actor)).map((r) => r.map((c) => neutralizeCell(c)));
  const stamp = new Date().toISOString().slice(0, 10);
  if (new URL(req.url).searchParams.get("format") === "xlsx") {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("USULAN");
    ws.addRow([...EXPORT_COLUMNS]);
    for (const r of rows) ws.addRow(r);
    const buf = await wb.xlsx.writeBuffer();
    return new Response(buf as ArrayBuffer, { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="usulan-disetujui-${stamp}.xlsx"` } });
  }
  const csv = csvLine([...EXPORT_COLUMNS]) + rows.map((r) => csvLine(r)).join("");
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="usulan-disetujui-${stamp}.csv"` } });
});
