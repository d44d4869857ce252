import type { Me } from '@mutua/server/contract';

/**
 * The structures a person may report for (their active memberships), leaving out the structure
 * reported: nobody reports their own structure's listing. Empty: no « Signaler » button.
 */
export function reportingStructures(me: Me | null | undefined, reportedOrganisationId?: string) {
  return (me?.memberships ?? [])
    .filter((membership) => membership.status === 'active' && membership.organisation.id !== reportedOrganisationId)
    .map(({ organisation }) => ({ id: organisation.id, name: organisation.name }));
}
