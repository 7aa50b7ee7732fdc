import { describe, expect, it } from 'vitest';
import { readCell } from './cell-values.js';

describe('readCell', () => {
  it('reads empty cells as null whatever the type', () => {
    for (const type of ['text', 'code', 'date', 'integer', 'boolean', 'sex'] as const) {
      expect(readCell(null, type)).toEqual({ ok: true, value: null });
      expect(readCell('  ', type)).toEqual({ ok: true, value: null });
    }
  });

  it('normalises full-width digits, letters and blanks in codes and numbers', () => {
    expect(readCell('６２０８８１ １００２０１', 'code')).toEqual({ ok: true, value: '620881100201' });
    expect(readCell(' 62088119550101001x ', 'code')).toEqual({ ok: true, value: '62088119550101001X' });
    expect(readCell('１３５', 'integer')).toEqual({ ok: true, value: 135 });
    expect(readCell('６．５', 'number')).toEqual({ ok: true, value: 6.5 });
    expect(readCell('1,523', 'integer')).toEqual({ ok: true, value: 1523 });
    expect(readCell('  张　三  ', 'text')).toEqual({ ok: true, value: '张 三' });
    expect(readCell('138-0933 1234', 'phone')).toEqual({ ok: true, value: '13809331234' });
  });

  it('refuses long numbers that Excel already rounded', () => {
    expect(readCell(Number('62088110020100001'), 'code').ok).toBe(false);
    expect(readCell('6.20881E+16', 'code').ok).toBe(false);
    expect(readCell(620881100201, 'code')).toEqual({ ok: true, value: '620881100201' });
  });

  it('refuses what is not a number, or not whole where a whole number is needed', () => {
    expect(readCell('12a', 'integer').ok).toBe(false);
    expect(readCell('6.5', 'integer').ok).toBe(false);
    expect(readCell(true, 'integer').ok).toBe(false);
  });

  it.each([
    ['男', 'sex', 'M'],
    ['女性', 'sex', 'F'],
    ['f', 'sex', 'F'],
    ['未知', 'sex', null],
    ['是', 'boolean', true],
    ['否', 'boolean', false],
    ['Y', 'boolean', true],
    ['控制满意', 'controlled', true],
    ['不满意', 'controlled', false],
    ['规律', 'adherence', 'regular'],
    ['电话', 'visitMode', 'phone'],
    ['家庭随访', 'visitMode', 'home'],
    ['异常', 'normalAbnormal', 'abnormal'],
    ['基本稳定', 'mentalCondition', 'basically_stable'],
    ['宣传栏', 'activityKind', 'board'],
    ['高血压', 'program', 'hypertension'],
    ['2型糖尿病患者健康管理', 'program', 'diabetes'],
    ['severe_mental', 'program', 'severe_mental'],
    ['高血压随访', 'serviceType', 'hypertension_followup'],
    ['老年人健康体检', 'serviceType', 'elderly_checkup'],
    ['vaccination', 'serviceType', 'vaccination'],
  ] as const)('reads %s as a %s: %s', (text, type, value) => {
    expect(readCell(text, type)).toEqual({ ok: true, value });
  });

  it('refuses unknown labels and says what is accepted', () => {
    const result = readCell('也许', 'boolean');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.zh).toContain('是');
  });

  it('refuses dates that do not exist', () => {
    expect(readCell('2020-02-30', 'date').ok).toBe(false);
    expect(readCell(true, 'date').ok).toBe(false);
    expect(readCell('2020年6月30日', 'date')).toEqual({ ok: true, value: '2020-06-30' });
  });
});
