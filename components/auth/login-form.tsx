"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { loginErrorMessage } from "@/lib/auth/login-error";
import type { TDict } from "@/lib/i18n/messages";

/**
 * With JavaScript: next-auth's signIn, the message shown in place. Before it has loaded (a slow network, a
 * tap that beats hydration) the same form posts to /masuk/kirim, which logs in the same way and comes back
 * here with `initialError` when it failed — never a GET that would put the password in the URL.
 */
export function LoginForm({ t, callbackUrl, initialError }: { t: TDict["login"]; callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    const [code, until] = (res?.error ?? "DEFAULT").split(/:(.+)/);
    setError(loginErrorMessage(t, code, until));
  }

  return (
    <form method="post" action="/masuk/kirim" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-1">
        <label htmlFor="username" className="font-medium">{t.username}</label>
        <input id="username" name="username" autoComplete="username" required autoFocus
          className="min-h-11 rounded-md border border-slate-400 px-3 py-2" aria-describedby="login-error" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="min-h-11 rounded-md border border-slate-400 px-3 py-2" aria-describedby="login-error" />
      </div>
      <div id="login-error" role="alert" aria-live="assertive" className="min-h-6 text-red-700">{error}</div>
      <button type="submit" disabled={pending}
        className="min-h-12 rounded-md bg-brand-600 px-4 py-2 text-lg font-semibold text-white hover:bg-brand-700 disabled:bg-slate-400">
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
