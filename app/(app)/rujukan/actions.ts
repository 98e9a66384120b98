"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { addReferralAttachment } from "@/lib/referrals/add-referral-attachment";
import { createReferral } from "@/lib/referrals/create-referral";
import { ZAddReferralAttachmentForm, ZCreateReferralInput, ZTransitionReferralInput } from "@/lib/referrals/schemas";
import { transitionReferral } from "@/lib/referrals/transition-referral";

export const createReferralAction = defineAction(
  { schema: ZCreateReferralInput, permission: { action: "create", resource: "referral" } },
  async (input, { user, ip }) => {
    const r = await createReferral(user, input, { ip });
    revalidatePath(`/kasus/${input.caseId}`);
    revalidatePath("/rujukan");
    return { id: r.id, status: r.status };
  },
);

export const transitionReferralAction = defineAction(
  { schema: ZTransitionReferralInput, permission: { action: "update", resource: "referral" } },
  async (input, { user, ip }) => {
    const r = await transitionReferral(user, input, { ip });
    revalidatePath(`/rujukan/${input.referralId}`);
    revalidatePath("/rujukan");
    return r;
  },
);

export const addReferralAttachmentAction = defineAction(
  { schema: ZAddReferralAttachmentForm, permission: { action: "update", resource: "referral" } },
  async ({ referralId, file }, { user, ip }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await addReferralAttachment(user, { referralId, fileName: file.name, bytes }, { ip });
    revalidatePath(`/rujukan/${referralId}`);
    return { id: result.id, fileName: result.fileName };
  },
);

export const markNotificationsReadAction = defineAction({ schema: z.strictObject({}) }, async (_input, { user }) => {
  const n = await markNotificationsRead(user.id);
  revalidatePath("/rujukan/notifikasi");
  return { marked: n };
});
