"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createUser } from "@/lib/users/create-user";
import { ZCreateUserInput, ZUserIdInput } from "@/lib/users/schemas";
import { resetPassword, resetSecondFactor, setUserActive } from "@/lib/users/update-user";

export const createUserAction = defineAction(
  { schema: ZCreateUserInput, permission: { action: "create", resource: "user" } },
  async (input, { user, ip }) => {
    const created = await createUser(user, input, { ip });
    revalidatePath("/admin/pengguna");
    return created;
  },
);

export const deactivateUserAction = defineAction(
  { schema: ZUserIdInput, permission: { action: "update", resource: "user" } },
  async ({ userId }, { user, ip }) => {
    await setUserActive(user, userId, false, { ip });
    revalidatePath("/admin/pengguna");
    return { userId };
  },
);

export const activateUserAction = defineAction(
  { schema: ZUserIdInput, permission: { action: "update", resource: "user" } },
  async ({ userId }, { user, ip }) => {
    await setUserActive(user, userId, true, { ip });
    revalidatePath("/admin/pengguna");
    return { userId };
  },
);

export const resetPasswordAction = defineAction(
  { schema: ZUserIdInput, permission: { action: "update", resource: "user" } },
  async ({ userId }, { user, ip }) => {
    const result = await resetPassword(user, userId, { ip });
    revalidatePath("/admin/pengguna");
    return result;
  },
);

export const resetSecondFactorAction = defineAction(
  { schema: ZUserIdInput, permission: { action: "update", resource: "user" } },
  async ({ userId }, { user, ip }) => {
    const result = await resetSecondFactor(user, userId, { ip });
    revalidatePath("/admin/pengguna");
    return result;
  },
);
