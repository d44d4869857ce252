import { type Algorithm, hash, verify } from '@node-rs/argon2';

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
