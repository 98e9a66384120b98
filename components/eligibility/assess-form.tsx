"use client";

import Link from "next/link";
import { useState } from "react";
import { FormMessage, FieldErrors } from "@/components/households/error-text";
import { Input, Select, SubmitButton } from "@/components/households/fields";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import type { TIndicatorSetDefinition } from "@/lib/eligibility/indicator-set";
import type { TRecommendation } from "@/lib/eligibility/program-rules";

type TResult = {
  runId: string;
  outcomes: { method: string; label: string; eligible: boolean | null; explanation: string }[];
  recommendations: TRecommendation[];
};
type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<TResult>>;

export const METHOD_LABELS: Record<string, string> = {
  GARIS_KEMISKINAN: "Garis kemiskinan (penghasilan per kapita)",
  KRITERIA_BPS: "14 kriteria BPS",
  SET_INDIKATOR: "Set indikator daerah",
};

const box = "rounded-lg border bg-white p-4";
const legend = "text-lg font-semibold";

export function AssessForm({ action, householdId, incomeSummary, criteria, sets }: {
  action: TAction;
  householdId: string;
  incomeSummary: { name: string; income: string }[];
  criteria: readonly { code: string; text: string }[];
  sets: { id: string; version: number; definition: TIndicatorSetDefinition }[];
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const [methods, setMethods] = useState<string[]>(["GARIS_KEMISKINAN"]);
  const [setId, setSetId] = useState(sets[0]?.id ?? "");
  const set = sets.find((s) => s.id === setId);
  const toggle = (m: string) => setMethods((cur) => (cur.includes(m) ? cur.filter((x) => x !== m) : [...cur, m]));
  const result = state?.ok ? state.data : null;

  return (
    <div className="flex flex-col gap-4">
      <form {...formProps} aria-label="Nilai kelayakan" className="flex flex-col gap-4">
        <input type="hidden" name="householdId" value={householdId} />
        <fieldset className={box} aria-describedby="methods-error">
          <legend className={legend}>Cara penilaian</legend>
          <div className="mt-2 flex flex-col gap-2">
            {Object.entries(METHOD_LABELS).map(([m, label]) => (
              <label key={m} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="methods[]" value={m} checked={methods.includes(m)} onChange={() => toggle(m)}
                  disabled={m === "SET_INDIKATOR" && sets.length === 0} className="size-5" />
                {label}{m === "SET_INDIKATOR" && sets.length === 0 ? " — belum ada set indikator" : ""}
              </label>
            ))}
          </div>
          <FieldErrors id="methods-error" errors={errors.methods} />
        </fieldset>

        {methods.includes("GARIS_KEMISKINAN") ? (
          <fieldset className={box}>
            <legend className={legend}>Penghasilan</legend>
            <p className="text-slate-700">Penghasilan anggota diambil dari data anggota keluarga. Jika ada yang “belum diketahui”, hasilnya “perlu verifikasi”.</p>
            <ul className="my-2 list-disc pl-6" data-testid="income-summary">
              {incomeSummary.map((m) => <li key={m.name}>{m.name}: {m.income}</li>)}
            </ul>
            <Input id="regularAid" name="regularAid" label="Bantuan tunai rutin yang diterima per bulan (Rp)" inputMode="numeric"
              placeholder="0" errors={errors.regularAid} hint="Mis. PKH atau BLTD yang diterima rutin, ditulis per bulan: 200.000. Kosongkan jika tidak ada." />
          </fieldset>
        ) : null}

        {methods.includes("KRITERIA_BPS") ? (
          <fieldset className={box}>
            <legend className={legend}>14 kriteria BPS</legend>
            <p className="text-slate-700">Pilih “Ya” bila kriteria berlaku untuk rumah tangga ini. Yang belum diketahui biarkan “Belum dicek”.</p>
            <div className="mt-2 flex flex-col gap-2">
              {criteria.map((c, i) => (
                <div key={c.code} className="grid items-center gap-2 border-t pt-2 sm:grid-cols-[1fr_12rem]">
                  <label htmlFor={`bps-${c.code}`}>{i + 1}. {c.text}</label>
                  <select id={`bps-${c.code}`} name={`bps.${c.code}`} defaultValue="" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                    <option value="">Belum dicek</option>
                    <option value="ya">Ya</option>
                    <option value="tidak">Tidak</option>
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}

        {methods.includes("SET_INDIKATOR") && sets.length > 0 ? (
          <fieldset className={box}>
            <legend className={legend}>Set indikator daerah</legend>
            <Select id="indicatorSetId" name="indicatorSetId" label="Set indikator" value={setId} onChange={(e) => setSetId(e.target.value)} errors={errors.indicatorSetId}>
              {sets.map((s) => <option key={s.id} value={s.id}>{s.definition.name} (versi {s.version})</option>)}
            </Select>
            <div className="mt-2 flex flex-col gap-2">
              {set?.definition.indicators.map((ind, i) => (
                <div key={ind.code} className="grid items-center gap-2 border-t pt-2 sm:grid-cols-[1fr_18rem]">
                  <label htmlFor={`ind-${ind.code}`}>{i + 1}. {ind.label}</label>
                  <select id={`ind-${ind.code}`} name={`indicators.${ind.code}`} defaultValue="" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                    <option value="">Belum dicek</option>
                    {ind.options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}

        <fieldset className={box}>
          <legend className={legend}>Untuk saran program</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <Select id="receivesCentralProgram" name="receivesCentralProgram" label="Sudah menerima program pusat (PKH, BPNT, PBI)?" defaultValue="">
              <option value="">Belum diketahui</option><option value="ya">Ya</option><option value="tidak">Tidak</option>
            </Select>
            <Select id="dtksStatus" name="dtksStatus" label="Status DTKS" defaultValue="TIDAK_DIKETAHUI">
              <option value="TIDAK_DIKETAHUI">Belum dicek</option><option value="TERDAFTAR">Terdaftar</option><option value="TIDAK_TERDAFTAR">Tidak terdaftar</option>
            </Select>
            <label className="flex min-h-11 items-center gap-3 self-end"><input type="checkbox" name="rtlh" value="ya" className="size-5" /> Rumah tidak layak huni (RTLH)</label>
          </div>
        </fieldset>

        <FormMessage state={state} />
        <SubmitButton pending={pending} pendingText="Menilai…">Nilai dan simpan</SubmitButton>
      </form>

      {result ? <AssessResult result={result} /> : null}
    </div>
  );
}

function AssessResult({ result }: { result: TResult }) {
  return (
    <section aria-labelledby="hasil" className="rounded-lg border-2 border-green-700 bg-green-50 p-4" role="status">
      <h2 id="hasil" className="text-xl font-semibold">Hasil penilaian (tersimpan)</h2>
      <ul className="mt-2 flex flex-col gap-3">
        {result.outcomes.map((o) => (
          <li key={o.method} data-testid="assessment-outcome">
            <p className="font-medium">{METHOD_LABELS[o.method]}: <strong className="text-lg" data-testid="assessment-class">{o.label}</strong></p>
            <p data-testid="assessment-explanation">{o.explanation}</p>
          </li>
        ))}
      </ul>
      <h3 className="mt-3 font-semibold">Saran program</h3>
      {result.recommendations.length === 0 ? <p>Tidak ada saran program dari aturan yang berlaku.</p> : (
        <ul className="list-disc pl-6" data-testid="recommendations">
          {result.recommendations.map((r) => <li key={r.ruleCode}><strong>{r.program}</strong> — {r.reason} <span className="text-sm text-slate-600">(aturan {r.ruleCode})</span></li>)}
        </ul>
      )}
      <p className="mt-3">
        <Link href={`/kelayakan/penilaian/${result.runId}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Buka surat keterangan untuk dicetak
        </Link>
      </p>
    </section>
  );
}
