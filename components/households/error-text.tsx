import Link from "next/link";

const LINK = /(\/rumah-tangga\/[A-Za-z0-9_-]+)/g;

/** A server message that may name a household by its path: the path becomes a link the officer can open. */
export function ErrorText({ text }: { text: string }) {
  const parts = text.split(LINK);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Link key={i} href={part} target="_blank" className="font-medium underline">buka data rumah tangga ini</Link>
        ) : (
          <span key={i}>{part.replace(/[:—]\s*$/, "").trimEnd()}{i < parts.length - 1 ? " — " : ""}</span>
        ),
      )}
    </>
  );
}

/** Field-error block like FieldShell's, but with household links made clickable. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm text-red-700">
      {errors?.map((e) => <p key={e}><ErrorText text={e} /></p>)}
    </div>
  );
}

/** The form-level result line: the message when refused, nothing otherwise. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  return (
    <div aria-live="polite">
      {state && !state.ok && state.message ? <p className="font-medium text-red-700" role="alert">{state.message}</p> : null}
    </div>
  );
}
