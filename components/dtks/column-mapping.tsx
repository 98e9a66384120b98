"use client";
import { DTKS_FIELDS, DTKS_PROGRAMS, mappingKeyLabel, REQUIRED_FIELDS, type TSavedMapping } from "@/lib/dtks/headers";

const selectClass = "min-h-11 w-full rounded border px-3";

function ColumnSelect({ field, headers, mapping, error, onChange }: {
  field: string; headers: readonly string[]; mapping: TSavedMapping; error?: string; onChange: (field: string, header: string) => void;
}) {
  const required = (REQUIRED_FIELDS as readonly string[]).includes(field);
  const id = `kolom-${field.replace(":", "-")}`;
  return (
    <div className="flex flex-col gap-1" data-testid={`mapping-${field}`}>
      <label htmlFor={id} className="font-medium">
        {mappingKeyLabel(field)} {required ? <span className="text-red-800">(wajib)</span> : null}
      </label>
      <select id={id} className={`${selectClass} ${error ? "border-red-700" : ""}`} value={mapping[field] ?? ""}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-salah` : undefined}
        onChange={(e) => onChange(field, e.target.value)}>
        <option value="">— tidak ada di berkas —</option>
        {headers.map((h, i) => h ? <option key={`${i}-${h}`} value={h}>{h}</option> : null)}
      </select>
      <p id={`${id}-salah`} aria-live="polite" className="text-sm font-medium text-red-700">{error ?? ""}</p>
    </div>
  );
}

/**
 * One select per field of the register with the file's headers as options: pre-filled from the automatic
 * recognition, required fields marked, the problem of each field shown under it.
 */
export function ColumnMapping({ headers, mapping, errors, onChange }: {
  headers: readonly string[]; mapping: TSavedMapping; errors: Record<string, string>; onChange: (field: string, header: string) => void;
}) {
  const programKeys = [...DTKS_PROGRAMS.map((p) => `program:${p}`), "programList"];
  const programsChosen = programKeys.filter((k) => mapping[k]).length;
  const programError = programKeys.some((k) => errors[k]);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-lg font-semibold">Kolom berkas untuk setiap isian</legend>
      <p className="text-sm text-slate-700">Sudah diisi otomatis dari judul kolom. Periksa, lalu ganti yang keliru. Isian bertanda wajib harus punya kolom.</p>
      <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
        {DTKS_FIELDS.map((f) => <ColumnSelect key={f} field={f} headers={headers} mapping={mapping} error={errors[f]} onChange={onChange} />)}
      </div>
      <details open={programError} className="rounded border p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-medium">Kolom program bantuan (PKH, BPNT, PBI, …) — {programsChosen} terpilih</summary>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {programKeys.map((k) => <ColumnSelect key={k} field={k} headers={headers} mapping={mapping} error={errors[k]} onChange={onChange} />)}
        </div>
      </details>
    </fieldset>
  );
}
