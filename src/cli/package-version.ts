import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version in Gongwei's package.json, found by walking up from this file: the same code
 * runs from src/cli (tsx, tests) and from dist/src/cli (the built command), two and three
 * folders below the package.
 *
 * @example
 * program.version(packageVersion());   // gongwei --version → 0.1.0
 */
export function packageVersion(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'gongwei' && json.version) return json.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
