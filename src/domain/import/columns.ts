/**
 * The columns of each kind of import file: residents, enrolments and population are listed
 * here; the payload columns of services come from the service types
 * (src/domain/records/service-types/), each declaring the columns of its own payload.
 */
import type { ServiceType } from '../service-types.js';
import { SERVICE_TYPE_DEFINITIONS, SERVICE_TYPES } from '../service-types.js';
import { toHalfWidth } from '../records/full-width.js';
import type { Reason } from '../records/validation.js';
import { column, type ImportColumn, type PayloadColumn } from './column-spec.js';

export type { CellType, ImportColumn } from './column-spec.js';

/** What a file holds. */
export const IMPORT_KINDS = ['residents', 'enrollments', 'services', 'population'] as const;

/** A kind of import file. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** True when `value` names an import kind. */
export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Chinese and English names of each import kind. */
export const IMPORT_KIND_NAMES: Readonly<Record<ImportKind, Reason>> = {
  residents: { zh: '居民健康档案', en: 'Resident health records' },
  enrollments: { zh: '重点人群纳入管理', en: 'Programme enrolments' },
  services: { zh: '服务记录（随访、体检、访视等）', en: 'Service events (follow-ups, check-ups, visits, …)' },
  population: { zh: '常住人口', en: 'Resident population' },
};

/**
 * One column of an import file. Payload columns of services name the service types that
 * read them; whether a row must fill one depends on its type (see the description).
 */
export interface ColumnSpec extends ImportColumn {
  /** For service payload columns: the service types that read it. */
  readonly serviceTypes?: readonly ServiceType[];
}

const col = column;

const RESIDENT_COLUMNS: readonly ColumnSpec[] = [
  col({
    field: 'recordNo',
    header: '档案编号',
    aliases: ['健康档案编号', '档案号'],
    type: 'code',
    required: true,
    description: {
      zh: '17位：6位县+3位乡镇+3位村+5位序号；重复导入时据此匹配',
      en: '17 digits: county 6 + township 3 + village 3 + sequence 5; the match key on re-import',
    },
    example: '62088110020100001',
  }),
  col({
    field: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '公民身份号码', '证件号码'],
    type: 'code',
    required: false,
    personal: 'idNumber',
    description: {
      zh: '按原样保存（全角数字、空格会规范化）；有误不拒收，由质控标记',
      en: 'stored as given (full-width digits and blanks normalised); a bad number is not refused but flagged by the audits',
    },
    example: '620881195501010011',
  }),
  col({
    field: 'name',
    header: '姓名',
    type: 'text',
    required: true,
    description: { zh: '居民姓名', en: 'name' },
    example: '张三',
  }),
  col({
    field: 'sex',
    header: '性别',
    type: 'sex',
    required: false,
    description: { zh: '男/女（或 M/F、1/2）', en: 'M/F (男/女, 1/2)' },
    example: '男',
  }),
  col({
    field: 'birthDate',
    header: '出生日期',
    type: 'date',
    required: false,
    description: { zh: '日期', en: 'date' },
    example: '1955-01-01',
  }),
  col({
    field: 'ethnicity',
    header: '民族',
    type: 'text',
    required: false,
    description: { zh: '民族', en: 'ethnicity' },
    example: '汉族',
  }),
  col({
    field: 'orgCode',
    header: '所属村（居）代码',
    aliases: ['村居代码', '所属村代码', '区划代码', '行政区划代码', '现住址代码'],
    type: 'code',
    required: false,
    description: {
      zh: '12位村（居委会）代码；空时取档案编号前12位',
      en: '12-digit village/community code; when empty, the first 12 digits of the record number',
    },
    example: '620881100201',
  }),
  col({
    field: 'phone',
    header: '本人电话',
    aliases: ['联系电话', '电话', '手机号码'],
    type: 'phone',
    required: false,
    personal: 'phone',
    description: { zh: '电话号码', en: 'phone number' },
    example: '13809331234',
  }),
  col({
    field: 'contactName',
    header: '联系人姓名',
    aliases: ['联系人'],
    type: 'text',
    required: false,
    description: { zh: '联系人', en: 'contact person' },
    example: '张四',
  }),
  col({
    field: 'contactPhone',
    header: '联系人电话',
    type: 'phone',
    required: false,
    personal: 'phone',
    description: { zh: '联系人电话', en: "contact person's phone" },
    example: '13809335678',
  }),
  col({
    field: 'electronic',
    header: '电子档案',
    aliases: ['是否电子档案'],
    type: 'boolean',
    required: false,
    description: { zh: '是/否；空为是', en: 'yes/no (是/否); empty means yes' },
    example: '是',
  }),
  col({
    field: 'recordCreated',
    header: '建档日期',
    type: 'date',
    required: true,
    description: { zh: '建档日期', en: 'date the record was created' },
    example: '2018-03-15',
  }),
  col({
    field: 'recordUpdated',
    header: '档案更新日期',
    aliases: ['更新日期'],
    type: 'date',
    required: false,
    description: { zh: '最近更新日期', en: 'date of the last update' },
    example: '2020-01-10',
  }),
  col({
    field: 'deathDate',
    header: '死亡日期',
    type: 'date',
    required: false,
    description: { zh: '死亡日期', en: 'date of death' },
    example: '',
  }),
  col({
    field: 'movedOutDate',
    header: '迁出日期',
    type: 'date',
    required: false,
    description: { zh: '迁出日期', en: 'date of moving out' },
    example: '',
  }),
];

