import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { LOGIN_ERROR_CODES, loginErrorMessage } from "@/lib/auth/login-error";
import { getCurrentUser } from "@/lib/auth/session";
import { currentLocale, getDictionary } from "@/lib/i18n/locale";

export const metadata: Metadata = { title: "Masuk" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ galat?: string; sampai?: string; sesi?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const t = await getDictionary();
  // Set by /masuk/kirim (the login that works before JavaScript has loaded), and by a form posted without
  // JavaScript after its session had ended (lib/actions/define-action.ts).
  const { galat, sampai, sesi } = await searchParams;
  const failed = (LOGIN_ERROR_CODES as readonly string[]).includes(galat ?? "") ? loginErrorMessage(t.login, galat!, sampai)
    : sesi === "berakhir" ? t.login.expired : undefined;
  const locale = await currentLocale();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-3xl font-bold text-brand-700">{t.appName}</h1>
        <p className="text-slate-700">{t.tagline}</p>
      </div>
      <section className="rounded-lg border bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-xl font-semibold">{t.login.title}</h2>
        <LoginForm t={t.login} callbackUrl="/" initialError={failed} />
      </section>
      <LocaleSwitcher locale={locale} returnTo="/masuk" label={t.header.language} />
    </main>
  );
}
