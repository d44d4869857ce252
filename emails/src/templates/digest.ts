import { button, heading, list, paragraph, type Template } from '../content.ts';
import { formatDay } from '../dates.ts';
import { summariseEntry } from '../registry.ts';
import { defineStrings } from '../strings.ts';

const digestWording = defineStrings({
  fr: {
    subject: (day: string) => `Votre résumé Mutua du ${day}`,
    intro: 'Voici ce qui vous concerne sur Mutua, et les nouvelles annonces près de chez vous.',
    entriesHeading: 'Pour vous',
    listingsHeading: 'Nouvelles annonces près de chez vous',
    listing: (title: string, organisation: string, city: string) => `${title} — ${organisation}, ${city}`,
    entriesCount: (count: number) => (count === 1 ? '1 notification' : `${count} notifications`),
    listingsCount: (count: number) => (count === 1 ? '1 nouvelle annonce' : `${count} nouvelles annonces`),
    nothingNew: 'Rien de nouveau aujourd’hui.',
    open: 'Ouvrir Mutua',
  },
  en: {
    subject: (day: string) => `Your Mutua digest for ${day}`,
    intro: 'Here is what concerns you on Mutua, and the new listings near you.',
    entriesHeading: 'For you',
    listingsHeading: 'New listings near you',
    listing: (title: string, organisation: string, city: string) => `${title} — ${organisation}, ${city}`,
    entriesCount: (count: number) => (count === 1 ? '1 notification' : `${count} notifications`),
    listingsCount: (count: number) => (count === 1 ? '1 new listing' : `${count} new listings`),
    nothingNew: 'Nothing new today.',
    open: 'Open Mutua',
  },
});

/** The daily digest: the notifications held for it (each as its template's summary) and new listings nearby. */
export const digest: Template<'digest'> = {
  compose({ day, entries, newListings, url }, locale) {
    const t = digestWording[locale];
    const counts = [
      entries.length > 0 ? t.entriesCount(entries.length) : null,
      newListings.length > 0 ? t.listingsCount(newListings.length) : null,
    ].filter((count) => count !== null);
    return {
      subject: t.subject(formatDay(day, locale)),
      preheader: counts.length > 0 ? counts.join(', ') : t.nothingNew,
      blocks: [
        paragraph(counts.length > 0 ? t.intro : t.nothingNew),
        ...(entries.length > 0
          ? [heading(t.entriesHeading), list(entries.map((entry) => summariseEntry(entry, locale)))]
          : []),
        ...(newListings.length > 0
          ? [
              heading(t.listingsHeading),
              list(
                newListings.map((listing) => ({
                  text: t.listing(listing.title, listing.organisationName, listing.city),
                  url: listing.url,
                })),
              ),
            ]
          : []),
        button(t.open, url),
      ],
    };
  },
  summarise: ({ day, url }, locale) => ({ text: digestWording[locale].subject(formatDay(day, locale)), url }),
};
