/** The field pages' own menu: plain links (full page loads), which the service worker can answer offline. */
export function FieldNav({ current, showPsm }: { current: "wilayah" | "lapor" | "laporan" | "psm"; showPsm: boolean }) {
  const items = [
    { key: "wilayah", href: "/lapangan", label: "Wilayah saya" },
    { key: "lapor", href: "/lapangan/lapor", label: "Lapor" },
    { key: "laporan", href: "/lapangan/laporan-saya", label: "Laporan saya" },
    ...(showPsm ? [{ key: "psm", href: "/lapangan/psm", label: "Laporan PSM" }] : []),
  ] as const;
  return (
    <nav aria-label="Menu lapangan" className="-mx-4 mb-4 overflow-x-auto border-b bg-white sm:mx-0">
      <ul className="flex">
        {items.map((i) => (
          <li key={i.key} className="flex-1">
            <a href={i.href} aria-current={i.key === current ? "page" : undefined}
              className={`block min-h-12 whitespace-nowrap px-3 py-3 text-center font-medium ${i.key === current ? "border-b-4 border-brand-600 text-brand-700" : "text-slate-700"}`}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The pages the phone keeps for offline use (the service worker fetches them after each visit). */
export const FIELD_PAGES = ["/lapangan", "/lapangan/lapor", "/lapangan/laporan-saya"] as const;
