import { describe, expect, it } from 'vitest';
import type { ServiceDetail } from '@mutua/server/contract';
import {
  newServiceValues,
  serviceCreateBody,
  serviceFormValues,
  serviceInput,
  servicePatchBody,
  serviceValues,
} from './service-form.ts';

const typed = (changes: Partial<ReturnType<typeof newServiceValues>>) => ({
  ...newServiceValues(),
  title: 'Animation d’AG',
  domain: 'animation_facilitation',
  ...changes,
});
const row = (weekday: string, startsAt: string, endsAt: string) => ({ weekday, startsAt, endsAt });

describe('serviceInput', () => {
  it('asks for a price only when the participation is a price', () => {
    expect(serviceInput(typed({ participation: 'exchange', price: '30' })).input.price).toBeNull();
    expect(serviceInput(typed({ participation: 'price', price: '150,50' })).input.price).toBe(150.5);
    expect(serviceInput(typed({ participation: 'price', price: '' })).errors).toEqual([
      { path: 'price', code: 'required', message: '' },
    ]);
  });

  it('leaves the place to the structure’s when none is typed', () => {
    const body = serviceCreateBody(serviceInput(typed({ durationMinutes: '90' })).input);
    expect(body).toEqual({
      title: 'Animation d’AG',
      domain: 'animation_facilitation',
      format: 'on_site',
      durationMinutes: 90,
      participation: 'free',
      price: null,
      slots: [],
      onRequest: true,
      visibility: 'networks',
    });
  });
});

describe('weekly slots', () => {
  it('reads the rows of the form in order, leaving the blank ones out', () => {
    const form = new FormData();
    form.set('title', 'Atelier');
    form.set('slots.0.weekday', '2');
    form.set('slots.0.startsAt', '14:00');
    form.set('slots.0.endsAt', '16:00');
    for (const part of ['weekday', 'startsAt', 'endsAt']) form.set(`slots.1.${part}`, '');
    form.set('slots.10.weekday', '5');
    form.set('slots.10.startsAt', '9:00');
    form.set('slots.10.endsAt', '12:00:00');
    const values = serviceFormValues(form);
    expect(values.onRequest).toBe('');
    expect(values.slots).toEqual([row('2', '14:00', '16:00'), row('5', '9:00', '12:00:00')]);
    expect(serviceInput({ ...typed({}), slots: values.slots }).input.slots).toEqual([
      { weekday: 2, startsAt: '14:00', endsAt: '16:00' },
      { weekday: 5, startsAt: '09:00', endsAt: '12:00' },
    ]);
  });

  it('names the input of each row that needs fixing', () => {
    const { errors, input } = serviceInput(
      typed({
        slots: [
          row('1', '10:00', ''),
          row('', '10:00', '11:00'),
          row('3', '16:00', '15:00'),
          row('4', 'midi', '14:00'),
        ],
      }),
    );
    expect(errors).toEqual([
      { path: 'slots.0.endsAt', code: 'incomplete', message: '' },
      { path: 'slots.1.weekday', code: 'incomplete', message: '' },
      { path: 'slots.2.endsAt', code: 'order', message: '' },
      { path: 'slots.3.startsAt', code: 'pattern', message: '' },
    ]);
    expect(input.slots).toBeUndefined();
  });

  it('sends the slots and « sur demande » only when they changed', () => {
    const service = {
      title: 'Animation d’AG',
      domain: 'animation_facilitation',
      description: '',
      format: 'on_site',
      durationMinutes: null,
      providerName: '',
      participation: 'free',
      price: null,
      city: 'Lille',
      postcode: '59000',
      slots: [{ weekday: 2, startsAt: '14:00', endsAt: '16:00' }],
      onRequest: true,
      visibility: 'networks',
    } as unknown as ServiceDetail;
    const values = serviceValues(service, 'fr');
    expect(servicePatchBody(service, 'fr', serviceInput(values).input)).toEqual({});
    const changed = { ...values, onRequest: '', slots: [...values.slots, row('4', '09:00', '10:30')] };
    expect(servicePatchBody(service, 'fr', serviceInput(changed).input)).toEqual({
      slots: [
        { weekday: 2, startsAt: '14:00', endsAt: '16:00' },
        { weekday: 4, startsAt: '09:00', endsAt: '10:30' },
      ],
      onRequest: false,
    });
  });
});
