import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { fileStore } from "@/lib/cases/file-store";
import { storedFileResponse } from "@/lib/cases/stored-file-response";
import { getReferralAttachmentForDownload } from "@/lib/referrals/add-referral-attachment";

/**
 * Downloads one document of a referral. A route handler is a public endpoint: the session and the referral's sides
 * are checked here (lib), not left to the page that shows the link. Not allowed = 404, like a missing file.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL("/masuk", req.url), 303);
  if (user.mustChangePassword) return new NextResponse("Ganti kata sandi Anda terlebih dahulu.", { status: 403 });
  const { id, attachmentId } = await params;
  const attachment = await getReferralAttachmentForDownload(user, id, attachmentId);
  const bytes = attachment ? await fileStore().get(attachment.storageKey) : null;
  if (!attachment || !bytes) return new NextResponse("Dokumen tidak ditemukan.", { status: 404 });
  return storedFileResponse(attachment, bytes);
}
