import type { moderationFr } from './moderation.fr.ts';

/** English, key for key with moderation.fr.ts. */
export const moderationEn: Record<keyof typeof moderationFr, string> = {
  'moderation.reasonRequired': 'Give the reason: the organisation will read it.',
  'moderation.messageRequired': 'Write what the organisation should change.',
  'moderation.confirmRequired': 'Tick the box to confirm the suspension.',
  'moderation.suspendToggle': 'Suspend…',
  'moderation.suspendReason': 'Reason for the suspension',
  'moderation.suspendReasonHint':
    'Sent to the organisation’s members. Its listings leave the catalogue and its waiting requests are declined; its accepted loans stay open.',
  'moderation.suspendConfirm': 'I confirm the suspension of this organisation',
  'moderation.suspendSubmit': 'Suspend the organisation',
  'moderation.suspendSubmitLabel': 'Suspend the organisation “{name}”',
  'moderation.suspended':
    '“{name}” is suspended. Waiting requests declined: {declined}. Accepted loans still open, to follow up: {open}.',
  'moderation.reinstate': 'Reinstate',
  'moderation.reinstateLabel': 'Reinstate the organisation “{name}”',
  'moderation.reinstated': '“{name}” is reinstated: its published listings are back in the catalogue.',
  'moderation.reopen': 'Reopen',
  'moderation.reopenLabel': 'Reopen the organisation “{name}”: it goes back to waiting',
  'moderation.reopened': '“{name}” is waiting for approval again.',
  'moderation.changesToggle': 'Ask for changes…',
  'moderation.changesMessage': 'Changes asked for',
  'moderation.changesMessageHint': 'Sent to the organisation’s managers; it stays waiting.',
  'moderation.changesSubmit': 'Send the request',
  'moderation.changesSubmitLabel': 'Ask “{name}” for changes',
  'moderation.changesRequested': 'Request for changes sent to the managers of “{name}”.',
  'errors.organisation_status_conflict': 'This organisation’s status changed in the meantime: reload the page.',
};
