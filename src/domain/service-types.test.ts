import { describe, expect, it } from 'vitest';
import { headerKey } from './import/columns.js';
import { SERVICE_PROGRAM, SERVICE_TYPE_DEFINITIONS, SERVICE_TYPES, isServiceType } from './service-types.js';

describe('service types', () => {
  it('registers each type once, by a unique id', () => {
    expect(new Set(SERVICE_TYPES).size).toBe(SERVICE_TYPE_DEFINITIONS.length);
    for (const type of SERVICE_TYPES) expect(isServiceType(type)).toBe(true);
    expect(isServiceType('checkup')).toBe(false);
  });

  it('gives every label a single type', () => {
    const seen = new Map<string, string>();
    for (const definition of SERVICE_TYPE_DEFINITIONS) {
      for (const label of [...definition.labels, definition.id]) {
        const key = headerKey(label);
        expect(seen.get(key) ?? definition.id, label).toBe(definition.id);
        seen.set(key, definition.id);
      }
    }
  });

  it('declares one import column per payload field, and fills only fields of its payload', () => {
    for (const definition of SERVICE_TYPE_DEFINITIONS) {
      const fields = Object.keys(definition.payload.shape).sort();
      expect(definition.columns.map((c) => c.field).sort(), definition.id).toEqual(fields);
      for (const field of Object.keys(definition.filledOnImport ?? {}))
        expect(fields, `${definition.id}.${field}`).toContain(field);
    }
  });

  it("derives each type's programme from its definition", () => {
    expect(SERVICE_PROGRAM.hypertension_followup).toBe('hypertension');
    expect(SERVICE_PROGRAM.vaccination).toBeNull();
    expect(SERVICE_TYPE_DEFINITIONS.filter((d) => d.subject === 'activity').map((d) => d.id)).toEqual([
      'health_education',
    ]);
  });
});
