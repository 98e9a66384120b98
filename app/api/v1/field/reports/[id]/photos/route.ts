import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { addReportPhoto } from "@/lib/field/add-report-photo";

/**
 * Photo for an outreach report (the field app's offline queue): multipart form with `file`. Only the
 * reporter, only their own report in their scope (otherwise 404). A replay of the same photo returns
 * the stored one (200) instead of storing it twice (201).
 */
export const POST = jsonRoute<{ id: string }>(async (req, actor, { id }) => {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("INVALID", "Kirim foto sebagai multipart/form-data dengan kolom file.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID", "Foto belum dipilih.", { file: ["Foto belum dipilih."] });
  const r = await addReportPhoto(actor, { caseId: decodeURIComponent(id), fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { ip: clientIp({ headers: req.headers }) });
  return NextResponse.json({ id: r.id, fileName: r.fileName, sizeBytes: r.sizeBytes }, { status: r.created ? 201 : 200 });
});
