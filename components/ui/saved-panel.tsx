/**
 * What a create form shows once its record is saved. With JavaScript the form moves on to the record at once
 * and this shows only for that moment; when the form was sent before the page's JavaScript had loaded (a slow
 * network), the page comes back with this panel instead of an empty form that invites a second, duplicate
 * submission.
 */
export function SavedPanel({ message, href, linkLabel }: { message: string; href: string; linkLabel: string }) {
  return (
    <div role="status" className="flex flex-col items-start gap-3 rounded-lg border border-green-700 bg-green-50 p-4">
      <p className="font-medium">{message}</p>
      <a href={href} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {linkLabel}
      </a>
    </div>
  );
}
