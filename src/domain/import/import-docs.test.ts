import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, IMPORT_KINDS } from './columns.js';
import { importDocumentation } from './import-docs.js';

const docPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/import.md');

describe('docs/import.md', () => {
  it('documents every column of every kind', () => {
    const text = importDocumentation();
    for (const kind of IMPORT_KINDS) {
      for (const spec of IMPORT_COLUMNS[kind]) {
        expect(text).toContain(`| ${spec.header} | \`${spec.field}\``);
      }
    }
  });

  it('is the text generated from the column specs', () => {
    if (process.env.GONGWEI_WRITE_DOCS) writeFileSync(docPath, importDocumentation());
    expect(readFileSync(docPath, 'utf8')).toBe(importDocumentation());
  });
});
