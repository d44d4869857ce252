/**
 * HTML that cannot forget to escape: `html` is a tagged template in which every interpolation is
 * escaped unless it is itself the result of `html`, and an interpolation inside `href="…"` must be
 * an http(s) URL. Only the layout writes HTML; templates hand it text.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** A fragment already escaped (built by `html`), interpolated as is. */
export class SafeHtml {
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

export type HtmlValue = SafeHtml | string | number | null | false | readonly HtmlValue[];

/** The http(s) URL as the URL parser normalises it, or null for anything else (javascript:, data:, a typo…). */
export function safeHttpUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

const urlAttribute = /\b(?:href|src)=["']?\s*$/i;

function interpolate(value: HtmlValue): string {
  if (value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(interpolate).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    // The attribute name is always in the literal just before the value.
    if (urlAttribute.test(strings[index] ?? '')) {
      // A URL attribute takes a plain string that must pass as http(s): escaping alone would let javascript: through.
      const url = typeof value === 'string' ? safeHttpUrl(value) : null;
      if (url === null) throw new TypeError(`Refusing to write a non-http(s) URL into an href: ${String(value)}`);
      markup += escapeHtml(url);
    } else {
      markup += interpolate(value);
    }
    markup += strings[index + 1] ?? '';
  });
  return new SafeHtml(markup);
}

/** Text kept as typed: escaped, its line breaks shown as <br>. */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(
    text
      .split(/\r\n|\r|\n/)
      .map(escapeHtml)
      .join('<br>'),
  );
}