const ENROLLMENT_COLUMNS: readonly ColumnSpec[] = [
  col({
    field: 'recordNo',
    header: '档案编号',
    aliases: ['健康档案编号', '档案号'],
    type: 'code',
    required: true,
    description: { zh: '居民档案编号（须已存在）', en: 'record number of an existing resident' },
    example: '62088110020100001',
  }),
  col({
    field: 'program',
    header: '管理项目',
    aliases: ['项目', '人群类别', '专项'],
    type: 'program',
    required: true,
    description: {
      zh: '高血压、糖尿病、老年人、孕产妇、儿童、肺结核、严重精神障碍',
      en: 'hypertension, diabetes, elderly, maternal, child, tuberculosis, severe_mental',
    },
    example: '高血压',
  }),
  col({
    field: 'startDate',
    header: '纳入管理日期',
    aliases: ['管理日期', '建卡日期', '开始日期'],
    type: 'date',
    required: true,
    description: {
      zh: '纳入管理日期；与档案编号、项目一起作为匹配键',
      en: 'start date; with record number and programme the match key',
    },
    example: '2019-05-01',
  }),
  col({
    field: 'endDate',
    header: '结案日期',
    aliases: ['终止管理日期'],
    type: 'date',
    required: false,
    description: { zh: '终止管理日期', en: 'end date' },
    example: '',
  }),
  col({
    field: 'endReason',
    header: '结案原因',
    aliases: ['终止原因'],
    type: 'text',
    required: false,
    description: { zh: '如：死亡、迁出、分娩结案', en: 'reason, e.g. death, moved out' },
    example: '',
  }),
  col({
    field: 'expectedDelivery',
    header: '预产期',
    type: 'date',
    required: false,
    description: {
      zh: '孕产妇：预产期（存入 detail）',
      en: 'maternal: expected delivery date (kept in detail)',
    },
    example: '2020-09-01',
  }),
];

