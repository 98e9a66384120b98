import { describe, expect, it, vi } from "vitest";
import { can, referralInScope, type TActor } from "@/lib/access/policy";
import { roleAllows, type TAction, type TResource } from "@/lib/access/roles";
import { createApiToken } from "@/lib/api/tokens";
import { enumerateRoutes } from "../support/sweep/enumerate";
import { makeSweepUsers, makeWorld, RECORD, type TSweepUser, type TWorld } from "../support/sweep/world";

/**
 * Authorization sweep over every /api/v1 route handler, enumerated from app/api/v1/**\/route.ts. Each
 * is called with real Request objects: without credentials, and with an API token of every role at
 * home, in a neighbouring scope and in another district. Expectations come from lib/access. List
 * endpoints must also never carry an out-of-scope record (its id, ticket or NIK) in the body.
 */
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  // No browser session in these calls: only the bearer token can authenticate.
  return { ...real, getCurrentUser: async () => null, requestIp: async () => "192.0.2.98" };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules: Record<string, () => Promise<Record<string, unknown>>> = {
  "app/api/v1/field/reports/[id]/photos/route.ts": () => import("@/app/api/v1/field/reports/[id]/photos/route"),
  "app/api/v1/eligibility/assess/route.ts": () => import("@/app/api/v1/eligibility/assess/route"),
  "app/api/v1/referrals/route.ts": () => import("@/app/api/v1/referrals/route"),
  "app/api/v1/referrals/[id]/route.ts": () => import("@/app/api/v1/referrals/[id]/route"),
  "app/api/v1/referrals/[id]/[action]/route.ts": () => import("@/app/api/v1/referrals/[id]/[action]/route"),
  "app/api/v1/cases/[ticket]/route.ts": () => import("@/app/api/v1/cases/[ticket]/route"),
  "app/api/v1/cases/route.ts": () => import("@/app/api/v1/cases/route"),
  "app/api/v1/me/route.ts": () => import("@/app/api/v1/me/route"),
  "app/api/v1/openapi.json/route.ts": () => import("@/app/api/v1/openapi.json/route"),
  "app/api/v1/households/route.ts": () => import("@/app/api/v1/households/route"),
  "app/api/v1/regions/route.ts": () => import("@/app/api/v1/regions/route"),
  "app/api/v1/dtks/lookup/route.ts": () => import("@/app/api/v1/dtks/lookup/route"),
  "app/api/v1/dtks/proposals/export/route.ts": () => import("@/app/api/v1/dtks/proposals/export/route"),
  "app/api/v1/dtks/batches/route.ts": () => import("@/app/api/v1/dtks/batches/route"),
  "app/api/v1/dtks/uploads/route.ts": () => import("@/app/api/v1/dtks/uploads/route"),
  "app/api/v1/dtks/batches/[id]/route.ts": () => import("@/app/api/v1/dtks/batches/[id]/route"),
  "app/api/v1/dtks/batches/[id]/errors/route.ts": () => import("@/app/api/v1/dtks/batches/[id]/errors/route"),
};

type TRow = {
  request: (w: TWorld) => { path: string; params?: Record<string, string>; body?: unknown; form?: FormData };
  allowed: (a: TActor, w: TWorld) => boolean;
  /** Public (no credentials needed). */
  public?: boolean;
  /** The lib adds rules beyond lib/access (party rules), so an allowed caller may still be refused. */
  stricter?: boolean;
  /** A list: out-of-scope callers get 200 with nothing of the record in it. */
  list?: boolean;
};

const onRecord = (action: TAction, resource: TResource) => (a: TActor) => can(a, action, resource, RECORD);
const roleOnly = (action: TAction, resource: TResource) => (a: TActor) => roleAllows(a.role, action, resource);

