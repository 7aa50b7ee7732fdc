import { describe, expect, it } from 'vitest';
import { serviceTypeDefinition, SERVICE_PROGRAM } from '../../service-types.js';
import { TCM_CHILD_AGES, tcmChildPayload } from './tcm-child.js';

describe('tcm_child (儿童中医药健康管理)', () => {
  it('is listed, in the child programme, with its import columns', () => {
    const d = serviceTypeDefinition('tcm_child');
    expect(d.name.zh).toBe('儿童中医药健康管理');
    expect(SERVICE_PROGRAM.tcm_child).toBe('child');
    expect(d.columns.map((c) => c.header)).toEqual(['月龄', '传授中医保健方法']);
    expect(d.columns.map((c) => c.field).sort()).toEqual(Object.keys(tcmChildPayload.shape).sort());
  });

  it('takes the six scheduled ages only', () => {
    expect(TCM_CHILD_AGES).toEqual([6, 12, 18, 24, 30, 36]);
    for (const ageMonths of TCM_CHILD_AGES)
      expect(tcmChildPayload.parse({ ageMonths })).toEqual({ ageMonths, methodTaught: true });
    for (const ageMonths of [0, 3, 8, 13, 42, 6.5])
      expect(tcmChildPayload.safeParse({ ageMonths }).success, String(ageMonths)).toBe(false);
    expect(tcmChildPayload.safeParse({ ageMonths: 30, methodTaught: false }).success).toBe(true);
  });
});
