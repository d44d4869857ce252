import type { ApiError } from '@mutua/server/contract';

/**
 * What is wrong with a link sent by email (confirm an address, reset a password, an invitation,
 * an answer from the email), from the API's answer: each has a page of its own.
 */
export type LinkProblem = 'invalid' | 'used' | 'expired';

export function linkProblemOf(status: number, error: ApiError): LinkProblem | null {
  if (error.error === 'link_used') return 'used';
  if (error.error === 'link_expired') return 'expired';
  // A token the API cannot even read (too short, too long) is as invalid as a forged one; so is one it does not know.
  if (error.error === 'link_invalid' || (status === 400 && error.error === 'validation_failed') || status === 404)
    return 'invalid';
  return null;
}
