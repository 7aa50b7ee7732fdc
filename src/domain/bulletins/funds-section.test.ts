import { describe, expect, it } from 'vitest';
import { buildBulletin } from './bulletin-model.js';
import {
  buildFundsBlocks,
  formatFunds,
  fundsParagraph,
  fundsRequirement,
  type BulletinFunds,
  type BulletinFundsUnit,
} from './funds-section.js';
import { levelWords } from './level-words.js';
import { pingliangInput, readPingliangFixture } from './pingliang-bulletin.fixture.js';

const unit = (label: string, over: Partial<BulletinFundsUnit> = {}): BulletinFundsUnit => ({
  label,
  amountFen: 100_000_000,
  advanceFen: 70_000_000,
  disbursedFen: 100_000_000,
  balanceFen: 0,
  late: false,
  idle: false,
  ...over,
});

const funds = (units: readonly BulletinFundsUnit[], over: Partial<BulletinFunds> = {}): BulletinFunds => ({
  year: 2020,
  asOf: '2020-12-31',
  allocatedOn: '2020-04-15',
  perCapitaFen: 7400,
  idleAfter: '2020-09-30',
  idleThresholdBp: 3000,
  lateAfterDays: 30,
  units,
  ...over,
});

const city = levelWords(2);

describe('amounts as a bulletin writes them', () => {
  it('writes 万元 with two decimals half up from ten thousand yuan, yuan below', () => {
    expect(formatFunds(123_456_789)).toBe('123.46万元');
    expect(formatFunds(123_445_000)).toBe('123.45万元');
    expect(formatFunds(123_450_000)).toBe('123.45万元');
    expect(formatFunds(123_455_000)).toBe('123.46万元');
    expect(formatFunds(1_000_000)).toBe('1.00万元');
    expect(formatFunds(999_999)).toBe('9999.99元');
    expect(formatFunds(850_000)).toBe('8500元');
    expect(formatFunds(7400)).toBe('74元');
    expect(formatFunds(5)).toBe('0.05元');
    expect(formatFunds(-2_500_000)).toBe('-2.50万元');
    expect(() => formatFunds(1.5)).toThrow(RangeError);
  });
});

describe('the funds section (经费拨付与沉淀)', () => {
  it('sums the units and says so when none is late or idle', () => {
    const text = fundsParagraph(
      funds([
        unit('崆峒区崆峒镇'),
        unit('泾川县城关镇', { disbursedFen: 50_000_000, balanceFen: 50_000_000 }),
      ]),
      city,
    );
    expect(text).toBe(
      '2020年按人均74元标准，全市共下达基本公共卫生服务经费200.00万元，截至2020年12月31日已拨付150.00万元，拨付率75.00%，结余50.00万元。' +
        '各单位预拨经费均按时拨付到位，未发现经费沉淀。',
    );
    expect(fundsRequirement(funds([unit('崆峒区崆峒镇')]), city)).toBeNull();
  });

  it('names the late units by unpaid advance and the idle ones by the share left, with amounts', () => {
    const f = funds([
      unit('崆峒区崆峒镇', { late: true, disbursedFen: 60_000_000, balanceFen: 40_000_000 }),
      unit('泾川县城关镇', { late: true, idle: true, disbursedFen: 2_345_600, balanceFen: 97_654_400 }),
      unit('华亭市东华镇', {
        amountFen: 800_000,
        advanceFen: 560_000,
        disbursedFen: 400_000,
        balanceFen: 400_000,
        idle: true,
      }),
      unit('灵台县中台镇'),
    ]);
    const text = fundsParagraph(f, city);
    expect(text).toContain(
      '有2个单位预拨经费未在下达后30日内足额拨付：泾川县城关镇（应预拨70.00万元，已拨付2.35万元）、崆峒区崆峒镇（应预拨70.00万元，已拨付60.00万元）。',
    );
    expect(text).toContain(
      '有2个单位存在经费沉淀（2020年9月30日后结余超过分配额的30%）：泾川县城关镇结余97.65万元（占97.65%）、华亭市东华镇结余4000元（占50.00%）。',
    );
    expect(text).not.toContain('灵台县');
    expect(text).not.toContain('未发现经费沉淀');
    const requirement = fundsRequirement(f, city)!;
    expect(requirement).toContain('各县（市、区）要和财政部门积极衔接');
    expect(requirement).toContain('泾川县城关镇、崆峒区崆峒镇要尽快将预拨经费足额拨付到位');
    expect(requirement).toContain('泾川县城关镇、华亭市东华镇要吃透学懂项目经费使用的有关规定');
  });

  it('names ten units at most, then says how many in all', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      unit(`第${String(i + 1).padStart(2, '0')}镇`, { idle: true, balanceFen: 50_000_000 - i }),
    );
    const text = fundsParagraph(funds(many), city);
    expect(text).toContain('第10镇结余50.00万元（占50.00%）等12个单位。');
    expect(text).not.toContain('第11镇');
  });

  it('prints nothing without units, or before the allocation was made', () => {
    expect(buildFundsBlocks(undefined, city, 3)).toEqual([]);
    expect(buildFundsBlocks(funds([]), city, 3)).toEqual([]);
    expect(buildFundsBlocks(funds([unit('a', { late: true })], { asOf: '2020-03-31' }), city, 3)).toEqual([]);
    expect(fundsRequirement(funds([unit('a', { late: true })], { asOf: '2020-03-31' }), city)).toBeNull();
    expect(buildFundsBlocks(funds([unit('a')]), city, 3)[0]).toEqual({
      kind: 'heading',
      level: 2,
      text: '（三）经费拨付与沉淀',
    });
  });

  it('takes its place in the bulletin: a third subsection, and a requirement only when a unit is late', () => {
    const input = pingliangInput(readPingliangFixture());
    const headings = (m: ReturnType<typeof buildBulletin>): string[] =>
      m.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    const without = buildBulletin(input);
    expect(headings(without)).not.toContain('（三）经费拨付与沉淀');
    const late = buildBulletin({
      ...input,
      funds: funds([unit('崆峒区崆峒镇', { late: true, disbursedFen: 0, balanceFen: 100_000_000 })], {
        asOf: '2020-06-30',
      }),
    });
    expect(headings(late)).toEqual([
      '一、工作进度和存在问题',
      '（一）居民健康档案管理',
      '（二）重点管理人群服务工作',
      '（三）经费拨付与沉淀',
      '二、下一步工作要求',
    ]);
    const requirement = late.blocks.find(
      (b) => b.kind === 'paragraph' && b.lead?.endsWith('规范使用项目经费。'),
    );
    expect(requirement?.kind === 'paragraph' && requirement.text).toContain(
      '崆峒区崆峒镇要尽快将预拨经费足额拨付到位',
    );
    const requirementsBefore = without.blocks.filter(
      (b) => b.kind === 'paragraph' && /^（[一二三四五六七八九十]+）/.test(b.lead ?? ''),
    ).length;
    const requirementsAfter = late.blocks.filter(
      (b) => b.kind === 'paragraph' && /^（[一二三四五六七八九十]+）/.test(b.lead ?? ''),
    ).length;
    expect(requirementsAfter).toBe(requirementsBefore + 1);
  });
});
