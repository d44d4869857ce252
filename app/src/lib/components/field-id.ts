/**
 * The id of the control for a form field name (`organisation.postcode` → `field-organisation-postcode`);
 * `scope` tells apart two forms of one page that share field names.
 */
export function fieldId(name: string, scope?: string): string {
  return `field-${scope ? `${scope}-` : ''}${name}`.replace(/[^a-zA-Z0-9_-]/g, '-');
}
