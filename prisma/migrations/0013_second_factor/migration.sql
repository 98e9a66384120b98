-- TOTP second factor (RFC 6238) for the roles that must use one (lib/access/roles.ts roleNeedsSecondFactor).
-- The secret is stored sealed with AES-256-GCM (lib/auth/totp-secret-box.ts), never in clear text.
-- totp_last_step is the last accepted 30-second step: a code is accepted once, never again.
ALTER TABLE "app_user"
  ADD COLUMN "totp_secret" TEXT,
  ADD COLUMN "totp_enrolled_at" TIMESTAMP(3),
  ADD COLUMN "totp_last_step" INTEGER;

-- When this login passed its second factor. A session of a user whose role requires one is refused
-- by lib/auth/session.ts until this is set.
ALTER TABLE "user_session" ADD COLUMN "second_factor_at" TIMESTAMP(3);
