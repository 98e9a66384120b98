"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ZNewPassword } from "@/lib/auth/password";
import { changeOwnPassword } from "@/lib/users/update-user";
import { ZChangePasswordInput } from "@/lib/users/schemas";
import { AppError } from "@/lib/errors";

export const changePasswordAction = defineAction(
  { schema: ZChangePasswordInput, allowPasswordChange: true },
  async (input, { user, ip }) => {
    const strength = ZNewPassword.safeParse(input.newPassword);
    if (!strength.success) {
      const messages = strength.error.issues.map((i) => i.message);
      throw new AppError("INVALID", undefined, { newPassword: messages });
    }
    await changeOwnPassword(user, input, { ip });
    return { changed: true };
  },
);
