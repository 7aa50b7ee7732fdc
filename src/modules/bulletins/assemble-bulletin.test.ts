import { describe, expect, it } from 'vitest';
import { pingliangInput } from '../../domain/bulletins/pingliang-bulletin.fixture.js';
import { ancestorCodes, assembleBulletin, BulletinRequestError } from './assemble-bulletin.js';
import type { BulletinSources } from './bulletin-sources.js';

/** Sources over the hand-built Pingliang input: what the engines would answer. */
function exampleSources(): BulletinSources {
  const input = pingliangInput();
  const orgs = [
    { code: '620000', name: '甘肃省', level: 1 },
    { code: input.org.code, name: input.org.name, level: 2 },
    ...input.children.map((c) => ({ ...c, level: 3 })),
    { code: '620881100', name: '东华镇', level: 4 },
  ];
  return {
    getOrg: async (code) => orgs.find((o) => o.code === code) ?? null,
    listChildren: async (code) => (code === input.org.code ? orgs.filter((o) => o.level === 3) : []),
    orgNames: async (codes) => new Map(orgs.filter((o) => codes.includes(o.code)).map((o) => [o.code, o])),
    indicatorValues: async (orgCode) =>
      orgCode === '620000'
        ? [
            {
              org: '620000',
              orgName: '甘肃省',
              level: 1,
              period: '2020Q2',
              indicator: 'records.effective_rate',
              numerator: 9273,
              denominator: 10000,
              value: 0.9273,
            },
          ]
        : [...input.values],
    indicatorCatalogue: () => input.indicators,
    findingCounts: async () => [...input.findings],
    hotspots: async (rule) =>
      rule === 'identical_checkups' ? [{ org: '620881100', orgName: '东华镇', level: 4, count: 30 }] : [],
    targetRates: async () => [],
  };
}

describe('assembleBulletin', () => {
  it('builds the bulletin with the level above from the sources and hotspot names from codes', async () => {
    const model = await assembleBulletin(
      exampleSources(),
      { orgCode: '620800', period: '2020Q2', compareTo: { code: '620000' } },
      '2020-08-20',
    );
    const text = model.blocks.map((b) => ('lead' in b ? (b.lead ?? '') : '') + b.text).join('\n');
    expect(text).toContain('和全省有效建档率92.73%相比');
    expect(text).toContain('比较集中的有：华亭市东华镇');
    expect(model.issuer).toBe('平凉市卫生健康委员会');
    expect(model.dateText).toBe('2020年8月20日');
  });

  it('uses the given rate when the level above is not in the database', async () => {
    const model = await assembleBulletin(
      exampleSources(),
      { orgCode: '620800', period: '2020Q2', compareTo: { code: '610000', rate: 0.95 } },
      '2020-08-20',
    );
    expect(model.blocks.some((b) => b.text.includes('和全省有效建档率95.00%相比'))).toBe(true);
  });

  it('rejects an unknown org, a bad period and an unknown level above without a rate', async () => {
    await expect(
      assembleBulletin(exampleSources(), { orgCode: '123456', period: '2020Q2' }, '2020-08-20'),
    ).rejects.toThrow(BulletinRequestError);
    await expect(
      assembleBulletin(exampleSources(), { orgCode: '620800', period: 'Q2' }, '2020-08-20'),
    ).rejects.toThrow(/Q2/);
    await expect(
      assembleBulletin(
        exampleSources(),
        { orgCode: '620800', period: '2020Q2', compareTo: { code: '610000' } },
        '2020-08-20',
      ),
    ).rejects.toThrow(/610000/);
  });

  it('refuses an org without children', async () => {
    await expect(
      assembleBulletin(exampleSources(), { orgCode: '620881', period: '2020Q2' }, '2020-08-20'),
    ).rejects.toThrow(/没有下级单位/);
  });
});

describe('code arithmetic', () => {
  it('lists the codes between a bulletin org and a hotspot', () => {
    expect(ancestorCodes('620826105201', '620800')).toEqual(['620826', '620826105', '620826105201']);
    expect(ancestorCodes('620881100', '620881')).toEqual(['620881100']);
    expect(ancestorCodes('620881100', '620000')).toEqual(['620800', '620881', '620881100']);
  });
});
