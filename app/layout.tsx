import type { Metadata, Viewport } from "next";
import "./globals.css";
import { currentLocale } from "@/lib/i18n/locale";
import { ServiceWorkerRegistration } from "@/components/field/sw-register";

export const metadata: Metadata = {
  title: { default: "Simpul", template: "%s · Simpul" },
  description: "Layanan dan rujukan terpadu Puskesos & SLRT",
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f7a5c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">{children}<ServiceWorkerRegistration /></body>
    </html>
  );
}
