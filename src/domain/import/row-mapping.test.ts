import { describe, expect, it } from 'vitest';
import type { HeaderLayout } from './row-mapping.js';
import { readHeader, readRow } from './row-mapping.js';
import type { ImportKind } from './columns.js';

function layoutOf<K extends ImportKind>(kind: K, headers: string[]): HeaderLayout<K> {
  const result = readHeader(kind, headers);
  if (!result.ok) throw new Error(`missing ${result.missing.map((m) => m.field).join(',')}`);
  return result.layout;
}

/** The date the checks run on: every date of the fixtures lies before it. */
const TODAY = '2026-12-05';

describe('readHeader', () => {
  it('names the required columns a header lacks', () => {
    const result = readHeader('residents', ['姓名', '性别']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.missing.map((m) => m.field)).toEqual(['recordNo', 'recordCreated']);
  });

  it('reads the first of two columns naming the same field and reports unknown columns', () => {
    const layout = layoutOf('residents', ['档案编号', '姓名', '建档日期', '联系电话', '本人电话', '备注']);
    expect(layout.indexOfField.get('phone')).toBe(3);
    expect(layout.ignored).toEqual(['本人电话', '备注']);
  });
});

describe('readRow: residents', () => {
  const layout = layoutOf('residents', [
    '档案编号',
    '身份证号',
    '姓名',
    '性别',
    '出生日期',
    '本人电话',
    '建档日期',
  ]);

  it('normalises a messy row into a resident, the village taken from the record number', () => {
    const result = readRow(
      layout,
      [
        '６２０８８１１００２０１０００１２',
        ' 62088119550101001x ',
        ' 张三 ',
        '男',
        '1955年1月1日',
        '138 0933 1234',
        '43905',
      ],
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        recordNo: '62088110020100012',
        idNumber: '62088119550101001X',
        name: '张三',
        sex: 'M',
        birthDate: '1955-01-01',
        ethnicity: null,
        orgCode: '620881100201',
        phone: '13809331234',
        contactName: null,
        contactPhone: null,
        electronic: true,
        recordCreated: '2020-03-15',
        recordUpdated: null,
        deathDate: null,
        movedOutDate: null,
      },
    });
  });

  it('keeps an invalid ID number: it is not a reason to refuse the row', () => {
    const result = readRow(layout, ['62088110020100012', '12345', '张三', '', '', '', '2018-01-01'], TODAY);
    expect(result.ok && result.input.idNumber).toBe('12345');
  });

  it('lists every problem with its column, masking ID numbers and phones', () => {
    const result = readRow(
      layout,
      ['6208811002010001', '620881195501010011', '', '不详', '1955-02-30', '13809331234', ''],
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.column, p.value])).toEqual([
      ['性别', '不详'],
      ['出生日期', '1955-02-30'],
      ['档案编号', '6208811002010001'],
      ['姓名', ''],
      ['建档日期', ''],
    ]);
    for (const p of result.problems) expect(p.reason.zh.length).toBeGreaterThan(0);
  });

  it('masks personal values in problems', () => {
    const l = layoutOf('residents', ['档案编号', '姓名', '建档日期', '本人电话']);
    const masking = layoutOf('residents', ['档案编号', '姓名', '建档日期', '身份证号']);
    // A phone column never refuses a row; the masking shows on an unreadable code cell instead.
    const id = readRow(masking, ['62088110020100012', '张三', '2018-01-01', 6.20881195501e17], TODAY);
    expect(id.ok).toBe(false);
    if (!id.ok) expect(id.problems[0]?.value).toMatch(/^\S{6}\*+\S{4}$/);
    expect(readRow(l, ['62088110020100012', '张三', '2018-01-01', '13809331234'], TODAY).ok).toBe(true);
  });

  it('refuses a record number whose first 12 digits are not the village', () => {
    const l = layoutOf('residents', ['档案编号', '姓名', '建档日期', '所属村（居）代码']);
    const result = readRow(l, ['62088110020100012', '张三', '2018-01-01', '620881100202'], TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.reason.zh).toContain('前12位');
  });
});

