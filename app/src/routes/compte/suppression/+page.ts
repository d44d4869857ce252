import type { PageLoad } from './$types';

/** The instant the account will be erased, as the API answered it (`?le=`); anything else is ignored. */
export const load: PageLoad = ({ url }) => {
  const given = url.searchParams.get('le');
  const eraseAfter = given && !Number.isNaN(Date.parse(given)) ? given : null;
  return { eraseAfter };
};
