/** How the demo seed's parts find what the first part inserted, by the demo data's keys. */
export type DemoIds = {
  networkId: (slug: string) => string;
  organisationId: (key: string) => string;
  userId: (email: string) => string;
};