const SERVICE_BASE_COLUMNS: readonly ColumnSpec[] = [
  col({
    field: 'serviceNo',
    header: '服务编号',
    aliases: ['记录编号', '随访编号'],
    type: 'text',
    required: false,
    description: {
      zh: '来源系统的记录编号；有则据此匹配，无则按 档案编号+类型+日期（接种另加疫苗、剂次）匹配',
      en: 'source system id; the match key when present, else record number + type + date (+ vaccine and dose)',
    },
    example: 'SF2020000123',
  }),
  col({
    field: 'recordNo',
    header: '档案编号',
    aliases: ['健康档案编号', '档案号'],
    type: 'code',
    required: false,
    description: {
      zh: '居民档案编号（须已存在；健康教育活动可空）',
      en: 'record number of an existing resident (empty for health-education activities)',
    },
    example: '62088110020100001',
  }),
  col({
    field: 'type',
    header: '服务类型',
    aliases: ['类型', '服务项目'],
    type: 'serviceType',
    required: true,
    description: {
      zh: SERVICE_TYPE_DEFINITIONS.map((d) => d.labels[0]).join('、'),
      en: SERVICE_TYPES.join(', '),
    },
    example: '高血压随访',
  }),
  col({
    field: 'serviceDate',
    header: '服务日期',
    aliases: ['随访日期', '体检日期', '访视日期', '接种日期', '活动日期'],
    type: 'date',
    required: true,
    description: { zh: '服务日期', en: 'date of the service' },
    example: '2020-03-02',
  }),
  col({
    field: 'orgCode',
    header: '区划代码',
    aliases: ['所属区划代码', '机构区划代码'],
    type: 'code',
    required: false,
    description: {
      zh: '空时取居民所在村；健康教育活动必填（6、9或12位）',
      en: "empty: the resident's village; required for health-education activities (6, 9 or 12 digits)",
    },
    example: '620881100',
  }),
  col({
    field: 'institution',
    header: '服务机构',
    aliases: ['随访机构', '体检机构'],
    type: 'text',
    required: false,
    description: { zh: '机构名称', en: 'institution' },
    example: '某某镇卫生院',
  }),
  col({
    field: 'doctor',
    header: '医生',
    aliases: ['随访医生', '责任医生', '医生签名'],
    type: 'text',
    required: false,
    description: { zh: '医生姓名', en: 'doctor' },
    example: '李医生',
  }),
];

/**
 * The payload columns of every service type, each once (a column two types read is one
 * column of the file), in the order the types declare them. A column's description says
 * which types require it: those whose payload schema needs a value the file cannot leave
 * to the import to fill.
 */
function payloadColumns(): ColumnSpec[] {
  const byField = new Map<string, { column: PayloadColumn; types: ServiceType[] }>();
  for (const definition of SERVICE_TYPE_DEFINITIONS) {
    for (const payloadColumn of definition.columns) {
      const seen = byField.get(payloadColumn.field);
      if (seen === undefined)
        byField.set(payloadColumn.field, { column: payloadColumn, types: [definition.id] });
      else if (JSON.stringify(seen.column) !== JSON.stringify(payloadColumn))
        throw new Error(
          `service payload field '${payloadColumn.field}' is declared as two different columns`,
        );
      else seen.types.push(definition.id);
    }
  }
  return [...byField.values()].map(({ column: payloadColumn, types }) => {
    const requiredBy = SERVICE_TYPE_DEFINITIONS.filter(
      (d) => types.includes(d.id) && requiresColumn(d, payloadColumn.field),
    );
    const description =
      requiredBy.length === 0
        ? payloadColumn.description
        : {
            zh: `${payloadColumn.description.zh}；${requiredBy.map((d) => d.labels[0]).join('、')}必填`,
            en: `${payloadColumn.description.en}; required for ${requiredBy.map((d) => d.id).join(', ')}`,
          };
    return { ...payloadColumn, required: false, serviceTypes: types, description };
  });
}

/** True when a row of this type must fill the field: its schema has no default and the import does not fill it. */
function requiresColumn(definition: (typeof SERVICE_TYPE_DEFINITIONS)[number], field: string): boolean {
  if (definition.filledOnImport?.[field] !== undefined) return false;
  const schema = (
    definition.payload.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>
  )[field];
  return schema !== undefined && !schema.safeParse(undefined).success;
}

const SERVICE_COLUMNS: readonly ColumnSpec[] = [...SERVICE_BASE_COLUMNS, ...payloadColumns()];

