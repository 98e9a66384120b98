import Link from "next/link";
import type { TNavItem } from "@/lib/access/navigation";
import type { TDict } from "@/lib/i18n/messages";
import { LogoutButton } from "./logout-button";
import { LocaleSwitcher } from "./locale-switcher";

export function AppHeader({ user, nav, t, locale }: {
  user: { name: string; role: string; office: string };
  nav: TNavItem[];
  t: TDict["header"];
  locale: "id" | "en";
}) {
  return (
    <header className="no-print border-b bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 p-3 sm:px-6">
        <Link href="/" className="text-xl font-bold">Simpul</Link>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <div data-testid="current-user" className="text-right">
            <div className="font-semibold">{user.name}</div>
            <div>{user.role} · {user.office}</div>
          </div>
          <LogoutButton label={t.logout} />
        </div>
      </div>
      <nav aria-label={t.menu} className="bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-3 sm:px-6">
          {nav.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="inline-block min-h-11 px-3 py-3 hover:bg-brand-600">{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mx-auto max-w-6xl px-3 py-1 text-brand-100 sm:px-6 [&_a]:text-white">
        <LocaleSwitcher locale={locale} returnTo="/" label={t.language} />
      </div>
    </header>
  );
}
