/**
 * The « panier »: several items for the same dates, sent as one request (POST /api/bookings/batch).
 * It lives in an httpOnly cookie, as JSON, so that it works without JavaScript and without an
 * account table: `{ startDate, endDate, lines: [{ itemId, quantity, title, lender: { id, name } }] }`.
 * The browser sends it back as it likes: every read checks it again, and a line that is not
 * right is dropped. Titles and names are only shown; the API checks every line when it is sent.
 */
import type { Cookies } from '@sveltejs/kit';
import { isCalendarDay } from '@mutua/server/domain/calendar-days';

export const basketCookieName = 'mutua_panier';
/** As many lines as the API takes in one request. */
export const maxBasketLines = 50;
/** A cookie holds about 4 KB with its name and attributes: the value stays below. */
export const maxBasketCookieLength = 3800;
const basketDays = 30;
const maxText = 120;

export type BasketLender = { id: string; name: string };
export type BasketLine = { itemId: string; quantity: number; title: string; lender: BasketLender };
export type Basket = { startDate: string; endDate: string; lines: BasketLine[] };
export type BasketDates = { startDate: string; endDate: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= 200;
const isQuantity = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10_000;

/** Two calendar days, the first not after the second. */
export function areDates(startDate: unknown, endDate: unknown): boolean {
  return (
    typeof startDate === 'string' &&
    typeof endDate === 'string' &&
    isCalendarDay(startDate) &&
    isCalendarDay(endDate) &&
    startDate <= endDate
  );
}

function lineOf(value: unknown): BasketLine | null {
  if (!isRecord(value) || !isRecord(value.lender)) return null;
  const { itemId, quantity, title, lender } = value;
  if (typeof itemId !== 'string' || !uuid.test(itemId) || !isQuantity(quantity) || !isText(title)) return null;
  if (typeof lender.id !== 'string' || !uuid.test(lender.id) || !isText(lender.name)) return null;
  return { itemId: itemId.toLowerCase(), quantity, title, lender: { id: lender.id.toLowerCase(), name: lender.name } };
}

/** The basket a cookie holds, or null: no cookie, not JSON, bad dates or no line left. */
export function parseBasket(raw: string | undefined): Basket | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || !areDates(value.startDate, value.endDate) || !Array.isArray(value.lines)) return null;
  const lines: BasketLine[] = [];
  for (const candidate of value.lines.slice(0, maxBasketLines)) {
    const line = lineOf(candidate);
    if (line && !lines.some((kept) => kept.itemId === line.itemId)) lines.push(line);
  }
  return lines.length > 0 ? { startDate: value.startDate as string, endDate: value.endDate as string, lines } : null;
}

/** The cookie's value; null when the basket would no longer fit in a cookie. */
export function serialiseBasket(basket: Basket): string | null {
  const json = JSON.stringify({
    startDate: basket.startDate,
    endDate: basket.endDate,
    lines: basket.lines.map(({ itemId, quantity, title, lender }) => ({
      itemId,
      quantity,
      title: title.slice(0, maxText),
      lender: { id: lender.id, name: lender.name.slice(0, maxText) },
    })),
  });
  // SvelteKit writes cookie values URI-encoded: measure what the browser will keep.
  return encodeURIComponent(json).length <= maxBasketCookieLength ? json : null;
}

/**
 * Adds an item, or changes its quantity when it is already there. The dates given become the
 * basket's: every line is asked for the same days, and the lines already there stay.
 */
export function addLine(basket: Basket | null, dates: BasketDates, line: BasketLine): Basket {
  const lines = basket?.lines ?? [];
  const known = lines.some((kept) => kept.itemId === line.itemId);
  return {
    startDate: dates.startDate,
    endDate: dates.endDate,
    lines: known ? lines.map((kept) => (kept.itemId === line.itemId ? line : kept)) : [...lines, line],
  };
}

export function removeLine(basket: Basket, itemId: string): Basket | null {
  const lines = basket.lines.filter((line) => line.itemId !== itemId);
  return lines.length > 0 ? { ...basket, lines } : null;
}

export function setLineQuantity(basket: Basket, itemId: string, quantity: number): Basket {
  return { ...basket, lines: basket.lines.map((line) => (line.itemId === itemId ? { ...line, quantity } : line)) };
}

/** Other dates for the whole basket; its lines stay. */
export function withDates(basket: Basket, dates: BasketDates): Basket {
  return { ...basket, startDate: dates.startDate, endDate: dates.endDate };
}

export function hasDates(basket: Basket, dates: BasketDates): boolean {
  return basket.startDate === dates.startDate && basket.endDate === dates.endDate;
}

/** The lines by lender, in the order they were added: one request will go to each. */
export function linesByLender(basket: Basket): Array<{ lender: BasketLender; lines: BasketLine[] }> {
  const groups = new Map<string, { lender: BasketLender; lines: BasketLine[] }>();
  for (const line of basket.lines) {
    const group = groups.get(line.lender.id) ?? { lender: line.lender, lines: [] };
    group.lines.push(line);
    groups.set(line.lender.id, group);
  }
  return [...groups.values()];
}

/** POST /api/bookings/batch, lines in the basket's order (the API's errors name them by index). */
export function batchBody(basket: Basket, extras: { message: string; organisationId: string }) {
  return {
    lines: basket.lines.map(({ itemId, quantity }) => ({ itemId, quantity })),
    startDate: basket.startDate,
    endDate: basket.endDate,
    ...(extras.message ? { message: extras.message } : {}),
    ...(extras.organisationId ? { organisationId: extras.organisationId } : {}),
  };
}

/** The item an error of the batch is about: `lines.1.itemId` or `lines.1.quantity` → the second line’s. */
export function lineOfField(basket: Basket, field: string): string | null {
  const match = /^lines[/.](\d+)(?:[/.]|$)/.exec(field);
  return match ? (basket.lines[Number(match[1])]?.itemId ?? null) : null;
}

const cookieOptions = (url: URL, maxAge: number) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge }) as const;

export function readBasket(cookies: Cookies): Basket | null {
  return parseBasket(cookies.get(basketCookieName));
}

/** Keeps the basket (an empty one is forgotten); false when it no longer fits in its cookie. */
export function saveBasket(cookies: Cookies, url: URL, basket: Basket | null): boolean {
  if (!basket || basket.lines.length === 0) {
    clearBasket(cookies, url);
    return true;
  }
  const value = basket.lines.length <= maxBasketLines ? serialiseBasket(basket) : null;
  if (value === null) return false;
  cookies.set(basketCookieName, value, cookieOptions(url, basketDays * 24 * 60 * 60));
  return true;
}

export function clearBasket(cookies: Cookies, url: URL) {
  cookies.delete(basketCookieName, cookieOptions(url, 0));
}
