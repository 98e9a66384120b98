"use client";
import { useActionState, useTransition, type ReactNode } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

/**
 * A small form around a server action: shows the result message and field errors (aria-live). The
 * submitter's name/value (e.g. "Setujui" / "Tolak" buttons) is sent with the form data.
 */
export function ActionForm<T>({ action, children, success, className, testId }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<T>>; children: ReactNode; success: string; className?: string; testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  const fieldMessages = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat() : [];
  return (
    <form action={formAction} onSubmit={onSubmit} className={className ?? "flex flex-col gap-2"} data-testid={testId}>
      <fieldset disabled={pending} className="contents">{children}</fieldset>
      <div aria-live="polite" className="text-sm">
        {state?.ok ? <p role="status" className="font-medium text-green-800">{success}</p> : null}
        {state && !state.ok ? <p role="alert" className="font-medium text-red-700">{state.message}{fieldMessages.length ? ` ${fieldMessages.join(" ")}` : ""}</p> : null}
      </div>
    </form>
  );
}
