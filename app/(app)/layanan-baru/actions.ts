"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { registerIntake, ZIntakeInput } from "@/lib/cases/register-intake";

export const registerIntakeAction = defineAction(
  { schema: ZIntakeInput, permission: { action: "create", resource: "case" } },
  async (input, { user, ip }) => {
    const result = await registerIntake(user, input, { ip });
    revalidatePath("/kasus");
    return { caseId: result.caseId, ticketNo: result.ticketNo, warnings: result.warnings };
  },
);
