import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { monthlyReportPdf } from "@/lib/reports/monthly-pdf";

/** GET /laporan/bulanan?bulan=YYYY-MM&wilayah= — the monthly Dinsos report PDF with the office header (audited). */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return NextResponse.redirect(new URL("/masuk", req.url));
  const sp = new URL(req.url).searchParams;
  const month = sp.get("bulan") ?? "";
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return new NextResponse("Pilih bulan laporan (YYYY-MM).", { status: 422 });
  try {
    const bytes = await monthlyReportPdf(user, { month, region: sp.get("wilayah") || null }, { ip: clientIp({ headers: req.headers }) });
    return new Response(Buffer.from(bytes), {
      headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="laporan-bulanan-${month}.pdf"`, "cache-control": "private, no-store" },
    });
  } catch (e) {
    if (isAppError(e)) return new NextResponse(e.message, { status: e.code === "FORBIDDEN" ? 403 : 422 });
    throw e;
  }
}
