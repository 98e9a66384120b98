import { getServerSession } from "next-auth";
import { NextResponse } from "next/server";
import { authOptions, clientIp } from "@/lib/auth/options";
import { endSession } from "@/lib/auth/login";

/**
 * Logout: ends the server-side session row (so a copied cookie is dead too), clears the cookie and
 * returns to the login page. POST only, and the session cookie is SameSite=Lax, so another site
 * cannot log a user out behind their back. Works without JavaScript.
 */
export async function POST(req: Request) {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (session?.sid) await endSession(session.sid, clientIp({ headers: req.headers }));
  // "?keluar=1" makes the login page wipe the field app's cached pages and queue on this device
  // (components/field/sw-register.tsx); Clear-Site-Data asks the browser to do the same.
  const res = NextResponse.redirect(new URL("/masuk?keluar=1", req.url), 303);
  res.headers.set("Clear-Site-Data", '"cache", "storage"');
  const cookieNames = (req.headers.get("cookie") ?? "").split(";").map((c) => c.split("=")[0].trim());
  for (const name of cookieNames) {
    if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name)) res.cookies.delete(name);
  }
  return res;
}
