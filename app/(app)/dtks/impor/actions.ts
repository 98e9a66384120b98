"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requestImportCancel, ZCancelImport } from "@/lib/dtks/cancel-import";
import { deleteMapping, saveMapping, ZDeleteMapping, ZSaveMapping } from "@/lib/dtks/mappings";
import { ZImportOptions } from "@/lib/dtks/start-import";
import { findStagedUpload, importStagedUpload } from "@/lib/dtks/uploads";

const ZStartImport = ZImportOptions.extend({ uploadId: z.string().min(1) });

const permission = { action: "create", resource: "dtks" } as const;

/** Starts the import of a file uploaded to POST /api/v1/dtks/uploads, with the columns the user chose. */
export const startImportAction = defineAction({ schema: ZStartImport, permission }, async ({ uploadId, ...options }, { user }) => {
  const batch = await importStagedUpload(user, await findStagedUpload(user, uploadId), options);
  revalidatePath("/dtks/impor");
  return { id: batch.id };
});

export const cancelImportAction = defineAction({ schema: ZCancelImport, permission }, async (input, { user, ip }) => {
  const result = await requestImportCancel(user, input, { ip });
  revalidatePath("/dtks/impor");
  return result;
});

export const saveMappingAction = defineAction({ schema: ZSaveMapping, permission }, async (input, { user, ip }) => {
  const row = await saveMapping(user, input, { ip });
  revalidatePath("/dtks/impor");
  return { id: row.id, name: row.name };
});

export const deleteMappingAction = defineAction({ schema: ZDeleteMapping, permission }, async (input, { user, ip }) => {
  const row = await deleteMapping(user, input, { ip });
  revalidatePath("/dtks/impor");
  return row;
});
