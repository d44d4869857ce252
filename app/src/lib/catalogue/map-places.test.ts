import { describe, expect, it } from 'vitest';
import { mapPlaces } from './map-places.ts';

describe('mapPlaces', () => {
  it('puts listings of one place under one marker and leaves out those without coordinates', () => {
    const lille = { latitude: 50.6292, longitude: 3.0573 };
    const places = mapPlaces([
      { id: 'a', ...lille },
      { id: 'b', latitude: 50.62921, longitude: 3.05731 },
      { id: 'c', latitude: 50.291, longitude: 2.7775 },
      { id: 'd', latitude: null, longitude: null },
    ]);
    expect(places.map((place) => place.listings.map((listing) => listing.id))).toEqual([['a', 'b'], ['c']]);
    expect(places[0]).toMatchObject(lille);
  });
});
