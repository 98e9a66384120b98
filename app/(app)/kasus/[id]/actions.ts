"use server";

import { revalidatePath } from "next/cache";
import { grantBreakGlass, ZBreakGlassInput } from "@/lib/access/break-glass";
import { defineAction } from "@/lib/actions/define-action";
import { addAttachment } from "@/lib/cases/add-attachment";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { assignCase } from "@/lib/cases/assign-case";
import { ZAddAttachmentForm, ZAddCaseNoteInput, ZAssignCaseInput, ZTransitionCaseInput } from "@/lib/cases/schemas";
import { transitionCase } from "@/lib/cases/transition-case";

function refresh(caseId: string) {
  revalidatePath(`/kasus/${caseId}`);
  revalidatePath("/kasus");
}

// No `permission` on the transition: cancelling needs only the right to register (see transition-case.ts);
// the lib authorizes on the case record itself.
export const transitionCaseAction = defineAction({ schema: ZTransitionCaseInput }, async (input, { user, ip }) => {
  const result = await transitionCase(user, input, { ip });
  refresh(input.caseId);
  return result;
});

export const assignCaseAction = defineAction(
  { schema: ZAssignCaseInput, permission: { action: "update", resource: "case" } },
  async (input, { user, ip }) => {
    const result = await assignCase(user, input, { ip });
    refresh(input.caseId);
    return result;
  },
);

export const addCaseNoteAction = defineAction(
  { schema: ZAddCaseNoteInput, permission: { action: "update", resource: "case" } },
  async (input, { user, ip }) => {
    const result = await addCaseNote(user, input, { ip });
    refresh(input.caseId);
    return result;
  },
);

export const addAttachmentAction = defineAction(
  { schema: ZAddAttachmentForm, permission: { action: "update", resource: "case" } },
  async ({ caseId, file }, { user, ip }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await addAttachment(user, { caseId, fileName: file.name, bytes }, { ip });
    refresh(caseId);
    return { id: result.id, fileName: result.fileName };
  },
);

// Break-the-glass: the lib decides who may (a supervisor, own district, a case outside their scope) and
// audits the grant; the page then shows the case for the grant's lifetime.
export const breakGlassAction = defineAction(
  { schema: ZBreakGlassInput, permission: { action: "read", resource: "case" } },
  async (input, { user, ip }) => {
    const grant = await grantBreakGlass(user, input, { ip });
    refresh(input.caseId);
    return grant;
  },
);
