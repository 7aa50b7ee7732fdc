import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isIsoDate, isoDateOf, isoDateText } from './iso-date.js';

describe('ISO dates', () => {
  it('accepts the days of the calendar, 29 February only in leap years', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2020-12-31')).toBe(true);
    expect(isIsoDate('2020-04-31')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
    expect(isIsoDate('2020-00-10')).toBe(false);
  });

  it('refuses other forms and years outside 1900–2100', () => {
    for (const text of ['2020-6-30', '2020/06/30', '20200630', ' 2020-06-30', '1899-12-31', '2101-01-01', ''])
      expect(isIsoDate(text), text).toBe(false);
    expect(isoDateOf(1900, 1, 1)).toBe('1900-01-01');
    expect(isoDateOf(2100, 12, 31)).toBe('2100-12-31');
    expect(isoDateOf(2020, 6, 30.5)).toBeNull();
  });

  it('as a schema, names the field of a day that does not exist', () => {
    const schema = z.object({ asOf: isoDateText });
    expect(schema.parse({ asOf: '2020-06-30' })).toEqual({ asOf: '2020-06-30' });
    const result = schema.safeParse({ asOf: '2020-02-30' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['asOf']);
    expect(schema.safeParse({ asOf: 20200630 }).success).toBe(false);
  });
});
