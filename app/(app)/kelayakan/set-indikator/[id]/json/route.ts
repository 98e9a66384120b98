import { NextResponse } from "next/server";
import { can } from "@/lib/access/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { getIndicatorSet } from "@/lib/eligibility/queries";

/** JSON export of a set's current version (the same shape the import accepts). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || !can(user, "read", "povertyLine")) return new NextResponse("Tidak ditemukan", { status: 404 });
  const { id } = await params;
  const set = await getIndicatorSet(user.districtCode, id);
  if (!set?.definition) return new NextResponse("Tidak ditemukan", { status: 404 });
  return new NextResponse(JSON.stringify(set.definition, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="set-indikator-${set.id}-v${set.currentVersion}.json"` },
  });
}
