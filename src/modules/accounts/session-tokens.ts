import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (256 bits, base64url): session cookies, CSRF tokens, API tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a secret: its SHA-256 in hex. A stolen table yields no usable token. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