const POPULATION_COLUMNS: readonly ColumnSpec[] = [
  col({
    field: 'orgCode',
    header: '区划代码',
    aliases: ['行政区划代码', '机构代码', '村居代码'],
    type: 'code',
    required: true,
    description: { zh: '6、9或12位区划代码（须已存在）', en: 'org code of 6, 9 or 12 digits (must exist)' },
    example: '620881100201',
  }),
  col({
    field: 'year',
    header: '年份',
    aliases: ['年度'],
    type: 'integer',
    required: true,
    description: { zh: '年份', en: 'year' },
    example: '2020',
  }),
  col({
    field: 'total',
    header: '常住人口',
    aliases: ['常住人口数', '总人口'],
    type: 'integer',
    required: true,
    description: { zh: '常住人口总数', en: 'resident population' },
    example: '1523',
  }),
  col({
    field: 'age0to6',
    header: '0-6岁人口',
    aliases: ['0-6岁儿童数', '0-6岁'],
    type: 'integer',
    required: false,
    description: { zh: '0–6岁', en: 'aged 0–6' },
    example: '131',
  }),
  col({
    field: 'age65plus',
    header: '65岁及以上人口',
    aliases: ['65岁及以上老年人数', '65岁及以上'],
    type: 'integer',
    required: false,
    description: { zh: '65岁及以上', en: 'aged 65 and over' },
    example: '190',
  }),
  col({
    field: 'age15plus',
    header: '15岁及以上人口',
    aliases: ['15岁及以上'],
    type: 'integer',
    required: false,
    description: { zh: '15岁及以上', en: 'aged 15 and over' },
    example: '1228',
  }),
  col({
    field: 'age18plus',
    header: '18岁及以上人口',
    aliases: ['18岁及以上'],
    type: 'integer',
    required: false,
    description: { zh: '18岁及以上', en: 'aged 18 and over' },
    example: '1170',
  }),
  col({
    field: 'women15to49',
    header: '育龄妇女人数',
    aliases: ['15-49岁妇女', '育龄妇女'],
    type: 'integer',
    required: false,
    description: { zh: '15–49岁妇女', en: 'women aged 15–49' },
    example: '358',
  }),
  col({
    field: 'liveBirths',
    header: '活产数',
    aliases: ['出生人数', '活产人数'],
    type: 'integer',
    required: false,
    description: { zh: '当年活产数', en: 'live births of the year' },
    example: '16',
  }),
];

/** The columns of every import kind, in the order of the documented template. */
export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  residents: RESIDENT_COLUMNS,
  enrollments: ENROLLMENT_COLUMNS,
  services: SERVICE_COLUMNS,
  population: POPULATION_COLUMNS,
};

/**
 * The form in which headers are compared: half-width, lower case, without blanks,
 * underscores, hyphens, asterisks (required-column markers) or a trailing unit in brackets.
 *
 * @example headerKey(' 收缩压（mmHg）*') // '收缩压'; headerKey('record_no') // 'recordno'
 */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .replace(/\((mmhg|mmol\/l|kg|cm|次\/分|u\/l|μmol\/l|umol\/l|岁|人)\)\s*\*?\s*$/i, '')
    .replace(/[\s_*\-－]+/g, '')
    .toLowerCase();
}

function headerIndex(kind: ImportKind): ReadonlyMap<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const spec of IMPORT_COLUMNS[kind]) {
    for (const name of [spec.header, spec.field, ...spec.aliases]) index.set(headerKey(name), spec);
  }
  return index;
}

const HEADER_INDEX: Readonly<Record<ImportKind, ReadonlyMap<string, ColumnSpec>>> = {
  residents: headerIndex('residents'),
  enrollments: headerIndex('enrollments'),
  services: headerIndex('services'),
  population: headerIndex('population'),
};

/** The column spec a header names for an import kind, or undefined for a column Gongwei does not read. */
export function columnForHeader(kind: ImportKind, header: string): ColumnSpec | undefined {
  return HEADER_INDEX[kind].get(headerKey(header));
}
