import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { searchHouseholds } from "@/lib/households/search";

/** Household search by NIK, No KK or name (typo-tolerant), inside the caller's scope. */
export const GET = jsonRoute(async (req, actor) => {
  await authorize(actor, "read", "household", undefined, { ip: clientIp({ headers: req.headers }) });
  const url = new URL(req.url);
  const r = await searchHouseholds(actor, { q: url.searchParams.get("q") ?? "", page: Number(url.searchParams.get("page")) || 1 });
  return { total: r.total, page: r.page, pageSize: r.pageSize, data: r.rows };
});
