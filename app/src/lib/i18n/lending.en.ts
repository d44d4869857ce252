import type { lendingFr } from './lending.fr.ts';

export const lendingEn: Record<keyof typeof lendingFr, string> = {
  'lending.placeholder': 'Lend',
};
