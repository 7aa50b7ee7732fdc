import { describe, expect, it } from 'vitest';
import { buildIndicatorTable, cellText, groupTitle, OVER_FULL_NOTE } from './annex.js';
import type { IndicatorMeta, IndicatorValueRow } from './bulletin-input.js';
import { INDICATORS as CATALOGUE } from '../indicators/catalogue.js';

const INDICATORS: IndicatorMeta[] = [
  {
    id: 'severe_mental.management_rate',
    name: { zh: '严重精神障碍患者规范管理率', en: 'SMD' },
    unit: 'percent',
  },
  { id: 'vaccination.bcg_coverage', name: { zh: '卡介苗接种率', en: 'BCG' }, unit: 'percent' },
  {
    id: 'health_education.participants',
    name: { zh: '健康教育参与人次', en: 'participants' },
    unit: 'count',
  },
];

const value = (
  org: string,
  indicator: string,
  numerator: number,
  denominator: number,
): IndicatorValueRow => ({
  org,
  orgName: org,
  level: 3,
  period: '2020H1',
  indicator,
  numerator,
  denominator,
  value: numerator / denominator,
});

const UNITS = [
  { code: '620823', name: '崇信县', isTotal: false },
  { code: '620800', name: '全市', isTotal: true },
];

describe('annex', () => {
  it('marks a rate above 100 % and explains it under the table', () => {
    const annex = buildIndicatorTable(
      '附件',
      UNITS,
      [
        value('620823', 'severe_mental.management_rate', 10, 3),
        value('620800', 'severe_mental.management_rate', 99, 100),
      ],
      INDICATORS,
    );
    expect(annex.rows[0]?.cells['severe_mental.management_rate']?.text).toBe('333.33%※');
    expect(annex.rows[1]?.cells['severe_mental.management_rate']?.text).toBe('99.00%');
    expect(annex.notes).toEqual([OVER_FULL_NOTE]);
    expect(OVER_FULL_NOTE).toContain('分母偏低');
  });

  it('has no note when every rate is at most 100 %', () => {
    const annex = buildIndicatorTable(
      '附件',
      UNITS,
      [value('620823', 'vaccination.bcg_coverage', 5, 5)],
      INDICATORS,
    );
    expect(annex.rows[0]?.cells['vaccination.bcg_coverage']?.text).toBe('100.00%');
    expect(annex.notes).toEqual([]);
  });

  it('gives every group a Chinese title', () => {
    const annex = buildIndicatorTable(
      '附件',
      UNITS,
      [
        value('620823', 'vaccination.bcg_coverage', 1, 2),
        value('620823', 'health_education.participants', 7, 1),
      ],
      INDICATORS,
    );
    expect(annex.groups.map((g) => g.title)).toEqual(['预防接种', '健康教育']);
    expect(groupTitle('records')).toBe('居民健康档案管理');
    expect(groupTitle('severe_mental')).toBe('严重精神障碍患者管理');
    // Every group of the catalogue has a Chinese title, the reported ones too.
    for (const i of CATALOGUE) expect([i.program, groupTitle(i.program)]).not.toEqual([i.program, i.program]);
  });

  it('prints counts whole and never marks them', () => {
    expect(cellText(12_000, 'count')).toBe('12000');
    expect(cellText(null, 'percent')).toBe('—');
  });
});
