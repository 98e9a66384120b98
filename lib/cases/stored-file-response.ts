/**
 * The response that sends a stored upload (case attachment, referral document, verivali photo) back to a browser.
 * Its type was detected from the bytes at upload, so it is sent as is: images open in the browser, PDFs download;
 * nosniff and a sandboxing CSP keep a crafted file from running as a page; never cached on a shared computer.
 */
export function storedFileResponse(file: { fileName: string; contentType: string }, bytes: Uint8Array): Response {
  const disposition = file.contentType.startsWith("image/") ? "inline" : "attachment";
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
