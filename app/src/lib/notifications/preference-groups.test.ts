import { describe, expect, it } from 'vitest';
import { essentialKinds, notificationKinds } from '@mutua/server/domain/notifications';
import type { NotificationPreference } from '@mutua/server/contract';
import { translator } from '../i18n/index.ts';
import { groupOf, groupPreferences, preferenceGroupIds, preferencesPatch } from './preference-groups.ts';

const preferences: NotificationPreference[] = notificationKinds.map((kind) => ({
  kind,
  essential: essentialKinds.has(kind),
  email: 'immediate',
}));

describe('groupPreferences', () => {
  it('puts every kind in a group that has a title in both languages', () => {
    for (const kind of notificationKinds) {
      const group = groupOf(kind);
      expect(preferenceGroupIds).toContain(group);
      for (const lang of ['fr', 'en'] as const)
        expect(translator(lang).maybe(`notifications.preferences.groups.${group}`)).toBeDefined();
    }
    expect(groupOf('booking.message')).toBe('loans');
    expect(groupOf('reminder.pickup')).toBe('reminders');
    expect(groupOf('membership.requested')).toBe('organisation');
    expect(groupOf('need.response')).toBe('needs');
    expect(groupOf('report.received')).toBe('moderation');
  });

  it('shows each kind once, in the groups’ order, and reports to admins only', () => {
    const all = groupPreferences(preferences, { isNetworkAdmin: true });
    expect(all.map((group) => group.id)).toEqual([...preferenceGroupIds]);
    expect(
      all
        .flatMap((group) => group.preferences)
        .map((preference) => preference.kind)
        .sort(),
    ).toEqual([...notificationKinds].sort());
    const member = groupPreferences(preferences, { isNetworkAdmin: false }).flatMap((group) =>
      group.preferences.map((preference) => preference.kind),
    );
    expect(member).not.toContain('report.received');
  });
});

describe('preferencesPatch', () => {
  it('sends the chosen mode of the kinds one may choose for, and nothing else', () => {
    const form = new FormData();
    form.set('booking.requested', 'digest');
    form.set('booking.message', 'off');
    form.set('booking.accepted', 'off'); // essential: never sent, whatever the form says
    form.set('reminder.pickup', 'sometimes'); // not a mode
    expect(preferencesPatch(form, preferences)).toEqual([
      { kind: 'booking.requested', email: 'digest' },
      { kind: 'booking.message', email: 'off' },
    ]);
  });
});
