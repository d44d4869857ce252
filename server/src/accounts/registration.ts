import { loadActor } from '../auth/actor.ts';
import { checkNetworkChoices, joinChosenNetworks } from '../charters/joining.ts';
import { assertStrongPassword, hashPassword, personalWords } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import type { RegisterInput } from '../domain/accounts.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { recordEvent } from '../events/record.ts';
import { joinByInvitation } from '../organisations/invitations.ts';
import {
  findJoinableOrganisation,
  findNetwork,
  insertMembership,
  insertOrganisation,
} from '../organisations/queries.ts';
import { sendVerificationLink } from './email-verification.ts';
import { findUserByEmail, insertSession, insertUser, organisationNameTaken, type SessionClient } from './queries.ts';
import { describeActor, normaliseEmail, sessionExpiry } from './service.ts';

export type Registration =
  /** Through an invitation: its link proved the address, the person is in at once. */
  | { signedIn: true; userId: string; sessionId: string; expiresAt: Date; me: ReturnType<typeof describeActor> }
  /** Otherwise: « vérifiez vos e-mails », whether the address was free or not. */
  | { signedIn: false };

/**
 * Sign-up. With a new structure or a request to join one, the answer is the same whether the
 * address already has an account or not, and neither signs anyone in: a new account gets the
 * link that confirms its address, the owner of a taken one is told that someone tried (and
 * nothing else is written). Both paths hash the password and run the same checks first, so
 * neither the answer nor its delay tells which it was. A new structure joins the networks it
 * chose and accepts each one's current charter (a stale version is refused before anything is
 * written); joining an existing structure accepts nothing (the structure did).
 */
export async function register(
  db: Database,
  input: RegisterInput,
  settings: { sessionDays: number; secret: string; client: SessionClient },
): Promise<Registration> {
  if ([input.organisation, input.joinOrganisationId, input.invitationToken].filter(Boolean).length !== 1) {
    throw fieldError('organisation', 'Indiquez soit une nouvelle structure, soit la structure à rejoindre.', 'oneOf');
  }
  if (!input.name.trim()) throw fieldError('name', 'Indiquez votre nom.', 'required');
  const email = normaliseEmail(input.email);
  await assertStrongPassword(input.password, 'password', personalWords({ email, name: input.name }));
  const passwordHash = await hashPassword(input.password);
  const person = { email, name: input.name.trim(), passwordHash, locale: input.locale ?? ('fr' as const) };
  if (input.invitationToken) return registerInvited(db, person, input.invitationToken, settings);

  await db.transaction(async (tx) => {
    const organisation = input.organisation;
    if (input.networks && !organisation) {
      // Joining a structure: it accepted its networks' charters already.
      throw fieldError('networks', 'Seule une nouvelle structure choisit ses réseaux.', 'consistency');
    }
    const choices = organisation
      ? await checkNetworkChoices(tx, input.networks, {
          networkId: input.networks ? undefined : (await findNetwork(tx, organisation.networkId))?.id,
          named: organisation.networkId !== undefined,
        })
      : [];
    if (organisation && (await organisationNameTaken(tx, organisation.name, organisation.postcode))) throw nameTaken();
    const joined = input.joinOrganisationId ? await findJoinableOrganisation(tx, input.joinOrganisationId) : undefined;
    if (input.joinOrganisationId && !joined)
      throw new AppError('not_found', 'La structure à rejoindre est introuvable.');

    const user = await insertUser(tx, person);
    if (!user) return tellOwnerOfAttempt(tx, email);
    await sendVerificationLink(tx, { id: user.id, email });
    if (organisation) {
      const created = await insertOrganisation(tx, organisation, choices[0]!.networkId);
      if (!created) throw nameTaken(); // created meanwhile: the whole sign-up rolls back
      await insertMembership(tx, { userId: user.id, organisationId: created.id, role: 'manager', status: 'active' });
      await joinChosenNetworks(tx, { organisationId: created.id, userId: user.id, choices });
    } else if (joined) {
      await insertMembership(tx, { userId: user.id, organisationId: joined.id, role: 'member', status: 'pending' });
      await recordEvent(tx, {
        type: 'membership.requested',
        actorId: user.id,
        organisationId: joined.id,
        userId: user.id,
      });
    }
  });
  return { signedIn: false };
}

async function registerInvited(
  db: Database,
  person: Parameters<typeof insertUser>[1],
  invitationToken: string,
  settings: { sessionDays: number; secret: string; client: SessionClient },
): Promise<Registration> {
  const { userId, sessionId, expiresAt } = await db.transaction(async (tx) => {
    const user = await insertUser(tx, person);
    // Only the holder of an invitation sent to this address gets here: telling them is no leak.
    if (!user) throw new AppError('email_taken', 'Un compte existe déjà avec cette adresse e-mail.');
    await joinByInvitation(tx, settings.secret, invitationToken, { id: user.id, email: person.email });
    const session = await insertSession(tx, user.id, sessionExpiry(settings.sessionDays), settings.client);
    return { userId: user.id, sessionId: session.id, expiresAt: session.expiresAt };
  });
  const me = describeActor((await loadActor(db, sessionId, userId))!);
  return { signedIn: true, userId, sessionId, expiresAt, me };
}

/**
 * The address has an account: its owner gets « quelqu’un a voulu créer un compte avec votre
 * adresse » (sign in, or choose a new password) and nothing else is written. At most one such
 * email an hour, however often someone tries.
 */
async function tellOwnerOfAttempt(tx: Database, email: string) {
  const owner = await findUserByEmail(tx, email);
  if (!owner) return;
  const hour = new Date().toISOString().slice(0, 13);
  await recordEvent(tx, {
    type: 'account.signup_attempt',
    userId: owner.id,
    occurrenceKey: `account.signup_attempt:${owner.id}:${hour}`,
  });
}

const nameTaken = () =>
  new AppError(
    'organisation_exists',
    'Une structure de ce nom existe déjà à ce code postal : demandez plutôt à la rejoindre.',
  );
