import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { lookupByNik, lookupByNoKk, searchByName } from "@/lib/dtks/lookup";
import { AppError } from "@/lib/errors";

/** Register lookup in the caller's scope: ?nik=, ?no_kk=, or ?name=&region=[&birth_date=]. */
export const GET = jsonRoute(async (req, actor) => {
  await authorize(actor, "read", "dtks", undefined, { ip: clientIp({ headers: req.headers }) });
  const q = new URL(req.url).searchParams;
  if (q.get("nik")) return lookupByNik(actor, q.get("nik")!);
  if (q.get("no_kk")) return lookupByNoKk(actor, q.get("no_kk")!);
  if (q.get("name")) {
    const hits = await searchByName(actor, { name: q.get("name")!, regionCode: q.get("region") ?? undefined, birthDate: q.get("birth_date") ?? undefined });
    if (hits === null) throw new AppError("INVALID", "Pencarian nama perlu kode kecamatan atau kelurahan (region).");
    return { data: hits };
  }
  throw new AppError("INVALID", "Sebutkan nik, no_kk, atau name.");
});
