import type { ItemFee, ServiceParticipation } from '@mutua/server/contract';
import { formatEuros, type Translator } from '../i18n/index.ts';

/** What borrowing costs: "Gratuit", "5 € par jour", "10 € par prêt". */
export function itemFeeLabel(t: Translator, fee: ItemFee, feeAmount: number | null): string {
  if (fee === 'free' || feeAmount === null) return t('listing.feeFree');
  const amount = formatEuros(t.lang, feeAmount);
  return t(fee === 'per_day' ? 'listing.feePerDay' : 'listing.feePerLoan', { amount });
}

/** What a service asks in return: "Gratuit", "Échange de services", "150 €". */
export function participationLabel(t: Translator, participation: ServiceParticipation, price: number | null): string {
  if (participation === 'price' && price !== null) return formatEuros(t.lang, price);
  return t(participation === 'exchange' ? 'listing.participationExchange' : 'listing.feeFree');
}

/** "45 min", "2 h", "1 h 30". */
export function durationLabel(t: Translator, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('listing.durationMinutes', { minutes: rest });
  return rest === 0
    ? t('listing.durationHours', { hours })
    : t('listing.durationHoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}
