import { describe, expect, it } from 'vitest';
import { serviceSlotBreach } from './service-slots.ts';

// Wednesdays 14:00–17:00, Paris time. 31 March 2027 is a Wednesday, after the spring clock change.
const slots = [{ weekday: 3, startsAt: '14:00', endsAt: '17:00' }];

describe('service slots', () => {
  it('takes a request inside a slot, in Paris time whatever the season', () => {
    expect(serviceSlotBreach(slots, false, new Date('2027-03-31T12:00:00Z'), new Date('2027-03-31T15:00:00Z'))).toBeNull();
    expect(serviceSlotBreach(slots, false, new Date('2027-01-06T13:00:00Z'), new Date('2027-01-06T16:00:00Z'))).toBeNull();
  });

  it('refuses one outside the slots, unless the service also takes requests on demand', () => {
    const outside = [new Date('2027-03-31T13:00:00Z'), new Date('2027-03-31T16:00:00Z')] as const;
    expect(serviceSlotBreach(slots, false, ...outside)).toMatchObject({ rule: 'slot', message: expect.stringContaining('mercredi 14:00–17:00') });
    expect(serviceSlotBreach(slots, true, ...outside)).toBeNull();
    expect(serviceSlotBreach([], false, ...outside)).toBeNull();
  });
});
