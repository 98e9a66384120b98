"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { SavedPanel } from "@/components/ui/saved-panel";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import { MAX_MEMBERS } from "@/lib/households/schemas";
import { FieldErrors, FormMessage } from "./error-text";
import { Input, Select, SubmitButton } from "./fields";
import { MemberFields } from "./member-fields";

type TCreated = { householdId: string; memberIds: string[]; warnings: string[] };

/**
 * Register a household: the KK's data, then one block per member (add / remove rows). Probable
 * duplicates come back from the server before anything is saved, with links to the existing records
 * and a "not the same person" box to tick.
 */
export function CreateHouseholdForm({ action, villages, defaultRegion }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<TCreated>>;
  villages: { code: string; name: string }[];
  defaultRegion?: string;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const router = useRouter();
  const nextKey = useRef(1);
  const [rows, setRows] = useState<number[]>([0]);
  const askConfirm = Boolean(errors.confirmNotDuplicate) || (state && !state.ok && state.code === "CONFLICT" && /mungkin sudah terdaftar/.test(state.message));

  useEffect(() => {
    if (state?.ok) {
      // The detail page shows NIK / birth date / sex disagreements on the members themselves.
      router.push(`/rumah-tangga/${state.data.householdId}?baru=1`);
    }
  }, [state, router]);

  const addRow = () => setRows((r) => (r.length >= MAX_MEMBERS ? r : [...r, nextKey.current++]));
  const removeRow = (key: number) => {
    const who = rows.indexOf(key) + 1;
    if (window.confirm(`Hapus baris anggota ke-${who} dari formulir?`)) setRows((r) => r.filter((k) => k !== key));
  };

  if (state?.ok) {
    return <SavedPanel message="Data rumah tangga sudah disimpan." href={`/rumah-tangga/${state.data.householdId}?baru=1`} linkLabel="Buka halaman rumah tangga" />;
  }
  return (
    <form {...formProps} aria-label="Daftarkan rumah tangga" className="flex flex-col gap-6" noValidate>
      <fieldset className="grid gap-3 rounded-lg border bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-lg font-semibold">Kartu Keluarga</legend>
        <Input id="noKk" name="noKk" label="Nomor KK (16 digit, boleh kosong)" errors={errors.noKk} inputMode="numeric" autoComplete="off"
          hint="Kosongkan jika keluarga belum punya KK; bantu urus ke Dukcapil." />
        <Select id="regionCode" name="regionCode" label="Kelurahan/desa" errors={errors.regionCode} defaultValue={defaultRegion ?? ""} required>
          <option value="" disabled>— pilih —</option>
          {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
        </Select>
        <Input id="address" name="address" label="Alamat (jalan, gang, nomor)" errors={errors.address} required />
        <Input id="rt" name="rt" label="RT" errors={errors.rt} inputMode="numeric" placeholder="001" required />
        <Input id="rw" name="rw" label="RW" errors={errors.rw} inputMode="numeric" placeholder="001" required />
        <Input id="phone" name="phone" label="Telepon/WA (boleh kosong)" errors={errors.phone} inputMode="tel" />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="text-lg font-semibold">Anggota keluarga ({rows.length})</legend>
        <FieldErrors id="members-error" errors={errors.members} />
        {rows.map((key, i) => (
          <section key={key} aria-label={`Anggota ke-${i + 1}`} className="rounded-lg border bg-white p-4" data-testid={`member-row-${i}`}>
            <div className="mb-3 flex items-center justify-between gap-3">
              <h2 className="font-semibold">Anggota ke-{i + 1}{i === 0 ? " (biasanya kepala keluarga)" : ""}</h2>
              {rows.length > 1 ? (
                <button type="button" onClick={() => removeRow(key)} className="min-h-11 rounded-md border border-red-700 px-3 text-red-800">
                  Hapus anggota ke-{i + 1}
                </button>
              ) : null}
            </div>
            <MemberFields prefix={`members.${i}.`} idPrefix={`m${key}-`} errors={errors}
              defaults={i === 0 ? { relation: "KEPALA_KELUARGA" } : {}} />
          </section>
        ))}
        {rows.length < MAX_MEMBERS ? (
          <button type="button" onClick={addRow} className="min-h-11 self-start rounded-md border border-brand-600 px-4 font-medium text-brand-700">
            + Tambah anggota
          </button>
        ) : <p>Sudah {MAX_MEMBERS} anggota, batas satu KK.</p>}
      </fieldset>

      {askConfirm ? (
        <div className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input type="checkbox" name="confirmNotDuplicate" className="h-6 w-6" aria-describedby="confirmNotDuplicate-error" />
            Bukan orang yang sama, tetap simpan
          </label>
          <FieldErrors id="confirmNotDuplicate-error" errors={errors.confirmNotDuplicate} />
        </div>
      ) : null}

      <FormMessage state={state} />
      <SubmitButton pending={pending}>Simpan rumah tangga</SubmitButton>
    </form>
  );
}
