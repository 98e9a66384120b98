"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import { FormMessage } from "./error-text";
import { Input, SubmitButton } from "./fields";

type TAction<T> = (prev: unknown, form: FormData) => Promise<TActionResult<T>>;

/** Correct the KK data. Carries the version it was opened with (optimistic lock). */
export function HouseholdEditForm({ action, household }: {
  action: TAction<unknown>;
  household: { id: string; version: number; noKk: string | null; address: string; rt: string; rw: string; phone: string | null };
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Ubah data rumah tangga" className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" noValidate>
      <input type="hidden" name="householdId" value={household.id} />
      <input type="hidden" name="version" value={household.version} />
      <Input id="edit-noKk" name="noKk" label="Nomor KK" errors={errors.noKk} defaultValue={household.noKk ?? ""} inputMode="numeric" autoComplete="off" />
      <Input id="edit-address" name="address" label="Alamat" errors={errors.address} defaultValue={household.address} />
      <Input id="edit-rt" name="rt" label="RT" errors={errors.rt} defaultValue={household.rt} inputMode="numeric" />
      <Input id="edit-rw" name="rw" label="RW" errors={errors.rw} defaultValue={household.rw} inputMode="numeric" />
      <Input id="edit-phone" name="phone" label="Telepon/WA" errors={errors.phone} defaultValue={household.phone ?? ""} inputMode="tel" />
      <div className="flex flex-col gap-2 sm:col-span-2 lg:col-span-3">
        <FormMessage state={state} />
        {state?.ok ? <p role="status" className="text-green-800">Data rumah tangga disimpan.</p> : null}
        <SubmitButton pending={pending}>Simpan perubahan</SubmitButton>
      </div>
    </form>
  );
}
