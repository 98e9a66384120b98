"use client";

import { useEffect, useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import { FieldErrors, FormMessage } from "./error-text";
import { SubmitButton } from "./fields";
import { MemberFields, type TMemberDefaults } from "./member-fields";

type TResult = { warnings: string[] };

/**
 * Add a member to the household (no `person`) or edit one (with `person`, carrying its version).
 * For an edit the NIK field starts empty: the full NIK never reaches the browser, and empty keeps it.
 */
export function MemberForm({ action, householdId, person, sensitive, idPrefix }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<TResult>>;
  householdId: string;
  person?: { id: string; version: number; nikMasked: string | null; defaults: TMemberDefaults };
  sensitive: { disability: boolean; health: boolean };
  idPrefix: string;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (state?.ok && !person) setRound((r) => r + 1); // a fresh, empty block for the next member
  }, [state, person]);
  const askConfirm = Boolean(errors.confirmNotDuplicate);
  const label = person ? `Ubah data ${person.defaults.name}` : "Tambah anggota keluarga";

  return (
    <form {...formProps} aria-label={label} className="mt-3 flex flex-col gap-3" noValidate>
      {/* An edit names the person (and its version), an addition the household: each schema takes only its own. */}
      {person ? <input type="hidden" name="personId" value={person.id} /> : <input type="hidden" name="householdId" value={householdId} />}
      {person ? <input type="hidden" name="version" value={person.version} /> : null}
      <MemberFields key={round} prefix="" idPrefix={idPrefix} errors={errors} defaults={person?.defaults} sensitive={sensitive}
        nikHint={person?.nikMasked ? `Tersimpan: ${person.nikMasked}. Kosongkan jika tidak diubah.` : undefined} />
      {askConfirm ? (
        <div className="rounded-md border-2 border-amber-600 bg-amber-50 p-3">
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input type="checkbox" name="confirmNotDuplicate" className="h-6 w-6" /> Bukan orang yang sama, tetap simpan
          </label>
          <FieldErrors id={`${idPrefix}confirm-error`} errors={errors.confirmNotDuplicate} />
        </div>
      ) : null}
      <FormMessage state={state} />
      {state?.ok ? (
        <div role="status" className="text-green-800">
          {person ? "Data anggota disimpan." : "Anggota ditambahkan."}
          {state.data.warnings.length ? <p className="text-amber-800">Periksa kembali: {state.data.warnings.join(" ")}</p> : null}
        </div>
      ) : null}
      <SubmitButton pending={pending}>{person ? "Simpan data anggota" : "Tambahkan anggota"}</SubmitButton>
    </form>
  );
}
