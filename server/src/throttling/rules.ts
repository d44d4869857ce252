import type { FastifyRequest } from 'fastify';
import { normaliseEmail } from '../accounts/service.ts';

/** At most `points` attempts per `seconds`, counted from the first one (a fixed window). */
export type Limit = { points: number; seconds: number };
export type RuleLimits = { account: Limit | null; address: Limit | null };

/**
 * Who an attempt counts against besides its address: the email typed in the body (before there
 * is a session: sign-in, sign-up, a reset link), or the signed-in person. Null: nobody (an
 * anonymous call to a signed-in route, which is refused anyway, counts for its address only).
 */
type AccountOf = (request: FastifyRequest) => Promise<string | null> | string | null;

const emailInBody: AccountOf = (request) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? normaliseEmail(email) : null;
};
const signedInPerson: AccountOf = async (request) => (await request.getActor())?.user.id ?? null;

const minutes = (count: number) => count * 60;
const hours = (count: number) => count * 3600;

/**
 * Every limit of Mutua, in one place. Each rule counts per account and per address (the client's
 * IP, the same /64 for IPv6) separately, and a request over either is refused with 429 and
 * `Retry-After`. The counts live in PostgreSQL, so every instance shares them.
 *
 * The numbers: an account's limits stop guessing (ten wrong passwords per quarter of an hour is
 * a thousand a day at best, against passwords the strength check makes far from the top
 * million) while a person who mistypes still gets in; an address's limits are looser because
 * a structure's office or a public Wi-Fi puts many people behind one address. A person who
 * signs in successfully starts their account's count again (see plugin.ts).
 */
export const throttleRules = {
  /** Wrong passwords per account; every attempt per address. */
  signIn: {
    routes: ['POST /api/auth/login'],
    accountOf: emailInBody,
    limits: { account: { points: 10, seconds: minutes(15) }, address: { points: 100, seconds: minutes(15) } },
  },
  signUp: {
    routes: ['POST /api/auth/register'],
    accountOf: emailInBody,
    limits: { account: { points: 10, seconds: hours(1) }, address: { points: 30, seconds: hours(1) } },
  },
  /** « Mot de passe oublié » (the service also sends at most three links an hour to one account). */
  passwordResetRequest: {
    routes: ['POST /api/auth/password-reset'],
    accountOf: emailInBody,
    limits: { account: { points: 10, seconds: hours(1) }, address: { points: 30, seconds: hours(1) } },
  },
  /** The form behind a reset link: its token is the account, and cannot be guessed. */
  passwordReset: {
    routes: ['POST /api/auth/password-reset/confirm'],
    accountOf: () => null,
    limits: { account: null, address: { points: 30, seconds: hours(1) } },
  },
  /** Both check the current password: counted like sign-in. */
  passwordCheck: {
    routes: ['POST /api/me/password', 'POST /api/me/email'],
    accountOf: signedInPerson,
    limits: { account: { points: 10, seconds: minutes(15) }, address: { points: 50, seconds: minutes(15) } },
  },
  /** « Renvoyer le lien » (the service also waits a minute between two links). */
  verificationResend: {
    routes: ['POST /api/auth/verify-email/resend'],
    accountOf: signedInPerson,
    limits: { account: { points: 10, seconds: hours(1) }, address: { points: 30, seconds: hours(1) } },
  },
  /** A request or a basket: each one emails the lenders. */
  bookingRequest: {
    routes: ['POST /api/bookings', 'POST /api/bookings/batch'],
    accountOf: signedInPerson,
    limits: { account: { points: 60, seconds: hours(1) }, address: { points: 200, seconds: hours(1) } },
  },
  /** A message on a loan, an answer to a need: each one emails the other structure. */
  message: {
    routes: ['POST /api/bookings/:id/messages', 'POST /api/needs/:id/responses'],
    accountOf: signedInPerson,
    limits: { account: { points: 40, seconds: minutes(10) }, address: { points: 120, seconds: minutes(10) } },
  },
  /** A report tells every moderator of its networks. */
  report: {
    routes: ['POST /api/reports'],
    accountOf: signedInPerson,
    limits: { account: { points: 20, seconds: hours(1) }, address: { points: 60, seconds: hours(1) } },
  },
  /** Each upload is decoded and resized: eight photos for each of dozens of listings still fit. */
  photoUpload: {
    routes: ['POST /api/items/:id/photos', 'POST /api/services/:id/photos'],
    accountOf: signedInPerson,
    limits: { account: { points: 60, seconds: minutes(10) }, address: { points: 120, seconds: minutes(10) } },
  },
} satisfies Record<string, { routes: string[]; accountOf: AccountOf; limits: RuleLimits }>;

export type RuleName = keyof typeof throttleRules;
export const ruleNames = Object.keys(throttleRules) as RuleName[];
