import "server-only";
import { encode } from "next-auth/jwt";
import { authOptions } from "./options.ts";

/**
 * The session cookie next-auth itself sets after a credentials login — the same name, options and JWT
 * (`{ sub, sid }`, what the jwt callback of options.ts makes) — for the login route that works before the
 * page's JavaScript has loaded (app/masuk/kirim/route.ts). getServerSession reads it like its own.
 */
export async function sessionCookieFor(userId: string, sessionId: string) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  // next-auth's rule (core/init.js): secure cookies, with their __Secure- prefix, when the app's URL is https.
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 60 * 60;
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    value: await encode({ token: { sub: userId, sid: sessionId }, secret, maxAge }),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, expires: new Date(Date.now() + maxAge * 1000) },
  };
}
