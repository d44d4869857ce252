import type { EmailLocale } from './contract.ts';

/** The French wording's shape with its literal strings widened, so that English may say something else. */
type Shape<Wording> = Wording extends string
  ? string
  : Wording extends (...parameters: infer Parameters) => string
    ? (...parameters: Parameters) => string
    : { [Key in keyof Wording]: Shape<Wording[Key]> };

/**
 * A template's wording in both languages, side by side. The English object is checked against the
 * French one: a missing or extra key, or a different signature, is a type error.
 */
export function defineStrings<Wording extends object>(strings: {
  fr: Wording;
  en: NoInfer<Shape<Wording>>;
}): Record<EmailLocale, Shape<Wording>> {
  // The French object is its own shape with narrower literals; TypeScript cannot see it through the conditional type.
  return strings as unknown as Record<EmailLocale, Shape<Wording>>;
}

const narrowNoBreakSpace = '\u202f';

/**
 * French typography for our own wording: a narrow no-break space before ; : ! ? and inside « ».
 * Only the literal parts are touched; interpolated values (names, titles, messages) stay as typed.
 * Write every French string that has one of these marks with this tag: a test checks that no
 * plain space is left before them in the French output.
 */
export function fr(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((sentence, literal, index) => {
    const typeset = literal.replace(/ ([;:!?»])/g, `${narrowNoBreakSpace}$1`).replace(/« /g, `«${narrowNoBreakSpace}`);
    return index === 0 ? typeset : `${sentence}${values[index - 1]}${typeset}`;
  }, '');
}
