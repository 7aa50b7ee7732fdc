import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, apiSchemaText } from './api-schema.js';

describe('the web UI API types', () => {
  it('web/src/api/schema.d.ts is what the server routes describe (else run `npm run api-schema`)', async () => {
    expect(readFileSync(API_SCHEMA_FILE, 'utf8')).toBe(await apiSchemaText());
  });
});
