"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createDeliberation, createProposal, decideProposal, recordVerivali, ZCreateProposal, ZDecideProposal, ZDeliberation, ZVerivaliForm } from "@/lib/dtks/proposals";

export const createProposalAction = defineAction({ schema: ZCreateProposal, permission: { action: "create", resource: "proposal" } }, async (input, { user, ip }) => {
  const p = await createProposal(user, input, { ip });
  revalidatePath(`/rumah-tangga/${input.householdId}`);
  revalidatePath("/dtks/usulan");
  return { id: p.id };
});

export const decideProposalAction = defineAction({ schema: ZDecideProposal, permission: { action: "update", resource: "dtks" } }, async (input, { user, ip }) => {
  const p = await decideProposal(user, input, { ip });
  revalidatePath("/dtks/usulan");
  return { id: p.id, status: p.status };
});

export const verivaliAction = defineAction({ schema: ZVerivaliForm, permission: { action: "update", resource: "proposal" } }, async ({ photo, ...input }, { user, ip }) => {
  const p = await recordVerivali(user, { ...input, photo: photo ? { fileName: photo.name, bytes: new Uint8Array(await photo.arrayBuffer()) } : undefined }, { ip });
  revalidatePath("/dtks/usulan");
  return { id: p.id };
});

export const deliberationAction = defineAction({ schema: ZDeliberation, permission: { action: "update", resource: "proposal" } }, async (input, { user, ip }) => {
  const d = await createDeliberation(user, input, { ip });
  revalidatePath("/dtks/usulan");
  return { id: d.id };
});
