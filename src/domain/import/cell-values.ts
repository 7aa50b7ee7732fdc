import type { Program } from '../programs.js';
import { PROGRAM_NAMES } from '../programs.js';
import { SERVICE_TYPE_DEFINITIONS } from '../service-types.js';
import { TCM_CONSTITUTIONS } from '../records/service-types/tcm-elderly.js';
import { cleanText, compactCode, compactPhone, toHalfWidth } from '../records/full-width.js';
import type { Reason } from '../records/validation.js';
import type { CellType } from './column-spec.js';
import { parseChineseDate } from './chinese-date.js';

export type { CellType } from './column-spec.js';

/**
 * A cell as the file readers hand it over: text from CSV, and text, numbers or booleans
 * from Excel (Excel date cells arrive as ISO text). Null or '' is an empty cell.
 */
export type RawCell = string | number | boolean | null;

/** A cell read into its value (null for an empty cell), or why it could not be read. */
export type CellResult = { ok: true; value: unknown } | { ok: false; reason: Reason };

/** The values each enumerated cell type accepts, Chinese labels first, mapped to the stored code. */
export const CELL_VOCABULARY: Readonly<
  Record<
    Exclude<CellType, 'text' | 'code' | 'phone' | 'date' | 'integer' | 'number'>,
    Readonly<Record<string, unknown>>
  >
> = {
  boolean: {
    是: true,
    有: true,
    y: true,
    yes: true,
    true: true,
    '1': true,
    '√': true,
    否: false,
    无: false,
    n: false,
    no: false,
    false: false,
    '0': false,
    '×': false,
  },
  sex: {
    男: 'M',
    男性: 'M',
    m: 'M',
    '1': 'M',
    女: 'F',
    女性: 'F',
    f: 'F',
    '2': 'F',
    未知: null,
    未说明: null,
  },
  controlled: {
    控制满意: true,
    满意: true,
    达标: true,
    是: true,
    '1': true,
    controlled: true,
    true: true,
    控制不满意: false,
    不满意: false,
    未达标: false,
    未控制: false,
    否: false,
    '0': false,
    uncontrolled: false,
    false: false,
  },
  adherence: {
    规律: 'regular',
    regular: 'regular',
    间断: 'intermittent',
    intermittent: 'intermittent',
    不服药: 'none',
    none: 'none',
  },
  visitMode: {
    门诊: 'clinic',
    诊室: 'clinic',
    门诊随访: 'clinic',
    clinic: 'clinic',
    家庭: 'home',
    家庭随访: 'home',
    入户: 'home',
    上门: 'home',
    home: 'home',
    电话: 'phone',
    电话随访: 'phone',
    phone: 'phone',
  },
  normalAbnormal: { 正常: 'normal', normal: 'normal', 异常: 'abnormal', abnormal: 'abnormal' },
  mentalCondition: {
    稳定: 'stable',
    stable: 'stable',
    基本稳定: 'basically_stable',
    basically_stable: 'basically_stable',
    不稳定: 'unstable',
    unstable: 'unstable',
  },
  tcmConstitution: {
    平和质: 'balanced',
    平和: 'balanced',
    气虚质: 'qi_deficiency',
    气虚: 'qi_deficiency',
    阳虚质: 'yang_deficiency',
    阳虚: 'yang_deficiency',
    阴虚质: 'yin_deficiency',
    阴虚: 'yin_deficiency',
    痰湿质: 'phlegm_dampness',
    痰湿: 'phlegm_dampness',
    湿热质: 'damp_heat',
    湿热: 'damp_heat',
    血瘀质: 'blood_stasis',
    血瘀: 'blood_stasis',
    气郁质: 'qi_stagnation',
    气郁: 'qi_stagnation',
    特禀质: 'inherited_special',
    特禀: 'inherited_special',
    ...Object.fromEntries(TCM_CONSTITUTIONS.map((c) => [c, c])),
  },
  activityKind: {
    讲座: 'lecture',
    健康知识讲座: 'lecture',
    lecture: 'lecture',
    咨询: 'consultation',
    健康咨询: 'consultation',
    公众健康咨询: 'consultation',
    consultation: 'consultation',
    宣传栏: 'board',
    健康教育宣传栏: 'board',
    board: 'board',
    资料: 'materials',
    发放资料: 'materials',
    健康教育资料: 'materials',
    materials: 'materials',
  },
  program: programVocabulary(),
  serviceType: serviceTypeVocabulary(),
};

/** Each service type's labels, then every type's id. */
function serviceTypeVocabulary(): Record<string, string> {
  const words: Record<string, string> = {};
  for (const definition of SERVICE_TYPE_DEFINITIONS)
    for (const label of definition.labels) words[label] = definition.id;
  for (const definition of SERVICE_TYPE_DEFINITIONS) words[definition.id] = definition.id;
  return words;
}

