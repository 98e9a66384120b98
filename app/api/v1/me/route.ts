import { jsonRoute } from "@/lib/api/authenticate";

/** Who the caller is: lets an integration check its token. */
export const GET = jsonRoute(async (_req, actor) => ({
  username: actor.username,
  role: actor.role,
  districtCode: actor.districtCode,
  scopeRegionCode: actor.scopeRegionCode,
  rtList: actor.rtList,
}));
