import { randomBytes } from 'node:crypto';
import { passwordProblem } from '../../domain/access/password-rules.js';

/** Letters and digits a reader cannot confuse (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A source of random bytes (crypto.randomBytes; tests pass a fixed one). */
export type RandomBytes = (size: number) => Buffer;

/**
 * A random one-time password for `username`: four groups of four characters of
 * {@link ALPHABET} joined by `-` (about 93 bits), drawn with crypto.randomBytes without
 * modulo bias, and meeting the password rules (drawn again in the rare case it does not).
 *
 * @example oneTimePassword('demo-city') // e.g. 'Kp7d-Qx2m-9TfH-a3Wn'
 */
export function oneTimePassword(username: string, random: RandomBytes = randomBytes): string {
  for (;;) {
    const chars: string[] = [];
    while (chars.length < 16) {
      for (const byte of random(32)) {
        // 224 = 4 × 56: bytes above it would favour the first characters.
        if (byte >= 4 * ALPHABET.length) continue;
        chars.push(ALPHABET[byte % ALPHABET.length]!);
        if (chars.length === 16) break;
      }
    }
    const password = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (passwordProblem(password, username) === null) return password;
  }
}
