import "server-only";
import { NextResponse } from "next/server";
import type { TActor } from "@/lib/access/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { DB_UNAVAILABLE_MESSAGE, isTransientDbError, transientErrorCode } from "@/lib/db/transient";
import { AppError, isAppError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/security/origin";
import { actorFromToken } from "./tokens.ts";
import { describeErrorForLog } from "@/lib/logging/describe-error";

/** A route handler's caller: a bearer API token, or else the browser session. Null when neither. */
export async function authenticateRequest(req: Request): Promise<TActor | null> {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return actorFromToken(auth.slice(7).trim());
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return null;
  // The browser's session cookie rides along with any request to this site, also one a page of another
  // site makes: a state-changing request must come from our own pages (lib/security/origin.ts).
  if (!isSameOriginRequest(req)) throw new AppError("FORBIDDEN", "Permintaan dari situs lain ditolak.");
  return user;
}

/**
 * The request's JSON body. Route handlers parse it with a strict schema (lib/actions/parse-input
 * parseOrThrow), so a field the schema does not name is a 422, never silently dropped.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("INVALID", "Isi permintaan harus JSON yang sah.");
  }
}

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 422, UNAVAILABLE: 503 } as const;

/** Wraps a JSON route handler: authenticates, maps expected errors to JSON with Indonesian messages. */
export function jsonRoute<P>(handler: (req: Request, actor: TActor, params: P) => Promise<unknown>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const actor = await authenticateRequest(req);
      if (!actor) throw new AppError("UNAUTHENTICATED");
      const result = await handler(req, actor, await context.params);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      if (isAppError(e)) {
        return NextResponse.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors, details: e.details } },
          { status: STATUS[e.code], headers: e.code === "UNAVAILABLE" ? { "Retry-After": "5" } : {} });
      }
      if (isTransientDbError(e)) {
        // The database restarted or is unreachable: a retryable answer, not a 500 (tests/integration/faults…).
        console.warn(`api route: database unavailable (${transientErrorCode(e)})`);
        return NextResponse.json({ error: { code: "UNAVAILABLE", message: DB_UNAVAILABLE_MESSAGE } }, { status: 503, headers: { "Retry-After": "5" } });
      }
      console.error(`api route failed: ${describeErrorForLog(e)}`);
      return NextResponse.json({ error: { code: "INTERNAL", message: "Terjadi kesalahan di server." } }, { status: 500 });
    }
  };
}
