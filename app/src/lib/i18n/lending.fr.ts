/** Lender-side and shared booking sentences (dashboards, booking page, availability settings, iCal): merged into fr.ts. */
export const lendingFr = {
  'lending.placeholder': 'Prêter',
} as const;
