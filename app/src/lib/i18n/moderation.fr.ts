/** Network moderation: suspensions, reinstatements, reopening, asking for changes: merged into fr.ts. */
export const moderationFr = {
  'moderation.reasonRequired': 'Indiquez le motif : il est communiqué à la structure.',
  'moderation.messageRequired': 'Écrivez ce que la structure doit modifier.',
  'moderation.confirmRequired': 'Cochez la case pour confirmer la suspension.',
  'moderation.suspendToggle': 'Suspendre…',
  'moderation.suspendReason': 'Motif de la suspension',
  'moderation.suspendReasonHint':
    'Communiqué aux membres de la structure. Ses annonces quittent le catalogue et ses demandes en attente sont refusées ; ses prêts acceptés restent ouverts.',
  'moderation.suspendConfirm': 'Je confirme la suspension de cette structure',
  'moderation.suspendSubmit': 'Suspendre la structure',
  'moderation.suspendSubmitLabel': 'Suspendre la structure « {name} »',
  'moderation.suspended':
    '« {name} » est suspendue. Demandes en attente refusées : {declined}. Prêts acceptés qui restent ouverts, à suivre : {open}.',
  'moderation.reinstate': 'Rétablir',
  'moderation.reinstateLabel': 'Rétablir la structure « {name} »',
  'moderation.reinstated': '« {name} » est rétablie : ses annonces publiées sont de nouveau dans le catalogue.',
  'moderation.reopen': 'Rouvrir',
  'moderation.reopenLabel': 'Rouvrir la structure « {name} » : elle revient en attente',
  'moderation.reopened': '« {name} » est de nouveau en attente de validation.',
  'moderation.changesToggle': 'Demander des modifications…',
  'moderation.changesMessage': 'Modifications demandées',
  'moderation.changesMessageHint': 'Communiqué aux gestionnaires de la structure ; elle reste en attente.',
  'moderation.changesSubmit': 'Envoyer la demande',
  'moderation.changesSubmitLabel': 'Demander des modifications à « {name} »',
  'moderation.changesRequested': 'Demande de modifications envoyée aux gestionnaires de « {name} ».',
  'errors.organisation_status_conflict': 'Le statut de cette structure a changé entre-temps : rechargez la page.',
} as const;
