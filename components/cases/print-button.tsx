"use client";

export function PrintButton({ label = "Cetak" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()}
      className="no-print min-h-11 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
      {label}
    </button>
  );
}
