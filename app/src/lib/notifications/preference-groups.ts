/**
 * The notification preferences page groups the kinds the way people think of them: loans,
 * reminders, their structure, needs, moderation, their account. Pure, tested.
 */
import type { EmailMode, NotificationKind, NotificationPreference } from '@mutua/server/contract';

export const preferenceGroupIds = ['loans', 'reminders', 'organisation', 'needs', 'moderation', 'account'] as const;
export type PreferenceGroupId = (typeof preferenceGroupIds)[number];

const groupOfPrefix: Record<string, PreferenceGroupId> = {
  booking: 'loans',
  reminder: 'reminders',
  organisation: 'organisation',
  membership: 'organisation',
  need: 'needs',
  listing: 'moderation',
  report: 'moderation',
  account: 'account',
};

/** The group of a kind, from its prefix (`booking.accepted` → loans); a prefix we do not know goes with the account. */
export function groupOf(kind: NotificationKind): PreferenceGroupId {
  return groupOfPrefix[kind.split('.')[0] ?? ''] ?? 'account';
}

/** Only network admins are told about reports: the others need not choose for them. */
const adminOnlyKinds: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['report.received']);

export type PreferenceGroup = { id: PreferenceGroupId; preferences: NotificationPreference[] };

/** The preferences in their groups, in the groups' order (each keeps the API's order); empty groups are left out. */
export function groupPreferences(
  preferences: NotificationPreference[],
  options: { isNetworkAdmin: boolean },
): PreferenceGroup[] {
  const shown = preferences.filter((preference) => options.isNetworkAdmin || !adminOnlyKinds.has(preference.kind));
  return preferenceGroupIds
    .map((id) => ({ id, preferences: shown.filter((preference) => groupOf(preference.kind) === id) }))
    .filter((group) => group.preferences.length > 0);
}

export const emailModes = ['immediate', 'digest', 'off'] as const satisfies readonly EmailMode[];

export function isEmailMode(value: unknown): value is EmailMode {
  return typeof value === 'string' && (emailModes as readonly string[]).includes(value);
}

/**
 * The PATCH body from the submitted form: one radio group per kind, named by the kind. Only the
 * kinds one may choose for (not essential) and that the form showed are sent.
 */
export function preferencesPatch(
  form: FormData,
  current: NotificationPreference[],
): Array<{ kind: NotificationKind; email: EmailMode }> {
  return current
    .filter((preference) => !preference.essential)
    .flatMap((preference) => {
      const chosen = form.get(preference.kind);
      return isEmailMode(chosen) ? [{ kind: preference.kind, email: chosen }] : [];
    });
}
