import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Past this many lines a source file usually holds several things that deserve a name each
 * (issue 9: "no source file over ~600 lines except declarative tables").
 */
const MAX_LINES = 600;

/**
 * Files allowed to be longer because they are declarative tables: one entry per item, read
 * top to bottom, where splitting would only scatter the list. Anything with logic in it does
 * not belong here; split it instead. An entry that has shrunk under the limit must be removed.
 */
const DECLARATIVE_TABLES: ReadonlyMap<string, string> = new Map([]);

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Tests and their fixtures are not sources: a long scenario reads better in one file; nor are
 * generated declarations (web/src/api/schema.d.ts).
 */
function isSource(path: string): boolean {
  return /\.tsx?$/.test(path) && !/\.(test|fixture)\.tsx?$/.test(path) && !path.endsWith('.d.ts');
}

function lineCount(path: string): number {
  const text = readFileSync(ROOT + path, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const sources = ['src', 'bench', 'web/src', 'web/e2e']
  .flatMap((dir) => readdirSync(ROOT + dir, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
  .filter(isSource)
  .sort()
  .map((path) => ({ path, lines: lineCount(path) }));

describe('source file size', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it(`keeps every source under src/, bench/ and web/ at ${MAX_LINES} lines or fewer, tables aside`, () => {
    const tooLong = sources
      .filter((s) => s.lines > MAX_LINES && !DECLARATIVE_TABLES.has(s.path))
      .map((s) => `${s.path}: ${s.lines} lines`);
    expect(tooLong, `split these files (limit ${MAX_LINES} lines)`).toEqual([]);
  });

  it('lists only tables that still need the exception', () => {
    const needed = sources.filter((s) => s.lines > MAX_LINES).map((s) => s.path);
    const stale = [...DECLARATIVE_TABLES.keys()].filter((path) => !needed.includes(path));
    expect(stale, 'remove these from DECLARATIVE_TABLES: they are gone or short enough').toEqual([]);
  });
});
