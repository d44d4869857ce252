/**
 * A notification as a sentence in the reader's language. The API sends codes (`kind`, the
 * event's `params`) and the names as they are now (`about`); the sentence is ours, from the
 * catalogue: `notifications.kinds.<kind>`, or one of its variants (`.dates_taken` for a decline
 * the platform made, `.undated` when a date is missing, `.untitled` when the thing has no title).
 */
import type { AppNotification } from '@mutua/server/contract';
import { formatInstant } from '../bookings/booking-labels.ts';
import { plural, type Translator } from '../i18n/index.ts';

type Phrased = Pick<AppNotification, 'kind' | 'params' | 'about'>;

export function notificationPhrase(t: Translator, notification: Phrased): string {
  const { kind, params, about } = notification;
  const base = `notifications.kinds.${kind}`;
  const values: Record<string, string> = {
    organisation: about.organisationName ?? t('notifications.someOrganisation'),
    title: about.title ?? t('notifications.someTitle'),
  };
  const variants: string[] = [];

  const reasonCode = stringParam(params, 'reasonCode');
  if (kind === 'booking.declined' && reasonCode) variants.push(`${base}.${reasonCode}`);
  const outcome = stringParam(params, 'outcome');
  if (kind === 'report.resolved' && outcome && about.title !== null) variants.push(`${base}.${outcome}`);
  if (kind === 'network_role.changed' && about.title !== null)
    variants.push(`${base}.${stringParam(params, 'role') ?? 'none'}`);

  const daysLate = params.daysLate;
  if (kind === 'reminder.overdue') {
    if (typeof daysLate === 'number' && daysLate > 0) values.days = plural(t, 'units.days', daysLate);
    else variants.push(`${base}.undated`);
  }

  const expiresAt = stringParam(params, 'expiresAt');
  if (kind === 'reminder.answer_due' || kind === 'reminder.request_expiring') {
    if (expiresAt && !Number.isNaN(Date.parse(expiresAt))) values.date = formatInstant(t.lang, expiresAt);
    else variants.push(`${base}.undated`);
  }

  if (about.title === null) variants.push(`${base}.untitled`);

  for (const key of [...variants, base]) {
    const phrase = t.maybe(key, values);
    if (phrase !== undefined) return upperFirst(phrase);
  }
  // A kind newer than this app: say something true rather than nothing.
  return upperFirst(about.title ?? about.organisationName ?? t('notifications.title'));
}

function stringParam(params: Record<string, unknown>, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** « une structure a accepté… » starts a sentence: « Une structure a accepté… ». */
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name of a kind (« Demande acceptée »), for the preferences and the admins' mailbox; an unknown kind shows as it is. */
export function kindName(t: Translator, kind: string): string {
  return t.maybe(`notifications.kindNames.${kind}`) ?? kind;
}
