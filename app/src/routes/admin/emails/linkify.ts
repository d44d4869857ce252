/**
 * The plain text of an email, cut into text and links, so that an admin can follow the links it
 * carries (a reset link, a confirmation). Only http(s) addresses become links; punctuation that
 * ends a sentence stays text.
 */
export type TextPart = { text: string; href?: string };

const url = /https?:\/\/[^\s<>"]+/g;

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(url)) {
    const href = match[0].replace(/[.,;:!?)»]+$/, '');
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: href, href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
