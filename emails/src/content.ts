import type { EmailInputs, EmailKind, EmailLocale } from './contract.ts';
import { safeHttpUrl } from './html.ts';

/**
 * What a template says, as blocks of text and links. The layout turns the same blocks into the
 * HTML and the plain text, so the two cannot drift apart and a template never writes markup.
 */
export type Block =
  | { type: 'paragraph'; text: string }
  /** Someone's own words (a message, a reason), shown as typed under a label. */
  | { type: 'quote'; label: string; text: string }
  /** Label / value rows: what, how many, when, who. A value with several lines is a list. */
  | { type: 'details'; rows: Array<{ label: string; value: string | string[] }> }
  /** Call-to-action buttons; the first primary one is the main action. */
  | { type: 'actions'; actions: Action[] }
  /** A plain link in a sentence-like line, for secondary destinations. */
  | { type: 'link'; label: string; url: string }
  /** For links that must work even when buttons do not render: the address written out (HTML only; the text part has it already). */
  | { type: 'fallbackLink'; url: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: Array<{ text: string; url: string }> };

export type Action = { label: string; url: string; style: 'primary' | 'secondary' };

export type EmailContent = {
  subject: string;
  /** The line inboxes show after the subject (hidden in the body). */
  preheader: string;
  /** null entries are skipped, so optional parts read inline: `reason ? quote(…) : null`. */
  blocks: Array<Block | null>;
};

export type Summary = { text: string; url: string };

export type Template<K extends EmailKind> = {
  compose(input: EmailInputs[K], locale: EmailLocale): EmailContent;
  /** One line and its link, for the digest. */
  summarise(input: EmailInputs[K], locale: EmailLocale): Summary;
};

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });
export const heading = (text: string): Block => ({ type: 'heading', text });
export const details = (rows: Array<{ label: string; value: string | string[] }>): Block => ({ type: 'details', rows });
export const link = (label: string, url: string): Block => ({ type: 'link', label, url });
export const fallbackLink = (url: string): Block => ({ type: 'fallbackLink', url });
export const list = (items: Array<{ text: string; url: string }>): Block => ({ type: 'list', items });

/** Null when the text is missing or blank, so an empty message shows no empty quote. */
export function quote(label: string, text: string | null): Block | null {
  return text !== null && text.trim() !== '' ? { type: 'quote', label, text: text.trim() } : null;
}

export function button(label: string, url: string): Block {
  return { type: 'actions', actions: [{ label, url, style: 'primary' }] };
}

/** The buttons that can be shown (given, with an http(s) URL), or null when none can. */
export function buttons(...actions: Array<Action | null>): Block | null {
  const present = actions.filter((action): action is Action => action !== null && safeHttpUrl(action.url) !== null);
  return present.length > 0 ? { type: 'actions', actions: present } : null;
}
