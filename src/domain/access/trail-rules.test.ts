import { describe, expect, it } from 'vitest';
import { GongweiError } from '../gongwei-error.js';
import {
  MINIMUM_RETENTION_MONTHS,
  retentionCutoff,
  retentionMonths,
  trailCountyOf,
  trailInstant,
  trailTimeRange,
} from './trail-rules.js';

describe('access-trail rules', () => {
  it('files a row under the county of its org, read from the code', () => {
    expect(trailCountyOf('620802100201')).toBe('620802');
    expect(trailCountyOf('620802100')).toBe('620802');
    expect(trailCountyOf('620802')).toBe('620802');
    expect(trailCountyOf('620800')).toBe('620800');
    expect(trailCountyOf('620000')).toBe('620000');
    expect(trailCountyOf(null)).toBeNull();
    expect(trailCountyOf(undefined)).toBeNull();
    expect(trailCountyOf('6208')).toBeNull();
    expect(trailCountyOf('62080210020x')).toBeNull();
  });

  it('reads a date as the start of that day where the server runs, a timestamp with its zone', () => {
    expect(trailInstant('2026-06-01', 'from')).toBe(new Date(2026, 5, 1).toISOString());
    expect(trailInstant('2026-06-30', 'to', true)).toBe(new Date(2026, 6, 1).toISOString());
    expect(trailInstant('2026-12-31', 'to', true)).toBe(new Date(2027, 0, 1).toISOString());
    expect(trailInstant('2026-06-01T08:00:00+08:00', 'from')).toBe('2026-06-01T00:00:00.000Z');
    expect(trailInstant('2026-06-01T08:00Z', 'from')).toBe('2026-06-01T08:00:00.000Z');
  });

  it('refuses a text that is neither, naming the field', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026/06/01', '2026-06-01T08:00:00', 'yesterday', ''])
      expect(() => trailInstant(bad, '--from'), bad).toThrow(
        expect.objectContaining({ code: 'bad_request', field: '--from' }),
      );
  });

  it('makes an inclusive range half-open and refuses one ending before it starts', () => {
    const fields = { from: 'from', to: 'to' };
    expect(trailTimeRange({ from: '2026-06-01', to: '2026-06-01' }, fields)).toEqual({
      fromAt: new Date(2026, 5, 1).toISOString(),
      beforeAt: new Date(2026, 5, 2).toISOString(),
    });
    expect(trailTimeRange({ to: '2026-06-01T00:00:00Z' }, fields)).toEqual({
      fromAt: null,
      beforeAt: '2026-06-01T00:00:00.001Z',
    });
    expect(trailTimeRange({}, fields)).toEqual({ fromAt: null, beforeAt: null });
    let error: unknown;
    try {
      trailTimeRange({ from: '2026-06-02', to: '2026-06-01' }, fields);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GongweiError);
    expect((error as GongweiError).field).toBe('to');
  });

  it('keeps the trail at least six months; more when configured, never less', () => {
    expect(MINIMUM_RETENTION_MONTHS).toBe(6);
    expect(retentionMonths(undefined, '--retention-months')).toBe(6);
    expect(retentionMonths('', '--retention-months')).toBe(6);
    expect(retentionMonths('36', '--retention-months')).toBe(36);
    for (const bad of ['5', '0', '-6', '6.5', 'six', '1201'])
      expect(() => retentionMonths(bad, '--retention-months'), bad).toThrow(
        expect.objectContaining({ field: '--retention-months' }),
      );
  });

  it('cuts off retention by calendar months, the 31st falling on a shorter month’s last day', () => {
    expect(retentionCutoff(new Date('2026-09-15T10:00:00Z'), 6).toISOString()).toBe(
      '2026-03-15T10:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 6).toISOString()).toBe(
      '2025-09-30T00:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2026-01-10T00:00:00Z'), 24).toISOString()).toBe(
      '2024-01-10T00:00:00.000Z',
    );
  });
});
