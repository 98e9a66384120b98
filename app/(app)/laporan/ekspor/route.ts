import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { exportReport } from "@/lib/reports/export-report";
import { REPORT_KINDS, type TReportKind } from "@/lib/reports/tables";

/**
 * GET /laporan/ekspor?laporan=layanan|rujukan|ppks|dtks&format=xlsx|csv&wilayah=&bulan=YYYY-MM
 * A public HTTP endpoint: it checks the session and the policy itself; the region filter is narrowed to the
 * viewer's scope inside lib/reports (a region outside it exports empty tables). Every export is audited.
 */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return NextResponse.redirect(new URL("/masuk", req.url));
  const sp = new URL(req.url).searchParams;
  const kind = sp.get("laporan") ?? "";
  const format = sp.get("format") === "csv" ? "csv" : "xlsx";
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) return new NextResponse("Laporan tidak dikenal.", { status: 404 });
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.get("bulan") ?? "") ? sp.get("bulan") : null;
  try {
    const file = await exportReport(user, kind as TReportKind, format, { region: sp.get("wilayah") || null, month }, { ip: clientIp({ headers: req.headers }) });
    return new Response(Buffer.from(file.bytes), {
      headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "private, no-store" },
    });
  } catch (e) {
    if (isAppError(e)) return new NextResponse(e.message, { status: e.code === "FORBIDDEN" ? 403 : e.code === "NOT_FOUND" ? 404 : 422 });
    throw e;
  }
}
