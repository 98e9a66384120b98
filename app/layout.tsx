import type { Metadata, Viewport } from "next";
import "./globals.css";
import { currentLocale } from "@/lib/i18n/locale";

export const metadata: Metadata = {
  title: { default: "Simpul", template: "%s · Simpul" },
  description: "Layanan dan rujukan terpadu Puskesos & SLRT",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f7a5c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
