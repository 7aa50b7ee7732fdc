import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum for
 * argon2id), as a PHC string that carries its own parameters, so that stronger settings
 * later still verify older hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches the stored PHC string; false for a malformed one. */
export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash no password matches, verified when a username is unknown, so that the answer
 * takes as long as for a known one and does not tell which usernames exist.
 */
export const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$zoMisWd+9kk5CI2H/xD/Og$SxCEmgS6ZOVmoHbpnpkKEtFtQfvQFnOrb3wtwDB7uuc';
