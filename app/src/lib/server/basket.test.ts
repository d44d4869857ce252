import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
  addLine,
  type Basket,
  basketCookieName,
  batchBody,
  clearBasket,
  lineOfField,
  linesByLender,
  maxBasketCookieLength,
  parseBasket,
  readBasket,
  removeLine,
  saveBasket,
  serialiseBasket,
  setLineQuantity,
  withDates,
} from './basket.ts';

const tonnelle = '11111111-1111-4111-8111-111111111111';
const tables = '22222222-2222-4222-8222-222222222222';
const sono = '33333333-3333-4333-8333-333333333333';
const lenderA = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: 'La Tonnelle Solidaire' };
const lenderB = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: 'Ressourcerie du Pévèle' };
const june = { startDate: '2027-06-12', endDate: '2027-06-14' };

const line = (itemId: string, lender = lenderA, quantity = 1, title = 'Tonnelle 3 × 3 m') => ({
  itemId,
  quantity,
  title,
  lender,
});
const basket: Basket = {
  ...june,
  lines: [
    line(tonnelle, lenderA, 2),
    line(sono, lenderB, 1, 'Sonorisation'),
    line(tables, lenderA, 6, 'Tables pliantes'),
  ],
};

describe('parseBasket', () => {
  it('reads back what it wrote', () => {
    expect(parseBasket(serialiseBasket(basket)!)).toEqual(basket);
  });

  it.each([undefined, '', 'not json', '[]', 'null', '{"startDate":"2027-06-12","endDate":"2027-06-14"}'])(
    'finds no basket in %j',
    (raw) => {
      expect(parseBasket(raw)).toBeNull();
    },
  );

  it('refuses dates that are not calendar days, or in the wrong order', () => {
    for (const dates of [
      { startDate: '2027-06-31', endDate: '2027-07-02' },
      { startDate: '2027-06-14', endDate: '2027-06-12' },
      { startDate: '12/06/2027', endDate: '2027-06-14' },
      { startDate: 20270612, endDate: '2027-06-14' },
    ]) {
      expect(parseBasket(JSON.stringify({ ...dates, lines: basket.lines }))).toBeNull();
    }
  });

  it('drops the lines that are not right, and repeated items', () => {
    const raw = JSON.stringify({
      ...june,
      lines: [
        line(tonnelle),
        { ...line(tables), quantity: 0 },
        { ...line(tables), quantity: 1.5 },
        { ...line(tables), itemId: '../../admin' },
        { ...line(tables), title: '' },
        { ...line(tables), lender: { id: 'nope', name: 'X' } },
        { ...line(tables), lender: null },
        'tables',
        line(tonnelle, lenderA, 3),
        line(sono, lenderB),
      ],
    });
    expect(parseBasket(raw)).toEqual({ ...june, lines: [line(tonnelle), line(sono, lenderB)] });
  });

  it('is no basket once no line is left', () => {
    expect(parseBasket(JSON.stringify({ ...june, lines: [{ itemId: 'x' }] }))).toBeNull();
  });
});

describe('serialiseBasket', () => {
  it('writes JSON', () => {
    expect(JSON.parse(serialiseBasket(basket)!)).toEqual(basket);
  });

  it('refuses a basket too big for a cookie', () => {
    const lines = Array.from({ length: 40 }, (_, index) =>
      line(
        `${String(index).padStart(8, '0')}-1111-4111-8111-111111111111`,
        lenderA,
        1,
        `Très longue désignation d’un objet numéro ${index}`,
      ),
    );
    expect(serialiseBasket({ ...june, lines })).toBeNull();
    const fitting = serialiseBasket({ ...june, lines: lines.slice(0, 10) });
    expect(encodeURIComponent(fitting!).length).toBeLessThanOrEqual(maxBasketCookieLength);
  });
});