const CALLS: Record<string, TRow> = {
  "POST /api/v1/field/reports/[id]/photos": {
    request: (w) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])], "foto.jpg", { type: "image/jpeg" }));
      return { path: `/api/v1/field/reports/${w.kase.id}/photos`, params: { id: w.kase.id }, form };
    },
    // Only the reporter of an outreach report may add photos: nobody in the sweep reported this case.
    allowed: onRecord("update", "case"), stricter: true,
  },
  "POST /api/v1/eligibility/assess": {
    request: (w) => ({ path: "/api/v1/eligibility/assess", body: { householdId: w.household.id, methods: ["KRITERIA_BPS"] } }),
    allowed: onRecord("create", "eligibility"),
  },
  "GET /api/v1/referrals": { request: () => ({ path: "/api/v1/referrals" }), allowed: roleOnly("read", "referral"), list: true },
  "POST /api/v1/referrals": {
    request: (w) => ({ path: "/api/v1/referrals", body: { caseId: w.kase.id, serviceCategory: "pendidikan", reason: "Mohon bantu pendaftaran sekolah anak.", legalBasis: "TUGAS_LAYANAN_PUBLIK" } }),
    allowed: onRecord("create", "referral"),
  },
  "GET /api/v1/referrals/[id]": {
    request: (w) => ({ path: `/api/v1/referrals/${w.referral.id}`, params: { id: w.referral.id } }),
    allowed: (a, w) => referralInScope(a, { ...RECORD, toOfficeId: w.referral.toOfficeId }),
  },
  "POST /api/v1/referrals/[id]/[action]": {
    request: (w) => ({ path: `/api/v1/referrals/${w.referral.id}/accept`, params: { id: w.referral.id, action: "accept" }, body: { version: w.referral.version } }),
    allowed: (a, w) => roleAllows(a.role, "update", "referral") && referralInScope(a, { ...RECORD, toOfficeId: w.referral.toOfficeId }),
    stricter: true,
  },
  "GET /api/v1/cases/[ticket]": {
    request: (w) => ({ path: `/api/v1/cases/${w.kase.ticketNo}`, params: { ticket: w.kase.ticketNo } }),
    allowed: onRecord("read", "case"),
  },
  "POST /api/v1/cases": {
    request: (w) => ({
      path: "/api/v1/cases",
      body: { householdMode: "existing", householdId: w.household.id, channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya berobat ke RSUD.", serviceCategories: ["kesehatan"], urgency: "SEDANG" },
    }),
    allowed: onRecord("create", "case"),
  },
  "GET /api/v1/me": { request: () => ({ path: "/api/v1/me" }), allowed: () => true },
  "GET /api/v1/openapi.json": { request: () => ({ path: "/api/v1/openapi.json" }), allowed: () => true, public: true },
  "GET /api/v1/households": { request: () => ({ path: "/api/v1/households?q=Sumarno" }), allowed: roleOnly("read", "household"), list: true },
  "GET /api/v1/regions": { request: () => ({ path: "/api/v1/regions" }), allowed: () => true },
  "GET /api/v1/dtks/lookup": { request: (w) => ({ path: `/api/v1/dtks/lookup?nik=${w.head.nik}` }), allowed: roleOnly("read", "dtks"), list: true },
  "GET /api/v1/dtks/proposals/export": { request: () => ({ path: "/api/v1/dtks/proposals/export" }), allowed: roleOnly("read", "proposal"), list: true },
  "GET /api/v1/dtks/batches": { request: () => ({ path: "/api/v1/dtks/batches" }), allowed: roleOnly("create", "dtks"), list: true },
  "POST /api/v1/dtks/batches": {
    request: () => {
      const form = new FormData();
      form.set("file", new File(["NIK,NAMA\n"], "kosong.csv", { type: "text/csv" }));
      return { path: "/api/v1/dtks/batches", form };
    },
    allowed: roleOnly("create", "dtks"), stricter: true,
  },
  "POST /api/v1/dtks/uploads": {
    request: () => ({ path: "/api/v1/dtks/uploads?file_name=dtks.csv", body: "NIK,NAMA\n" }),
    allowed: roleOnly("create", "dtks"),
  },
  "GET /api/v1/dtks/batches/[id]": { request: () => ({ path: "/api/v1/dtks/batches/tidak-ada", params: { id: "tidak-ada" } }), allowed: roleOnly("create", "dtks"), stricter: true },
  "GET /api/v1/dtks/batches/[id]/errors": { request: () => ({ path: "/api/v1/dtks/batches/tidak-ada/errors", params: { id: "tidak-ada" } }), allowed: roleOnly("create", "dtks"), stricter: true },
};

