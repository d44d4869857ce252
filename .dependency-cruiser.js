/**
 * The layering of server/src, checked by `pnpm check` (`pnpm check:layers` alone). README, « Architecture »,
 * says it in words: shared folders below, the features that use them above, and no folder that
 * both uses another and is used by it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment:
        'Two folders of server/src that reach each other, even through others, are one feature in two places: move what both need below them.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/src/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'catalogue-below-what-combines-it',
      comment:
        'The catalogue (listings, photos, availability, items, services, needs) is used by the inventory, bookings and notifications, never the other way round.',
      severity: 'error',
      from: { path: '^server/src/(listings|photos|availability|items|service-offers|needs)/' },
      to: { path: '^server/src/(inventory|bookings|notifications)/' },
    },
    {
      name: 'no-sideways-between-listing-kinds',
      comment: 'Items, services and needs each stand on listings/: what two of them share belongs there.',
      severity: 'error',
      from: { path: '^server/src/(items|service-offers|needs)/' },
      to: { path: '^server/src/(items|service-offers|needs)/', pathNot: '^server/src/$1/' },
    },
    {
      name: 'listings-below-their-features',
      comment:
        'listings/ holds what items, services and needs share; the features built on them (and the inventory, bookings) come above.',
      severity: 'error',
      from: { path: '^server/src/listings/' },
      to: { path: '^server/src/(items|service-offers|needs|inventory|bookings|notifications)/' },
    },
    {
      name: 'photos-and-availability-below-listings-features',
      comment: 'photos/ and availability/ serve items and services: they never reach into them.',
      severity: 'error',
      from: { path: '^server/src/(photos|availability)/' },
      to: { path: '^server/src/(items|service-offers|needs|inventory)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: [
        // Tests may set a scene with any feature: the layering is the code's.
        '\\.test\\.ts$',
        // The demo data is made through the use cases of every feature: the seed sits on top of
        // them all, as app.ts and server.ts do, though it lives in db/.
        '^server/src/db/seed/',
      ],
    },
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Type-only imports couple folders as much as the others.
    tsPreCompilationDeps: true,
  },
};
