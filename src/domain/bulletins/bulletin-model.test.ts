import { describe, expect, it } from 'vitest';
import { buildBulletin, EmptyBulletinError, type BulletinModel } from './bulletin-model.js';
import type { BulletinInput } from './bulletin-input.js';
import { pingliangInput, readPingliangFixture } from './pingliang-bulletin.fixture.js';

const fixture = readPingliangFixture();

function text(model: BulletinModel): string {
  return model.blocks.map((b) => (b.kind === 'heading' ? b.text : `${b.lead ?? ''}${b.text}`)).join('\n');
}

function paragraphStarting(model: BulletinModel, lead: string): string {
  const block = model.blocks.find((b) => b.kind === 'paragraph' && (b.lead ?? b.text).startsWith(lead));
  if (!block || block.kind !== 'paragraph') throw new Error(`no paragraph starting ${lead}`);
  return block.text;
}

describe('buildBulletin on the Pingliang example', () => {
  const model = buildBulletin(pingliangInput(fixture));

  it('has the title, addressee, intro and issuer of the model', () => {
    expect(model.title).toBe('平凉市2020年第二季度基本公卫服务项目工作进度情况的通报');
    expect(model.addressee).toBe('各县（市、区）卫健局：');
    expect(model.intro).toContain('数据截至2020年6月30日');
    expect(model.intro).toContain('2020年8月20日');
    expect(model.dateText).toBe('2020年8月28日');
    expect(model.issuer).toBe('平凉市卫生健康委员会');
    expect(model.dataCutoff).toBe('2020-06-30');
  });

  it('has the two sections and the subsections in order', () => {
    const headings = model.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      '一、工作进度和存在问题',
      '（一）居民健康档案管理',
      '（二）重点管理人群服务工作',
      '二、下一步工作要求',
    ]);
  });

  it('writes the records paragraph with the model figures and the counties under 90%', () => {
    const records = paragraphStarting(model, '1、全市共管理');
    expect(records).toContain('全市共管理居民健康档案191.17万份，重复档案0.16万份，有效管理档案191.01万份');
    expect(records).toContain('有效建档率为90.14%');
    expect(records).toContain('和全省有效建档率92.73%相比，我市有效建档率仍有差距（低2.59个百分点）');
    expect(records).toContain('其中华亭市82.07%、崆峒区87.52%，低于90%');
    expect(model.named.records.map((u) => u.name)).toEqual(Object.keys(fixture.indicators.records!.lagging!));
  });

  it('names the fixture lagging counties for every population, lowest first', () => {
    const sections = {
      elderly: 'elderly',
      maternal: 'maternal',
      child: 'children0to6',
      tuberculosis: 'tuberculosis',
      severe_mental: 'severeMental',
    } as const;
    for (const [section, key] of Object.entries(sections)) {
      const lagging = fixture.indicators[key]!.lagging!;
      expect(model.named[section as keyof typeof sections].map((u) => u.name)).toEqual(
        Object.entries(lagging)
          .sort((a, b) => a[1] - b[1])
          .map(([name]) => name),
      );
    }
  });

  it('numbers the populations and writes counts in 万 and rates with two decimals', () => {
    expect(paragraphStarting(model, '1、高血压患者健康管理。')).toMatch(
      /^管理高血压患者17\.12万人，有效管理16\.11万人，至第二季度全市高血压患者随访率（至少2次随访）为94\.06%/,
    );
    expect(paragraphStarting(model, '1、高血压患者健康管理。')).toContain('有4.54%的患者无指导意见');
    expect(paragraphStarting(model, '3、老年人健康管理。')).toContain(
      '其中崇信县39.98%、华亭市40.66%、泾川县43.02%，为全市最低',
    );
    expect(paragraphStarting(model, '3、老年人健康管理。')).toContain('4项以上指标完全一致的个案数为495人');
    expect(paragraphStarting(model, '3、老年人健康管理。')).toContain(
      '比较集中的有：华亭市东华镇、华亭市安口镇、华亭市山寨乡、静宁县雷大镇屈岔村）',
    );
    expect(paragraphStarting(model, '3、老年人健康管理。')).toContain(
      '左右侧血压差大于10mmHg的体检记录人数为7749人',
    );
    expect(paragraphStarting(model, '6、肺结核患者健康管理。')).toContain(
      '管理肺结核患者（未结案）600人，随访344人，随访率为57.33%',
    );
    expect(paragraphStarting(model, '7、严重精神障碍患者健康管理。')).toContain('管理严重精神障碍患者8852人');
  });

  it('generates the requirements from the findings', () => {
    const all = text(model);
    expect(all).toContain(
      '（一）结合常态化疫情防控工作，提高有效档案建档率。华亭市、崆峒区有效建档率低于90%',
    );
    expect(all).toContain(
      '（二）全面完成重复档案清零工作。目前全市仍有重复档案1600份，其中华亭市300份、静宁县250份',
    );
    expect(all).toContain('居民身份证号码为空或异常的健康档案321份，较多的有崆峒区300份、华亭市21份');
    expect(all).toContain('（三）高质量规范化做好重点人群服务。');
    expect(all).toContain('1、老年人体检工作。一是总体进度比较缓慢，尤其是崇信县39.98%');
    expect(all).toContain('二是老年人体检数据雷同问题务必全面禁绝');
    expect(all).toContain('三是工作规范性要提高');
    expect(all).toContain('控制不满意但未记录健康指导或就诊建议的随访记录1234条');
    expect(all).toContain('肺结核患者随访率静宁县22.77%、庄浪县51.30%、灵台县84.48%');
  });

  it('builds the annex with every indicator per county and the city total last', () => {
    expect(model.annex.title).toBe('全市2020年第二季度基本公卫工作进度情况数据');
    expect(model.annex.rows.map((r) => r.name)).toEqual([...Object.values(fixture.counties), '全市']);
    expect(model.annex.groups.map((g) => g.key)).toEqual([
      'records',
      'hypertension',
      'diabetes',
      'elderly',
      'maternal',
      'child',
      'tuberculosis',
      'severe_mental',
    ]);
    const huating = model.annex.rows.find((r) => r.name === '华亭市')!;
    expect(huating.cells['records.effective_rate']!.text).toBe('82.07%');
    expect(model.annex.rows.at(-1)!.cells['records.total']!.text).toBe('1911700');
  });

  it('makes one chart per section with the targets it knows', () => {
    expect(model.charts.map((c) => c.section)).toEqual([
      'records',
      'hypertension',
      'diabetes',
      'elderly',
      'maternal',
      'child',
      'tuberculosis',
      'severe_mental',
    ]);
    const elderly = model.charts.find((c) => c.section === 'elderly')!;
    expect(elderly.targets.every((t) => t === 0.5)).toBe(true);
    expect(elderly.overall).toEqual({ label: '全市', value: 0.4905 });
  });
});

