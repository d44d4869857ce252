import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { fieldError } from '../domain/errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, cheap enough for a login burst.
const argon2id: Algorithm.Argon2id = 2; // a const enum: its value cannot be imported under verbatimModuleSyntax
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** A hash of nothing in particular, verified when the email is unknown so both paths take as long. */
const decoyHash = hash('mutua-decoy-password', options);

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await decoyHash, password);
    return false;
  }
  return verify(storedHash, password);
}

/**
 * zxcvbn's score, 0 to 4: 0 and 1 are guessed within about a hundred thousand tries (the most
 * common passwords, `1234567890`, `azertyuiop`, `motdepasse`, repeated or keyboard runs); from
 * 2 on it takes over a hundred million, which the per-account limit on sign-in (throttling/)
 * turns into centuries. Higher would refuse many passwords people can remember.
 */
const minimumScore = 2;

/**
 * The dictionaries (common passwords, French and English words, names: about 330 000 entries,
 * 60 MB in memory, a second to load) are loaded at the first check, once: most processes — and
 * most test files — never choose a password.
 */
let checker: Promise<ZxcvbnFactory> | undefined;
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, french, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...french.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: french.translations,
      // Its matching grows fast with length and with l33t substitutions (200 characters took
      // seconds): the first 64 characters and 3 substitutions tell a weak password already.
      maxLength: 64,
      l33tMaxSubstitutions: 3,
    });
  })();
  return checker;
}

/**
 * Refuses a password that is among the most common ones or trivially repetitive, with a 400
 * about `field`. `personal` are the person's own words (address, name): a password made of them
 * counts as guessable too.
 */
export async function assertStrongPassword(password: string, field: string, personal: string[] = []) {
  const result = (await strengthChecker()).check(password, [...personal, 'mutua']);
  if (result.score >= minimumScore) return;
  const warning = result.feedback.warning?.replace(/\.$/, '');
  const why = warning ? ` (${warning.charAt(0).toLowerCase()}${warning.slice(1)})` : '';
  throw fieldError(
    field,
    `Mot de passe trop facile à deviner${why} : choisissez-en un plus long ou moins courant, par exemple quelques mots sans rapport entre eux.`,
    'strength',
  );
}

/** The words of a person that a password should not be made of. */
export function personalWords(person: { email: string; name?: string }): string[] {
  return [person.email, person.email.split('@')[0]!, ...(person.name ? [person.name] : [])];
}
