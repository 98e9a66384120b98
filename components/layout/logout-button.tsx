/** A plain form POST to /keluar: works without JavaScript and cannot be triggered by a link from elsewhere. */
export function LogoutButton({ label, onLight = false }: { label: string; onLight?: boolean }) {
  const colors = onLight ? "border-slate-400 hover:bg-slate-100" : "border-white/60 hover:bg-white/10";
  return (
    <form action="/keluar" method="post">
      <button type="submit" className={`min-h-11 rounded-md border px-4 py-2 font-medium ${colors}`}>{label}</button>
    </form>
  );
}
