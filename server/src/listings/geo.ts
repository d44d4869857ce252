import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export type Point = { latitude: number; longitude: number };

const earthRadiusKm = 6371;
const kmPerDegreeOfLatitude = 111.2;

/** Great-circle distance in km between a listing's coordinates and a point (haversine). */
export function distanceKm(latitude: PgColumn, longitude: PgColumn, from: Point): SQL<number> {
  return sql<number>`(${earthRadiusKm * 2} * asin(sqrt(
    power(sin(radians(${latitude} - ${from.latitude}) / 2), 2)
    + cos(radians(${from.latitude})) * cos(radians(${latitude})) * power(sin(radians(${longitude} - ${from.longitude}) / 2), 2)
  )))::float8`;
}

/** Within `radiusKm` of a point: a bounding box the location index can use, then the exact distance. */
export function withinRadius(latitude: PgColumn, longitude: PgColumn, from: Point, radiusKm: number): SQL {
  const latitudeDelta = radiusKm / kmPerDegreeOfLatitude;
  const longitudeDelta = radiusKm / (kmPerDegreeOfLatitude * Math.max(Math.cos((from.latitude * Math.PI) / 180), 0.01));
  return sql`${latitude} between ${from.latitude - latitudeDelta} and ${from.latitude + latitudeDelta}
    and ${longitude} between ${from.longitude - longitudeDelta} and ${from.longitude + longitudeDelta}
    and ${distanceKm(latitude, longitude, from)} <= ${radiusKm}`;
}