function programVocabulary(): Record<string, Program> {
  const words: Record<string, Program> = {
    高血压: 'hypertension',
    高血压患者: 'hypertension',
    糖尿病: 'diabetes',
    '2型糖尿病': 'diabetes',
    糖尿病患者: 'diabetes',
    老年人: 'elderly',
    '65岁及以上老年人': 'elderly',
    孕产妇: 'maternal',
    儿童: 'child',
    '0-6岁儿童': 'child',
    肺结核: 'tuberculosis',
    肺结核患者: 'tuberculosis',
    严重精神障碍: 'severe_mental',
    严重精神障碍患者: 'severe_mental',
    精神障碍: 'severe_mental',
  };
  for (const [code, name] of Object.entries(PROGRAM_NAMES) as [Program, { zh: string }][]) {
    words[code] = code;
    words[name.zh] = code;
  }
  return words;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

const LOST_DIGITS: Reason = {
  zh: '长数字被 Excel 存为数值，后几位已丢失；请把该列设为文本格式后重新导出',
  en: 'Excel stored this long number as a numeric value and lost digits; format the column as text and export again',
};

/** The text of a raw cell as the user typed it (for reports). */
export function cellText(raw: RawCell): string {
  if (raw === null) return '';
  return typeof raw === 'string' ? raw : String(raw);
}

function vocabularyKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
}

/**
 * Reads one cell as `type`. Empty cells read as null (whether a value is required is the
 * row's business). Full-width digits and letters and stray blanks are accepted everywhere.
 *
 * @example readCell('是', 'boolean') // { ok: true, value: true }
 * @example readCell('１３５', 'integer') // { ok: true, value: 135 }
 */
export function readCell(raw: RawCell, type: CellType): CellResult {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  switch (type) {
    case 'text':
      return { ok: true, value: cleanText(cellText(raw)) };
    case 'code': {
      if (typeof raw === 'number') {
        if (!Number.isSafeInteger(raw) || raw < 0) return { ok: false, reason: LOST_DIGITS };
        return { ok: true, value: String(raw) };
      }
      const code = compactCode(cellText(raw));
      if (code !== null && SCIENTIFIC.test(code)) return { ok: false, reason: LOST_DIGITS };
      return { ok: true, value: code };
    }
    case 'phone':
      return { ok: true, value: typeof raw === 'number' ? String(raw) : compactPhone(cellText(raw)) };
    case 'date': {
      if (typeof raw === 'boolean') return { ok: false, reason: DATE_REASON };
      const parsed = parseChineseDate(raw);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: DATE_REASON };
    }
    case 'integer':
    case 'number': {
      const value = typeof raw === 'number' ? raw : readNumber(cellText(raw));
      if (value === null || typeof raw === 'boolean') return { ok: false, reason: NUMBER_REASON };
      if (type === 'integer' && !Number.isInteger(value)) return { ok: false, reason: INTEGER_REASON };
      return { ok: true, value };
    }
    default: {
      const vocabulary = CELL_VOCABULARY[type];
      const key = vocabularyKey(cellText(raw));
      if (Object.hasOwn(vocabulary, key)) return { ok: true, value: vocabulary[key] };
      return { ok: false, reason: vocabularyReason(type) };
    }
  }
}

function readNumber(text: string): number | null {
  const compact = toHalfWidth(text).replace(/[\s,]+/g, '');
  return NUMBER.test(compact) ? Number(compact) : null;
}

const DATE_REASON: Reason = {
  zh: '日期无法识别或不存在（可用 2020-06-30、2020/6/30、2020年6月30日、20200630）',
  en: 'not a date, or a date that does not exist (use 2020-06-30, 2020/6/30, 2020年6月30日, 20200630)',
};
const NUMBER_REASON: Reason = { zh: '应为数字', en: 'must be a number' };
const INTEGER_REASON: Reason = { zh: '应为整数', en: 'must be a whole number' };

/** The accepted Chinese labels of an enumerated cell type, for reasons and the documentation. */
export function acceptedLabels(type: keyof typeof CELL_VOCABULARY): string[] {
  return Object.keys(CELL_VOCABULARY[type]).filter((k) => /[\u4e00-\u9fff]/.test(k));
}

function vocabularyReason(type: keyof typeof CELL_VOCABULARY): Reason {
  const codes = [...new Set(Object.values(CELL_VOCABULARY[type]).filter((v) => typeof v === 'string'))];
  return {
    zh: `取值无法识别，可填：${acceptedLabels(type).join('、')}`,
    en: `unknown value${codes.length > 0 ? `; accepted codes: ${codes.join(', ')}` : ''}`,
  };
}
