import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { referralLetterPdf } from "@/lib/referrals/letter";

/** The surat rujukan PDF, for the referring office, the decider and the destination desk. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return NextResponse.redirect(new URL("/masuk", req.url));
  const { id } = await params;
  try {
    const base = process.env.NEXTAUTH_URL ?? new URL(req.url).origin;
    const { bytes, letterNo } = await referralLetterPdf(user, id, base, { ip: clientIp({ headers: req.headers }) });
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="surat-rujukan-${letterNo.replace(/[^0-9A-Za-z.-]+/g, "-")}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isAppError(e)) return new NextResponse(e.message, { status: e.code === "NOT_FOUND" ? 404 : e.code === "FORBIDDEN" ? 403 : 422 });
    throw e;
  }
}