describe('changing the basket', () => {
  it('adds an item, or changes the quantity of one already there', () => {
    const first = addLine(null, june, line(tonnelle));
    expect(first).toEqual({ ...june, lines: [line(tonnelle)] });
    const second = addLine(first, june, line(sono, lenderB));
    expect(second.lines.map((kept) => kept.itemId)).toEqual([tonnelle, sono]);
    expect(addLine(second, june, line(tonnelle, lenderA, 4)).lines).toEqual([
      line(tonnelle, lenderA, 4),
      line(sono, lenderB),
    ]);
  });

  it('keeps its lines when the dates change', () => {
    const july = { startDate: '2027-07-03', endDate: '2027-07-05' };
    expect(addLine(basket, july, line(tonnelle, lenderA, 1))).toMatchObject({
      ...july,
      lines: [line(tonnelle), basket.lines[1], basket.lines[2]],
    });
    expect(withDates(basket, july)).toEqual({ ...july, lines: basket.lines });
  });

  it('removes a line and changes a quantity', () => {
    expect(removeLine(basket, sono)?.lines.map((kept) => kept.itemId)).toEqual([tonnelle, tables]);
    expect(removeLine({ ...june, lines: [line(sono)] }, sono)).toBeNull();
    expect(setLineQuantity(basket, tables, 3).lines[2]).toEqual(line(tables, lenderA, 3, 'Tables pliantes'));
  });

  it('groups the lines by lender, in the order they were added', () => {
    expect(linesByLender(basket)).toEqual([
      { lender: lenderA, lines: [basket.lines[0], basket.lines[2]] },
      { lender: lenderB, lines: [basket.lines[1]] },
    ]);
  });
});

describe('sending the basket', () => {
  it('asks for every line, for the basket’s dates', () => {
    expect(batchBody(basket, { message: 'Pour la fête de quartier', organisationId: '' })).toEqual({
      lines: [
        { itemId: tonnelle, quantity: 2 },
        { itemId: sono, quantity: 1 },
        { itemId: tables, quantity: 6 },
      ],
      ...june,
      message: 'Pour la fête de quartier',
    });
    expect(batchBody(basket, { message: '', organisationId: lenderB.id })).not.toHaveProperty('message');
  });

  it('finds the line an error is about', () => {
    expect(lineOfField(basket, 'lines.1.itemId')).toBe(sono);
    expect(lineOfField(basket, 'lines.2.quantity')).toBe(tables);
    expect(lineOfField(basket, 'lines.0')).toBe(tonnelle);
    expect(lineOfField(basket, 'lines.9.itemId')).toBeNull();
    expect(lineOfField(basket, 'startDate')).toBeNull();
  });
});

describe('the cookie', () => {
  function jar() {
    const values = new Map<string, string>();
    const options = new Map<string, unknown>();
    const cookies = {
      get: (name: string) => values.get(name),
      set: (name: string, value: string, opts: unknown) => {
        values.set(name, value);
        options.set(name, opts);
      },
      delete: (name: string) => {
        values.delete(name);
      },
    } as unknown as Cookies;
    return { cookies, values, options };
  }
  const url = new URL('https://mutua.example/emprunter');

  it('is httpOnly, and Secure over https', () => {
    const { cookies, values, options } = jar();
    expect(saveBasket(cookies, url, basket)).toBe(true);
    expect(values.has(basketCookieName)).toBe(true);
    expect(options.get(basketCookieName)).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: true });
    expect(readBasket(cookies)).toEqual(basket);
  });

  it('is forgotten when the basket is emptied or sent', () => {
    const { cookies, values } = jar();
    saveBasket(cookies, url, basket);
    saveBasket(cookies, url, null);
    expect(values.has(basketCookieName)).toBe(false);
    saveBasket(cookies, url, basket);
    clearBasket(cookies, url);
    expect(readBasket(cookies)).toBeNull();
  });

  it('is left as it was when the basket would not fit', () => {
    const { cookies } = jar();
    saveBasket(cookies, url, basket);
    const lines = Array.from({ length: 60 }, (_, index) =>
      line(`${String(index).padStart(8, '0')}-1111-4111-8111-111111111111`),
    );
    expect(saveBasket(cookies, url, { ...june, lines })).toBe(false);
    expect(readBasket(cookies)).toEqual(basket);
  });
});
