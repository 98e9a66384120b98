import { AppHeader } from "@/components/layout/app-header";
import { navigationFor } from "@/lib/access/navigation";
import { requireUser } from "@/lib/auth/session";
import { currentLocale, getDictionary } from "@/lib/i18n/locale";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getDictionary();
  const locale = await currentLocale();
  return (
    <>
      <a href="#isi" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2">{t.header.skip}</a>
      <AppHeader
        user={{ name: user.name, role: t.roles[user.role], office: user.officeName }}
        nav={navigationFor(user.role, t.nav)}
        t={t.header}
        locale={locale}
      />
      <main id="isi" className="mx-auto max-w-6xl p-4 sm:p-6">{children}</main>
    </>
  );
}
