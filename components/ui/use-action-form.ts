"use client";

import { useActionState, useEffect, useRef, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

/**
 * useActionState for a form that keeps what the user typed when the server rejects it (React
 * resets a form after an `action` submission) and clears it only after success. The `action`
 * prop stays on the form too, so it still submits without JavaScript.
 */
export function useActionForm<T>(action: (prev: unknown, form: FormData) => Promise<TActionResult<T>>) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  const errors: Record<string, string[] | undefined> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, pending, errors, formProps: { ref: formRef, action: formAction, onSubmit } };
}
