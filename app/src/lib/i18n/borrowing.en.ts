import type { borrowingFr } from './borrowing.fr.ts';

export const borrowingEn: Record<keyof typeof borrowingFr, string> = {
  'borrowing.placeholder': 'Borrow',
};
