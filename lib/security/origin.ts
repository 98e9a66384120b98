/**
 * CSRF defence for route handlers used with the browser's session cookie. A state-changing request
 * (anything but GET/HEAD/OPTIONS) must prove it comes from this site: `Sec-Fetch-Site: same-origin`
 * (every current browser sends it) or an `Origin` whose host is the request's host. A request with
 * neither is let through: every current browser sends Origin (and Sec-Fetch-Site) on a cross-site POST,
 * so a request without both does not come from a page of another site — it is a script or test client
 * that already holds the cookie, which CSRF is not about. The session cookie is also SameSite=Lax, so a
 * cross-site POST does not carry it in the first place; this check is the second layer.
 * Integrations use a bearer API token, which is not subject to this check.
 * (Next.js applies its own Origin check to server actions.)
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function isSameOriginRequest(req: { method: string; headers: Headers; url?: string }): boolean {
  if (isSafeMethod(req.method)) return true;
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  if (origin == null) return true;
  if (origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [req.headers.get("host")];
  if (process.env.TRUST_PROXY === "1") hosts.push(req.headers.get("x-forwarded-host"));
  if (req.url) {
    try {
      hosts.push(new URL(req.url).host);
    } catch {
      // a relative URL: the Host header decides
    }
  }
  return hosts.some((h) => h != null && h.toLowerCase() === originHost.toLowerCase());
}
