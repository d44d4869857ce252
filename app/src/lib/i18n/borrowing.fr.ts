/** Borrower-side sentences (item calendar, date picker, basket, requests): merged into fr.ts. */
export const borrowingFr = {
  'borrowing.placeholder': 'Emprunter',
} as const;
