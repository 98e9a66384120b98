import { jsonRoute } from "@/lib/api/authenticate";
import { listRegionsInScope } from "@/lib/regions/queries";

/** The regions inside the caller's scope (their district, kecamatan or kelurahan). */
export const GET = jsonRoute(async (_req, actor) => ({ data: await listRegionsInScope(actor) }));
