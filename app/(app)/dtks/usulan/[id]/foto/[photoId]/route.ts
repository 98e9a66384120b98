import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { fileStore } from "@/lib/cases/file-store";
import { storedFileResponse } from "@/lib/cases/stored-file-response";
import { getProposalPhotoForDownload } from "@/lib/dtks/proposals";

/**
 * One verivali photo of an usulan. A route handler is a public endpoint: the session and the proposal's
 * scope are checked here, not left to the page that shows the thumbnail. Out of scope = 404.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL("/masuk", req.url), 303);
  if (user.mustChangePassword) return new NextResponse("Ganti kata sandi Anda terlebih dahulu.", { status: 403 });
  const { id, photoId } = await params;
  const photo = await getProposalPhotoForDownload(user, id, photoId);
  const bytes = photo ? await fileStore().get(photo.storageKey) : null;
  if (!photo || !bytes) return new NextResponse("Foto tidak ditemukan.", { status: 404 });
  return storedFileResponse(photo, bytes);
}
