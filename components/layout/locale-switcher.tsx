/** Plain links, so switching works without JavaScript; the route sets a cookie and returns. */
export function LocaleSwitcher({ locale, returnTo, label }: { locale: "id" | "en"; returnTo: string; label: string }) {
  const item = (code: "id" | "en", text: string) =>
    locale === code ? (
      <span aria-current="true" className="font-semibold">{text}</span>
    ) : (
      <a className="underline" href={`/bahasa?ke=${code}&kembali=${encodeURIComponent(returnTo)}`} lang={code}>{text}</a>
    );
  return (
    <p className="text-sm">
      {label}: {item("id", "Bahasa Indonesia")} · {item("en", "English")}
    </p>
  );
}
