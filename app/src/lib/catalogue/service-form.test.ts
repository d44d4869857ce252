import { describe, expect, it } from 'vitest';
import { newServiceValues, serviceCreateBody, serviceInput } from './service-form.ts';

const typed = (changes: Partial<ReturnType<typeof newServiceValues>>) => ({
  ...newServiceValues(),
  title: 'Animation d’AG',
  domain: 'animation_facilitation',
  ...changes,
});

describe('serviceInput', () => {
  it('asks for a price only when the participation is a price', () => {
    expect(serviceInput(typed({ participation: 'exchange', price: '30' })).input.price).toBeNull();
    expect(serviceInput(typed({ participation: 'price', price: '150,50' })).input.price).toBe(150.5);
    expect(serviceInput(typed({ participation: 'price', price: '' })).errors).toEqual([{ field: 'price', rule: 'required', message: '' }]);
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
      visibility: 'networks',
    });
  });
});
