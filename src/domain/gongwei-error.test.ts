import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, GongweiError } from './gongwei-error.js';

describe('GongweiError', () => {
  it('carries its code, the code status, both texts and the field', () => {
    const e = GongweiError.badRequest({ zh: '不认识的周期', en: 'unknown period' }, 'period');
    expect(e.code).toBe('bad_request');
    expect(e.status).toBe(400);
    expect(e.field).toBe('period');
    expect(e.message).toBe('period：不认识的周期 / period: unknown period');
    expect(e).toBeInstanceOf(Error);
  });
  it('answers each code with its status', () => {
    expect(GongweiError.notFound({ zh: '无', en: 'none' }).status).toBe(404);
    expect(GongweiError.conflict({ zh: '冲突', en: 'conflict' }).status).toBe(409);
    expect(GongweiError.unprocessable({ zh: '空', en: 'empty' }).status).toBe(422);
    expect(GongweiError.forbidden({ zh: '越权', en: 'outside scope' }).status).toBe(403);
    for (const [code, status] of Object.entries(ERROR_STATUS))
      expect(new GongweiError(code as keyof typeof ERROR_STATUS, { zh: 'x', en: 'x' }).status).toBe(status);
  });
  it('keeps a status the options set, and a message the options set', () => {
    const e = new GongweiError(
      'bad_request',
      { zh: '过大', en: 'too large' },
      { status: 413, message: 'one line' },
    );
    expect(e.status).toBe(413);
    expect(e.message).toBe('one line');
  });
  it('lists every issue of a validation failure', () => {
    const e = GongweiError.validation([
      { field: 'sbp', message: '必须为整数 / must be an integer' },
      { field: 'serviceDate', message: '日期无效 / invalid date' },
    ]);
    expect(e.status).toBe(400);
    expect(e.issues).toHaveLength(2);
    expect(e.message).toContain('sbp');
    expect(e.message).toContain('serviceDate');
  });
});
