import { describe, expect, it } from 'vitest';
import { SERVICE_PAYLOAD_SCHEMAS } from '../records/service-payloads.js';
import { SERVICE_TYPES } from '../service-types.js';
import { columnForHeader, headerKey, IMPORT_COLUMNS, IMPORT_KINDS } from './columns.js';

describe('import columns', () => {
  it('matches Chinese headers, aliases and English field names, ignoring width, case, blanks and units', () => {
    expect(columnForHeader('residents', '档案编号')?.field).toBe('recordNo');
    expect(columnForHeader('residents', ' 身份证号码 ')?.field).toBe('idNumber');
    expect(columnForHeader('residents', 'recordNo')?.field).toBe('recordNo');
    expect(columnForHeader('residents', 'record_no')?.field).toBe('recordNo');
    expect(columnForHeader('residents', 'RECORDNO')?.field).toBe('recordNo');
    expect(columnForHeader('services', '收缩压（mmHg）')?.field).toBe('sbp');
    expect(columnForHeader('services', '*服务日期')?.field).toBe('serviceDate');
    expect(columnForHeader('residents', '备注')).toBeUndefined();
    expect(headerKey('Ｂ超')).toBe('b超');
  });

  it('gives every header and alias a single meaning within a kind', () => {
    for (const kind of IMPORT_KINDS) {
      const seen = new Map<string, string>();
      for (const spec of IMPORT_COLUMNS[kind]) {
        for (const name of [spec.header, spec.field, ...spec.aliases]) {
          const key = headerKey(name);
          expect(seen.get(key) ?? spec.field, `${kind}: ${name}`).toBe(spec.field);
          seen.set(key, spec.field);
        }
      }
    }
  });

  it('has a column for every payload field of every service type, read by that type', () => {
    for (const type of SERVICE_TYPES) {
      for (const field of Object.keys(SERVICE_PAYLOAD_SCHEMAS[type].shape)) {
        const spec = IMPORT_COLUMNS.services.find((s) => s.field === field);
        expect(spec, `${type}.${field}`).toBeDefined();
        expect(spec?.serviceTypes, `${type}.${field}`).toContain(type);
      }
    }
  });

  it('claims a service type for a payload column only when that type reads the field', () => {
    for (const spec of IMPORT_COLUMNS.services) {
      for (const type of spec.serviceTypes ?? []) {
        expect(Object.keys(SERVICE_PAYLOAD_SCHEMAS[type].shape), `${spec.field} for ${type}`).toContain(
          spec.field,
        );
      }
    }
  });
});
