import type { Summary, Template } from './content.ts';
import type { EmailInputs, EmailKind, EmailLocale, RenderContext, RenderedEmail } from './contract.ts';
import { renderLayout } from './layout.ts';
import { entryTemplates } from './registry.ts';
import { digest } from './templates/digest.ts';

/** @mutua/emails: the templates of the emails Mutua sends, in French and English, as subject, plain text and HTML. */

export { emailLocales } from './contract.ts';
export type {
  BookingSummary,
  DeclineReason,
  DigestEntry,
  EmailInputs,
  EmailKind,
  EmailLocale,
  RenderContext,
  RenderedEmail,
} from './contract.ts';
export type { Summary } from './content.ts';
export { sampleContext, sampleInputs } from './samples.ts';

const templates: { [K in EmailKind]: Template<K> } = { ...entryTemplates, digest };

/** Every kind, in the contract's order (account, loans, reminders, needs, moderation, digest). */
export const emailKinds: readonly EmailKind[] = Object.freeze(Object.keys(templates) as EmailKind[]);

function templateOf<K extends EmailKind>(kind: K): Template<K> {
  const template: Template<K> | undefined = templates[kind];
  // The server passes kinds read back from its queue: an unknown one is a bug worth a clear message.
  if (!template) throw new Error(`No email template for kind "${kind}"`);
  return template;
}

/** The email for one recipient: subject, plain text and HTML in the context's language. Throws on an unknown kind or a malformed date. */
export function renderEmail<K extends EmailKind>(
  kind: K,
  input: EmailInputs[K],
  context: RenderContext,
): RenderedEmail {
  return renderLayout(templateOf(kind).compose(input, context.locale), context);
}

/** One line and its link, as the digest lists a held notification. */
export function summarise<K extends EmailKind>(kind: K, input: EmailInputs[K], locale: EmailLocale): Summary {
  return templateOf(kind).summarise(input, locale);
}
