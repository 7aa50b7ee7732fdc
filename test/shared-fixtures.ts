import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Path of an acceptance fixture. The originals live in `../shared/fixtures` beside the
 * repository (the team's shared folder); a clone elsewhere (CI, a contributor's machine)
 * uses the copies kept in `test/fixtures`, which `shared-fixtures.test.ts` holds equal to
 * the originals whenever both are present.
 *
 * @example
 * const fixture = JSON.parse(readFileSync(sharedFixturePath('pingliang-2020q2-bulletin.json'), 'utf8'));
 */
export function sharedFixturePath(name: string): string {
  const original = `${repositoryRoot}../shared/fixtures/${name}`;
  if (existsSync(original)) return original;
  const copy = `${repositoryRoot}test/fixtures/${name}`;
  if (existsSync(copy)) return copy;
  throw new Error(`acceptance fixture ${name} is neither in ../shared/fixtures nor in test/fixtures`);
}

/** Path of the kept copy of a fixture, whether or not the shared original is present. */
export function keptFixtureCopyPath(name: string): string {
  return `${repositoryRoot}test/fixtures/${name}`;
}

/** Path of the shared original of a fixture, or null when the shared folder is absent. */
export function sharedOriginalPath(name: string): string | null {
  const original = `${repositoryRoot}../shared/fixtures/${name}`;
  return existsSync(original) ? original : null;
}