describe('buildBulletin parameters', () => {
  it('names units by another rule when asked', () => {
    const input = pingliangInput(fixture);
    const model = buildBulletin({
      ...input,
      options: {
        ...input.options,
        naming: { elderly: { kind: 'target' }, records: { kind: 'lowest', count: 1 } },
      },
    });
    expect(model.named.elderly.map((u) => [u.name, u.bar])).toEqual([
      ['崇信县', 0.5],
      ['华亭市', 0.5],
      ['泾川县', 0.5],
    ]);
    expect(model.named.records.map((u) => u.name)).toEqual(['华亭市']);
    expect(text(model)).toContain('（目标50.00%）');
  });

  it('says the counties are all above the bar when none is under it', () => {
    const input = pingliangInput(fixture);
    const model = buildBulletin({
      ...input,
      options: { ...input.options, naming: { records: { kind: 'threshold', threshold: 0.5 } } },
    });
    expect(text(model)).toContain('各县（市、区）均不低于50%');
    expect(text(model)).not.toContain('提高有效档案建档率');
  });

  it('compares upwards when the org is above the reference', () => {
    const input = pingliangInput(fixture);
    const model = buildBulletin({
      ...input,
      compareTo: { name: '甘肃省', rates: { 'records.effective_rate': 0.85 } },
    });
    expect(text(model)).toContain('高于甘肃省有效建档率85.00%');
  });

  it('names the arm BP hotspots in the requirement', () => {
    const input = pingliangInput(fixture);
    const model = buildBulletin({
      ...input,
      hotspots: {
        ...input.hotspots,
        arm_bp_difference: [{ org: '620823100', label: '崇信县锦屏镇', count: 80 }],
      },
    });
    expect(text(model)).toContain('左右侧血压差大于10mmHg的体检记录人数为7749人（较多的有：崇信县锦屏镇）');
  });

  it('counts the outliers on aggregates in the data-quality requirement', () => {
    const input = pingliangInput(fixture);
    expect(text(buildBulletin(input))).not.toContain('异常值');
    const model = buildBulletin({
      ...input,
      findings: [
        ...input.findings,
        {
          org: input.org.code,
          orgName: input.org.name,
          level: 2,
          rule: 'aggregate_outliers',
          severity: 'warning',
          count: 17,
        },
      ],
    });
    expect(paragraphStarting(model, '（四）提高数据真实性和准确性。')).toContain(
      '月度服务量或血压达标比例明显偏离本单位历史或同级单位的异常值17个',
    );
  });

  it('says the org is level with the reference when the rates print the same', () => {
    const input = pingliangInput(fixture);
    const model = buildBulletin({
      ...input,
      compareTo: { name: '全省', rates: { 'records.effective_rate': 0.90141 } },
    });
    expect(text(model)).toContain('与全省有效建档率90.14%持平');
  });

  it('addresses a county bulletin to the township hospitals', () => {
    const input = pingliangInput(fixture);
    const model = buildBulletin({ ...input, org: { ...input.org, level: 3 } });
    expect(model.addressee).toBe('各乡镇卫生院、社区卫生服务中心：');
  });
});

