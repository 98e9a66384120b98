import "server-only";
import { NextResponse } from "next/server";
import type { TActor } from "@/lib/access/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { actorFromToken } from "./tokens.ts";

/** A route handler's caller: a bearer API token, or else the browser session. Null when neither. */
export async function authenticateRequest(req: Request): Promise<TActor | null> {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return actorFromToken(auth.slice(7).trim());
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return null;
  return user;
}

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 422 } as const;

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
        return NextResponse.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: STATUS[e.code] });
      }
      console.error("api route failed", e);
      return NextResponse.json({ error: { code: "INTERNAL", message: "Terjadi kesalahan di server." } }, { status: 500 });
    }
  };
}
