import { describe, expect, it } from 'vitest';
import { readCell } from '../../import/cell-values.js';
import { serviceTypeDefinition, SERVICE_PROGRAM } from '../../service-types.js';
import { TCM_CONSTITUTIONS, tcmElderlyPayload } from './tcm-elderly.js';

describe('tcm_elderly (老年人中医药健康管理)', () => {
  it('is listed, in the elderly programme, with its import columns', () => {
    const d = serviceTypeDefinition('tcm_elderly');
    expect(d.name.zh).toBe('老年人中医药健康管理');
    expect(SERVICE_PROGRAM.tcm_elderly).toBe('elderly');
    expect(d.columns.map((c) => c.header)).toEqual(['体质辨识结果', '中医药保健指导']);
    // One column per payload field.
    expect(d.columns.map((c) => c.field).sort()).toEqual(Object.keys(tcmElderlyPayload.shape).sort());
  });

  it('takes one of the nine constitutions, the guidance given unless said otherwise', () => {
    expect(tcmElderlyPayload.parse({ constitution: 'qi_deficiency' })).toEqual({
      constitution: 'qi_deficiency',
      tcmGuidance: true,
    });
    expect(tcmElderlyPayload.safeParse({ constitution: 'qi_deficiency', tcmGuidance: false }).success).toBe(
      true,
    );
    expect(tcmElderlyPayload.safeParse({ constitution: '气虚' }).success).toBe(false);
    expect(tcmElderlyPayload.safeParse({}).success).toBe(false);
    expect(TCM_CONSTITUTIONS).toHaveLength(9);
  });

  it('reads the constitution as files write it', () => {
    expect(readCell('气虚质', 'tcmConstitution')).toEqual({ ok: true, value: 'qi_deficiency' });
    expect(readCell(' 平和 ', 'tcmConstitution')).toEqual({ ok: true, value: 'balanced' });
    expect(readCell('特禀质', 'tcmConstitution')).toEqual({ ok: true, value: 'inherited_special' });
    expect(readCell('damp_heat', 'tcmConstitution')).toEqual({ ok: true, value: 'damp_heat' });
    expect(readCell('健康', 'tcmConstitution').ok).toBe(false);
  });
});