const found = enumerateRoutes();
const keyOf = (r: { route: string; method: string }) => `${r.method} ${r.route}`;

function build(w: TWorld, row: TRow, method: string, token: string | null) {
  const r = row.request(w);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: BodyInit | undefined;
  if (r.form) body = r.form;
  else if (r.body !== undefined) {
    body = JSON.stringify(r.body);
    headers["content-type"] = "application/json";
  }
  return { req: new Request(`http://localhost${r.path}`, { method, headers, body }), params: r.params ?? {} };
}

describe("authorization sweep: /api/v1 route handlers", () => {
  it("enumerates the routes from the code and has a row for each one", () => {
    expect(found.length).toBeGreaterThanOrEqual(17);
    expect(found.filter((r) => !CALLS[keyOf(r)]).map(keyOf), "routes without a row in the sweep table").toEqual([]);
    expect([...new Set(found.map((r) => r.file))].filter((f) => !modules[f]), "route modules not imported by the sweep").toEqual([]);
  });

  it.each(found.map((r) => [keyOf(r), r] as const))("%s", async (key, { file, method }) => {
    const handler = (await modules[file]())[method] as THandler;
    const row = CALLS[key];
    const w0 = await makeWorld();

    const anon = build(w0, row, method, null);
    const anonRes = await handler(anon.req, { params: Promise.resolve(anon.params) });
    if (!row.public) expect(anonRes.status, "no credentials").toBe(401);

    const problems: string[] = [];
    let succeeded = 0;
    const users = await makeSweepUsers(w0);
    for (const u of users as TSweepUser[]) {
      const w = await makeWorld(w0);
      const { token } = await createApiToken({ id: null, label: "sweep" }, u.userId, "sweep");
      const { req, params } = build(w, row, method, token);
      const res = await handler(req, { params: Promise.resolve(params) });
      const text = await res.text();
      const allowed = row.allowed(u.actor, w);
      const label = `${u.role}/${u.where} expected ${allowed ? "allowed" : "denied"}, got ${res.status} ${text.slice(0, 200)}`;
      if (res.status >= 200 && res.status < 300) succeeded++;
      if (res.status >= 500) problems.push(`server error: ${label}`);
      else if (row.list) {
        if (allowed ? res.status === 401 || res.status === 403 : res.status < 400 && res.status !== 200) problems.push(label);
        // Whatever the status, nothing of a record the caller may not read leaks into the body.
        if (!can(u.actor, "read", "household", RECORD) && !can(u.actor, "read", "referral", RECORD)) {
          // (A value the caller sent itself, e.g. the NIK looked up, may be echoed back.)
          const sent = row.request(w).path;
          for (const secret of [w.household.id, w.kase.ticketNo, w.head.nik!, w.head.name]) {
            if (!sent.includes(secret) && text.includes(secret)) problems.push(`leak of ${secret}: ${label}`);
          }
        }
      } else if (allowed && !row.stricter && [401, 403, 404].includes(res.status)) problems.push(label);
      else if (!allowed && res.status < 400) problems.push(label);
      // Routes that touch no district's record: the caller's own profile, public reference data, and the
      // caller's own upload folder (POST /api/v1/dtks/uploads keeps a file only its uploader can import).
      if (u.where === "otherDistrict" && !row.list && !["GET /api/v1/me", "GET /api/v1/regions", "GET /api/v1/openapi.json", "POST /api/v1/dtks/uploads"].includes(key) && res.status < 400) {
        problems.push(`cross-district allowed: ${label}`);
      }
    }
    if (!row.stricter && succeeded === 0) problems.push("no caller succeeded: the sweep's request for this route is not valid");
    expect(problems.join("\n")).toBe("");
  }, 180_000);
});
