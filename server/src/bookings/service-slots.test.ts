import { describe, expect, it } from 'vitest';
import { serviceSlotBreach } from './service-slots.ts';

// Wednesdays 14:00–17:00, Paris time. 31 March 2027 is a Wednesday, after the spring clock change.
const slots = [{ weekday: 3, startsAt: '14:00', endsAt: '17:00' }];
const today = '2027-01-04';

describe('service slots', () => {
  it('takes a request inside a slot, in Paris time whatever the season', () => {
    expect(
      serviceSlotBreach(slots, false, new Date('2027-03-31T12:00:00Z'), new Date('2027-03-31T15:00:00Z'), today),
    ).toBeNull();
    expect(
      serviceSlotBreach(slots, false, new Date('2027-01-06T13:00:00Z'), new Date('2027-01-06T16:00:00Z'), today),
    ).toBeNull();
  });

  it('refuses one outside the slots, unless the service also takes requests on demand', () => {
    const outside = [new Date('2027-03-31T13:00:00Z'), new Date('2027-03-31T16:00:00Z'), today] as const;
    expect(serviceSlotBreach(slots, false, ...outside)).toMatchObject({
      code: 'slot',
      message: expect.stringContaining('mercredi 14:00–17:00'),
    });
    expect(serviceSlotBreach(slots, true, ...outside)).toBeNull();
  });

  it('refuses everything for a service with no slots that takes no requests on demand', () => {
    expect(
      serviceSlotBreach([], false, new Date('2027-03-31T12:00:00Z'), new Date('2027-03-31T15:00:00Z'), today),
    ).toMatchObject({ code: 'slot' });
  });

  it('keeps a request on demand within one Paris day (midnight included) and the year ahead', () => {
    expect(
      serviceSlotBreach([], true, new Date('2027-03-31T20:00:00Z'), new Date('2027-03-31T22:00:00Z'), today),
    ).toBeNull();
    expect(
      serviceSlotBreach([], true, new Date('2027-03-31T20:00:00Z'), new Date('2027-04-01T08:00:00Z'), today),
    ).toMatchObject({ path: 'endsAt', code: 'same_day' });
    expect(
      serviceSlotBreach([], true, new Date('2027-03-31T08:00:00Z'), new Date('2027-06-29T08:00:00Z'), today),
    ).toMatchObject({ code: 'same_day' });
    expect(
      serviceSlotBreach([], true, new Date('2028-01-05T08:00:00Z'), new Date('2028-01-05T10:00:00Z'), today),
    ).toMatchObject({ code: 'horizon' });
    expect(
      serviceSlotBreach([], true, new Date('2028-01-04T08:00:00Z'), new Date('2028-01-04T10:00:00Z'), today),
    ).toBeNull();
  });
});
