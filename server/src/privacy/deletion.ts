import { findPasswordHash } from '../accounts/queries.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { recordEvent } from '../events/record.ts';
import {
  deleteAllSessions,
  networksOfPerson,
  selectDeletionRequest,
  selectLastManagedWithOpenLoans,
  startGracePeriod,
} from './erasure-queries.ts';

/** Days between the request and the erasure: signing in meanwhile cancels it. */
export const erasureGraceDays = 7;

/**
 * « Supprimer mon compte », with the password typed again. The account is erased after the
 * grace period unless the person signs in before; they are signed out everywhere at once.
 */
export async function requestMyErasure(db: Database, actor: Actor, password: string) {
  if (!(await verifyPassword(await findPasswordHash(db, actor.user.id), password))) {
    const message = 'Ce n’est pas votre mot de passe.';
    throw new AppError('invalid_credentials', message, [{ path: 'password', code: 'current', message }]);
  }
  return scheduleErasure(db, {
    userId: actor.user.id,
    actorId: actor.user.id,
    networkIds: await networksOfPerson(db, actor.user.id),
    note: null,
  });
}

/**
 * A network admin acts on a person's request (by email, by post): the same erasure, the same
 * grace period (the person may still object by signing in), audited with what the request was.
 */
export async function requestErasureOf(db: Database, actor: Actor, userId: string, note: string) {
  const { networkIds } = await requireAccess(db, actor, 'network.handle_personal_data', { person: userId });
  const person = (await selectDeletionRequest(db, userId))!;
  const typed = note.trim();
  if (!typed) throw fieldError('note', 'Indiquez la demande reçue (date, canal).', 'required');
  // The audit log keeps the note for good: the person's name or address would outlive the erasure.
  const lowered = typed.toLowerCase();
  if ([person.name.trim().toLowerCase(), person.email].some((needle) => needle && lowered.includes(needle)))
    throw fieldError(
      'note',
      'N’écrivez ni le nom ni l’adresse de la personne dans la note : le journal la garde après l’effacement.',
      'personal_data',
    );
  return scheduleErasure(db, { userId, actorId: actor.user.id, networkIds, note: typed });
}

type Scheduling = { userId: string; actorId: string; networkIds: string[]; note: string | null };

async function scheduleErasure(db: Database, scheduling: Scheduling): Promise<{ eraseAfter: string }> {
  const { userId } = scheduling;
  return db.transaction(async (tx) => {
    await refuseWhileLastManager(tx, userId);
    const started = await startGracePeriod(tx, userId, erasureGraceDays);
    await deleteAllSessions(tx, userId);
    // Already requested: the first date stands, nothing more is recorded.
    if (!started) return { eraseAfter: (await selectDeletionRequest(tx, userId))!.eraseAfter!.toISOString() };
    const eraseAfter = started.eraseAfter!.toISOString();
    await recordAudit(tx, {
      actorId: scheduling.actorId,
      action: 'account.erasure_scheduled',
      target: { type: 'user', id: userId },
      networkIds: scheduling.networkIds,
      before: { deletionRequestedAt: null },
      after: { deletionRequestedAt: started.deletionRequestedAt!.toISOString(), eraseAfter },
      note: scheduling.note,
    });
    await recordEvent(tx, {
      type: 'account.deletion_scheduled',
      actorId: scheduling.actorId,
      userId,
      params: { eraseAfter },
    });
    return { eraseAfter };
  });
}

/** 409 while the person is the last manager of a structure with loans under way, naming those structures. */
export async function refuseWhileLastManager(db: Database, userId: string) {
  const structures = await selectLastManagedWithOpenLoans(db, userId);
  if (structures.length === 0) return;
  throw new AppError(
    'last_manager_with_open_loans',
    'Vous êtes le ou la dernière gestionnaire d’une structure qui a des prêts en cours : nommez d’abord un·e autre gestionnaire.',
    structures.map((structure) => ({
      path: '',
      code: 'open_loans',
      message: `« ${structure.name} » a des prêts en cours et n’aurait plus de gestionnaire.`,
    })),
  );
}