describe('buildBulletin on family-doctor contracts', () => {
  const base = pingliangInput(fixture);
  const row = (
    indicator: string,
    numerator: number,
    denominator: number,
  ): BulletinInput['values'][number] => ({
    org: '620800',
    orgName: '平凉市',
    level: 2,
    period: '2020Q2',
    indicator,
    numerator,
    denominator,
    value: numerator / denominator,
  });
  const headings = (model: BulletinModel): string[] =>
    model.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

  it('adds （三）家庭医生签约服务 with the key-population, overall, renewal and delivery rates', () => {
    const model = buildBulletin({
      ...base,
      values: [
        ...base.values,
        row('contracts.contract_rate_key', 7000, 10000),
        row('contracts.contract_rate', 3300, 10000),
        row('contracts.renewal_rate', 900, 1000),
        row('contracts.fulfilment_rate', 1650, 3300),
      ],
    });
    expect(headings(model)).toContain('（三）家庭医生签约服务');
    expect(paragraphStarting(model, '1、至')).toBe(
      '1、至第二季度全市重点人群签约7000人，重点人群家庭医生签约率为70.00%，家庭医生签约率为33.00%，续约率为90.00%，履约率为50.00%。',
    );
  });

  it('says nothing of contracts while nobody holds a key-population contract', () => {
    const model = buildBulletin({
      ...base,
      values: [...base.values, row('contracts.contract_rate_key', 0, 10000)],
    });
    expect(headings(model)).not.toContain('（三）家庭医生签约服务');
  });
});

describe('buildBulletin refuses empty bulletins', () => {
  const base = pingliangInput(fixture);
  it('without child units', () => {
    const input: BulletinInput = { ...base, children: [] };
    expect(() => buildBulletin(input)).toThrow(EmptyBulletinError);
    expect(() => buildBulletin(input)).toThrow(/没有下级单位/);
  });
  it('without data', () => {
    const input: BulletinInput = { ...base, values: base.values.filter((v) => v.org !== '620800') };
    expect(() => buildBulletin(input)).toThrow(/没有数据/);
  });
});