describe('readRow: enrolments, services, population', () => {
  it('reads an enrolment with a Chinese programme name and a maternal due date', () => {
    const layout = layoutOf('enrollments', ['档案编号', '管理项目', '纳入管理日期', '预产期']);
    expect(readRow(layout, ['62088110020100012', '孕产妇', '2020/1/5', '2020-09-01'], TODAY)).toEqual({
      ok: true,
      input: {
        recordNo: '62088110020100012',
        program: 'maternal',
        startDate: '2020-01-05',
        endDate: null,
        endReason: null,
        detail: { expectedDelivery: '2020-09-01' },
      },
    });
  });

  const services = layoutOf('services', [
    '档案编号',
    '服务类型',
    '服务日期',
    '收缩压',
    '舒张压',
    '空腹血糖',
    '控制情况',
    '健康指导',
    '右侧收缩压',
    '右侧舒张压',
    '心率',
    '体重',
    '腰围',
    '疫苗名称',
    '剂次',
    '区划代码',
    '活动形式',
  ]);
  const row = (cells: Record<number, string>): string[] =>
    Array.from({ length: 17 }, (_, i) => cells[i] ?? '');

  it('builds the payload of the row type from its columns and judges control when left empty', () => {
    const result = readRow(
      services,
      row({ 0: '62088110020100012', 1: '高血压随访', 2: '2020-03-02', 3: '150', 4: '92', 7: '否' }),
      TODAY,
    );
    expect(result.ok && result.input).toMatchObject({
      type: 'hypertension_followup',
      payload: { sbp: 150, dbp: 92, controlled: false, guidance: false, heartRate: null },
    });
    const diabetes = readRow(
      services,
      row({ 0: '62088110020100012', 1: '糖尿病随访', 2: '2020-03-02', 5: '6.2', 7: '是' }),
      TODAY,
    );
    expect(diabetes.ok && diabetes.input.payload).toMatchObject({ fastingGlucose: 6.2, controlled: true });
    const stated = readRow(
      services,
      row({
        0: '62088110020100012',
        1: '高血压随访',
        2: '2020-03-02',
        3: '150',
        4: '92',
        6: '控制满意',
        7: '是',
      }),
      TODAY,
    );
    expect(stated.ok && stated.input.payload).toMatchObject({ controlled: true });
  });

  it('names the payload column a service type requires when it is empty', () => {
    const result = readRow(
      services,
      row({ 0: '62088110020100012', 1: '老年人体检', 2: '2020-03-02', 3: '150', 4: '92' }),
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.column).sort()).toEqual(
        ['体重', '右侧收缩压', '右侧舒张压', '心率', '空腹血糖', '腰围'].sort(),
      );
  });

  it('refuses values out of range and unknown service types, naming the column', () => {
    const high = readRow(
      services,
      row({ 0: '62088110020100012', 1: '高血压随访', 2: '2020-03-02', 3: '350', 4: '92', 7: '是' }),
      TODAY,
    );
    expect(!high.ok && high.problems.map((p) => p.column)).toEqual(['收缩压']);
    const unknown = readRow(services, row({ 0: '62088110020100012', 1: '家访', 2: '2020-03-02' }), TODAY);
    expect(!unknown.ok && unknown.problems.map((p) => p.column)).toEqual(['服务类型']);
  });

  it('reads TCM health management rows: the constitution by its Chinese name, the child visit at its age', () => {
    const tcm = layoutOf('services', [
      '档案编号',
      '服务类型',
      '服务日期',
      '体质辨识结果',
      '中医药保健指导',
      '月龄',
    ]);
    const cells = (values: string[]): string[] => [...values, '', '', '', ''].slice(0, 6);
    const elderly = readRow(
      tcm,
      cells(['62088110020100012', '中医体质辨识', '2020-05-06', '痰湿质', '']),
      TODAY,
    );
    expect(elderly.ok && elderly.input).toMatchObject({
      type: 'tcm_elderly',
      payload: { constitution: 'phlegm_dampness', tcmGuidance: true },
    });
    const child = readRow(
      tcm,
      cells(['62088110020100013', '儿童中医药健康管理', '2020-05-06', '', '', '18']),
      TODAY,
    );
    expect(child.ok && child.input).toMatchObject({
      type: 'tcm_child',
      payload: { ageMonths: 18, methodTaught: true },
    });
    const badAge = readRow(
      tcm,
      cells(['62088110020100013', '儿童中医药健康管理', '2020-05-06', '', '', '8']),
      TODAY,
    );
    expect(!badAge.ok && badAge.problems.map((p) => p.column)).toEqual(['月龄']);
    const badType = readRow(tcm, cells(['62088110020100012', '中医体质辨识', '2020-05-06', '健康质']), TODAY);
    expect(!badType.ok && badType.problems.map((p) => p.column)).toEqual(['体质辨识结果']);
  });

  it('reads an activity without a person, and requires its org', () => {
    const ok = readRow(services, row({ 1: '健康教育', 2: '2020-04-10', 15: '620881100', 16: '讲座' }), TODAY);
    expect(ok.ok && ok.input).toMatchObject({
      recordNo: null,
      orgCode: '620881100',
      payload: { activityKind: 'lecture', participants: 0 },
    });
    const noOrg = readRow(services, row({ 1: '健康教育', 2: '2020-04-10', 16: '讲座' }), TODAY);
    expect(!noOrg.ok && noOrg.problems.map((p) => p.column)).toEqual(['区划代码']);
  });

  it('reads population rows and refuses bands larger than the total', () => {
    const layout = layoutOf('population', ['区划代码', '年份', '常住人口', '65岁及以上人口']);
    expect(readRow(layout, ['620881100201', '2020', '1,523', '190'], TODAY)).toEqual({
      ok: true,
      input: {
        orgCode: '620881100201',
        year: 2020,
        total: 1523,
        age0to6: null,
        age65plus: 190,
        age15plus: null,
        age18plus: null,
        women15to49: null,
        liveBirths: null,
      },
    });
    const bad = readRow(layout, ['620881100201', '2020', '100', '190'], TODAY);
    expect(!bad.ok && bad.problems.map((p) => p.column)).toEqual(['65岁及以上人口']);
  });
});
