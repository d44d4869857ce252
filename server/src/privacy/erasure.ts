import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import {
  blankTypedText,
  deleteOwnRows,
  deleteUser,
  lockDueAccount,
  networksOfPerson,
  scrubCopies,
  selectDueErasures,
  selectLastManagedWithOpenLoans,
} from './erasure-queries.ts';

type Log = { warn: (details: object, message: string) => void };

/**
 * The periodic task: erases the accounts whose grace period is over, each in its own
 * transaction. Idempotent and safe on several instances: an account is locked (skip locked) and
 * checked again as due, so one erased or being erased elsewhere is passed over. An account whose
 * person became, meanwhile, the last manager of a structure with loans under way is kept, still
 * scheduled, and logged: it goes once someone else manages the structure or the loans are over.
 * Answers how many accounts were erased.
 */
export async function eraseDueAccounts(db: Database, log?: Log, batch = 50): Promise<number> {
  let erased = 0;
  for (const userId of await selectDueErasures(db, batch)) {
    const outcome = await db.transaction(async (tx) => {
      const person = await lockDueAccount(tx, userId);
      if (!person) return 'passed' as const;
      const blocking = await selectLastManagedWithOpenLoans(tx, userId);
      if (blocking.length > 0) return { blocking };
      await eraseAccount(tx, person);
      return 'erased' as const;
    });
    if (outcome === 'erased') erased += 1;
    else if (outcome !== 'passed')
      log?.warn(
        { userId, organisationIds: outcome.blocking.map((structure) => structure.id) },
        'account erasure postponed: last manager of a structure with open loans',
      );
  }
  return erased;
}

/**
 * Erases one person, in the caller's transaction: what is theirs alone goes, what they typed in
 * shared history is blanked, copies of their name and address are taken out, then the account
 * row goes and every reference to it becomes null. Loans, lines, units, steps and messages stay,
 * attached to their structures. The audit entry keeps only the id, which now points at nobody.
 */
export async function eraseAccount(db: Database, person: { id: string; name: string; email: string }) {
  const networkIds = await networksOfPerson(db, person.id);
  await deleteOwnRows(db, person);
  await blankTypedText(db, person.id);
  await scrubCopies(db, person);
  await recordAudit(db, {
    actorId: null,
    action: 'account.erased',
    target: { type: 'user', id: person.id },
    networkIds,
  });
  await deleteUser(db, person.id);
}
