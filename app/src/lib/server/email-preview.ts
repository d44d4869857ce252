/**
 * An email's HTML, shown to admins inside the app: served on its own URL for a sandboxed
 * <iframe>, with a policy of its own. A `srcdoc` frame would inherit the page's CSP, which
 * refuses inline styles, and emails are nothing but inline styles; relaxing the page's policy
 * instead would not survive client-side navigation (the document keeps the CSP it loaded with).
 * Here no script can run (no `script-src`, and `sandbox`), nothing is fetched but the page's own
 * images, and the frame may only be shown by this site.
 */
export const emailPreviewPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "form-action 'none'",
  // Links open in a new tab, outside the sandbox (a link inside it could not load the app, which refuses to be framed).
  'sandbox allow-popups allow-popups-to-escape-sandbox',
].join('; ');

/** The document of the frame: the email as it was sent, with its links opening in a new tab. */
export function emailPreviewDocument(html: string): string {
  const base = '<base target="_blank">';
  const head = /<head(\s[^>]*)?>/i.exec(html);
  return head
    ? html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length)
    : base + html;
}

export function emailPreviewResponse(html: string): Response {
  return new Response(emailPreviewDocument(html), {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': emailPreviewPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'private, no-store',
    },
  });
}

/** When there is nothing to show (no such email, not allowed): a plain answer, never the app's page in a frame. */
export function noPreview(status: number): Response {
  return new Response(null, {
    status,
    headers: { 'content-security-policy': emailPreviewPolicy, 'cache-control': 'private, no-store' },
  });
}
