import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { attemptLogin } from "./login.ts";

function header(req: { headers?: unknown } | undefined, name: string): string | null {
  const h = req?.headers as Record<string, string | string[] | undefined> | Headers | undefined;
  if (!h) return null;
  const v = typeof (h as Headers).get === "function" ? (h as Headers).get(name) : (h as Record<string, string>)[name];
  return Array.isArray(v) ? v[0] : (v ?? null);
}

/**
 * The client's address, for throttling and the audit trail. X-Forwarded-For is set by the client
 * itself unless a reverse proxy overwrites it, so it is trusted only when TRUST_PROXY=1 says such a
 * proxy is in front (then its last hop is the address the proxy saw). Otherwise null: Next.js does
 * not expose the socket address to route handlers.
 */
export function clientIp(req: { headers?: unknown } | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const forwarded = header(req, "x-forwarded-for");
  const hops = forwarded?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  return hops.at(-1) ?? header(req, "x-real-ip");
}

/**
 * next-auth with a credentials provider and JWT cookies. The JWT carries only the id of a
 * server-side session row (lib/auth/session.ts checks it on every request), so logout,
 * deactivation and idle expiry take effect at once, even for a copied cookie.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/masuk" },
  providers: [
    CredentialsProvider({
      name: "Simpul",
      credentials: { username: { label: "Nama pengguna", type: "text" }, password: { label: "Kata sandi", type: "password" } },
      async authorize(credentials, req) {
        const result = await attemptLogin({
          username: String(credentials?.username ?? ""),
          password: String(credentials?.password ?? ""),
          ip: clientIp(req),
          userAgent: header(req, "user-agent"),
        });
        // next-auth passes the thrown message to the login page as `error`.
        if (!result.ok) throw new Error(result.until ? `${result.code}:${result.until.toISOString()}` : result.code);
        return { id: result.userId, sid: result.sessionId } as { id: string; sid: string };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sid = (user as { sid?: string }).sid;
        token.sub = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
};
