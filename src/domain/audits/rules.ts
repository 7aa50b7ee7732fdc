/**
 * The catalogue of data-quality audit rules (质控规则): stable ids, severities, Chinese and
 * English descriptions, and the parameters of each rule with their defaults.
 *
 * The ids are part of contract 5 between modules (dashboard, bulletins): never rename one.
 */

/** The ids of the audit rules, in the order they run and are reported. */
export const AUDIT_RULE_IDS = [
  'duplicate_records',
  'id_problems',
  'identical_checkups',
  'arm_bp_difference',
  'uncontrolled_without_guidance',
  'implausible_values',
  'digit_preference',
  'unused_records',
] as const;

/** The id of an audit rule. */
export type AuditRuleId = (typeof AUDIT_RULE_IDS)[number];

/** How serious a finding is: `error` data that is wrong, `warning` data or practice to check, `info` to follow up. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from most to least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Text shown to users, Chinese first. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** The check-up values the identical check-up rule can compare (columns of `services`). */
export const CHECKUP_VALUE_FIELDS = [
  'sbp',
  'dbp',
  'sbp_right',
  'dbp_right',
  'heart_rate',
  'fasting_glucose',
  'weight',
  'waist',
] as const;

/** A check-up value the identical check-up rule can compare. */
export type CheckupValueField = (typeof CHECKUP_VALUE_FIELDS)[number];

/** The unit within which check-ups are compared with each other. */
export type ComparisonUnit = 'all' | 'county' | 'township' | 'village' | 'institution';

/** The resident columns a duplicate key can be made of; `id_number` is compared normalised. */
export const DUPLICATE_KEY_FIELDS = [
  'id_number',
  'name',
  'birth_date',
  'sex',
  'county_code',
  'org_code',
  'phone',
] as const;

/** A resident column usable in a duplicate key. */
export type DuplicateKeyField = (typeof DUPLICATE_KEY_FIELDS)[number];

/** A physiologically plausible closed range of a measured value. */
export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
}

/** Parameters of every rule. Every field has a default in `DEFAULT_AUDIT_PARAMETERS`. */
export interface AuditParameters {
  readonly duplicate_records: {
    /** Each key is a list of columns; records equal on every column of one key are duplicates. */
    readonly keys: readonly (readonly DuplicateKeyField[])[];
  };
  readonly id_problems: {
    /** Report an empty ID number (EMPTY) as a finding. */
    readonly reportEmpty: boolean;
  };
  readonly identical_checkups: {
    /** How many of the compared values must be equal. */
    readonly k: number;
    /** The compared values (n = their number). */
    readonly fields: readonly CheckupValueField[];
    /** Check-ups are compared only with check-ups of the same unit. */
    readonly within: ComparisonUnit;
  };
  readonly arm_bp_difference: {
    /** |left − right systolic| above this is a finding (mmHg). */
    readonly flagOver: number;
    /** Above this: re-measure the next day, and if confirmed advise a doctor's visit (mmHg). */
    readonly remeasureOver: number;
  };
  readonly uncontrolled_without_guidance: {
    readonly serviceTypes: readonly string[];
  };
  readonly implausible_values: {
    readonly ranges: Readonly<Record<CheckupValueField, PlausibleRange>>;
    /** Service types whose values are adults' and checked against `ranges` (children's weights are not). */
    readonly rangeCheckedTypes: readonly string[];
    /** Service types that require an enrolment in their programme on the service date. */
    readonly enrolmentRequiredFor: readonly string[];
    /** Two services of one person and type at most this many days apart are a duplicated event. */
    readonly duplicateWindowDays: number;
    /** Service types checked for duplicated events. */
    readonly duplicateEventTypes: readonly string[];
  };
  readonly digit_preference: {
    /** Services whose BP readings are examined. */
    readonly serviceTypes: readonly string[];
    /** Org level of a unit: 3 county, 4 township (health centre), 5 village. */
    readonly unitLevel: 3 | 4 | 5;
    /** Units with fewer BP readings than this are not judged. */
    readonly minReadings: number;
    /** Share of readings whose last digit is 0 or 5 above which a unit is flagged (unbiased ≈ 0.2). */
    readonly zeroFiveShareOver: number;
    /**
     * Systolic readings 130–139 per reading 140–149 above which a unit is flagged. Managed
     * patients crowd under 140 by design (2–3 is usual); fudged units show 10 and more.
     */
    readonly below140RatioOver: number;
  };
  readonly unused_records: {
    /** A record neither updated nor served in this many months before the as-of date is unused. */
    readonly months: number;
  };
}

const KEY_FOLLOWUPS = ['hypertension_followup', 'diabetes_followup'] as const;

/** The official or customary default of every parameter. */
export const DEFAULT_AUDIT_PARAMETERS: AuditParameters = {
  duplicate_records: {
    keys: [['id_number'], ['county_code', 'name', 'birth_date', 'sex']],
  },
  id_problems: { reportEmpty: true },
  identical_checkups: {
    k: 4,
    fields: ['sbp', 'dbp', 'heart_rate', 'fasting_glucose', 'weight', 'waist'],
    within: 'township',
  },
  arm_bp_difference: { flagOver: 10, remeasureOver: 20 },
  uncontrolled_without_guidance: { serviceTypes: [...KEY_FOLLOWUPS] },
  implausible_values: {
    ranges: {
      sbp: { min: 60, max: 260 },
      dbp: { min: 30, max: 160 },
      sbp_right: { min: 60, max: 260 },
      dbp_right: { min: 30, max: 160 },
      heart_rate: { min: 30, max: 200 },
      fasting_glucose: { min: 1.5, max: 33.3 },
      weight: { min: 25, max: 200 },
      waist: { min: 40, max: 170 },
    },
    rangeCheckedTypes: [...KEY_FOLLOWUPS, 'elderly_checkup'],
    enrolmentRequiredFor: [...KEY_FOLLOWUPS, 'tb_followup', 'mental_followup'],
    duplicateWindowDays: 3,
    duplicateEventTypes: [
      ...KEY_FOLLOWUPS,
      'elderly_checkup',
      'tb_followup',
      'mental_followup',
      'postpartum_visit',
      'postpartum_42d',
      'newborn_visit',
      'child_visit',
    ],
  },
  digit_preference: {
    serviceTypes: [...KEY_FOLLOWUPS, 'elderly_checkup'],
    unitLevel: 4,
    minReadings: 100,
    zeroFiveShareOver: 0.5,
    below140RatioOver: 4,
  },
  unused_records: { months: 12 },
};

/** What the catalogue says about one rule. */
export interface AuditRuleInfo {
  readonly id: AuditRuleId;
  readonly name: Text;
  readonly description: Text;
  /** The severities this rule can give, with what each means. */
  readonly severities: Partial<Readonly<Record<Severity, Text>>>;
  /** What a finding is about: a duplicate set, a resident, a service, or a unit. */
  readonly subject: 'duplicate_set' | 'resident' | 'service' | 'unit';
}

/** Every rule, by id. */
export const AUDIT_RULES: Readonly<Record<AuditRuleId, AuditRuleInfo>> = {
  duplicate_records: {
    id: 'duplicate_records',
    name: { zh: '重复档案', en: 'Duplicate records' },
    description: {
      zh: '身份证号相同，或同一县内姓名、出生日期、性别相同的居民健康档案，归为一组重复档案；可合并。',
      en: 'Health records with the same ID number, or the same name, birth date and sex within a county, grouped into a duplicate set that can be merged.',
    },
    severities: { error: { zh: '重复档案', en: 'duplicate set' } },
    subject: 'duplicate_set',
  },
  id_problems: {
    id: 'id_problems',
    name: { zh: '身份证号异常', en: 'ID number problems' },
    description: {
      zh: '身份证号为空、位数或字符错误、出生日期无效、校验码错误、地址码未知，或与档案的出生日期、性别不一致。',
      en: 'ID number empty, of wrong length or characters, with an invalid birth date, a wrong check digit or an unknown region, or disagreeing with the birth date or sex of the record.',
    },
    severities: {
      error: { zh: '身份证号无效或与档案不符', en: 'invalid or disagreeing with the record' },
      warning: { zh: '身份证号为空', en: 'empty' },
    },
    subject: 'resident',
  },
  identical_checkups: {
    id: 'identical_checkups',
    name: { zh: '体检数据雷同', en: 'Identical check-up data' },
    description: {
      zh: '不同老年人的体检记录中，6项关键指标（收缩压、舒张压、心率、空腹血糖、体重、腰围）有4项以上完全一致。',
      en: "Elderly check-ups of different people sharing at least 4 of 6 key values (systolic, diastolic, heart rate, fasting glucose, weight, waist) with another person's check-up.",
    },
    severities: { error: { zh: '体检数据雷同', en: 'identical values' } },
    subject: 'service',
  },
  arm_bp_difference: {
    id: 'arm_bp_difference',
    name: { zh: '左右侧血压差异', en: 'Arm BP difference' },
    description: {
      zh: '体检记录左右侧收缩压相差大于10mmHg；大于20mmHg的应隔天重测，数据准确的应建议就诊。',
      en: 'Left and right systolic BP differ by more than 10 mmHg; above 20 mmHg re-measure the next day and, if confirmed, advise a doctor’s visit.',
    },
    severities: {
      warning: { zh: '相差大于10mmHg', en: 'over 10 mmHg' },
      error: {
        zh: '相差大于20mmHg，隔天重测并建议就诊',
        en: 'over 20 mmHg: re-measure next day, advise a doctor',
      },
    },
    subject: 'service',
  },
  uncontrolled_without_guidance: {
    id: 'uncontrolled_without_guidance',
    name: { zh: '控制不满意无指导', en: 'Uncontrolled without guidance' },
    description: {
      zh: '高血压、糖尿病患者随访控制不满意，但未记录健康指导意见或针对性就诊建议（转诊）。',
      en: 'Hypertension or diabetes follow-up judged uncontrolled with no guidance or referral recorded.',
    },
    severities: { warning: { zh: '无指导意见', en: 'no guidance' } },
    subject: 'service',
  },
  implausible_values: {
    id: 'implausible_values',
    name: { zh: '数据不合理', en: 'Implausible data' },
    description: {
      zh: '数值超出生理范围、服务日期早于出生或晚于死亡、迁出或在未来、随访对象未纳入该项目管理、同一人同类服务短期内重复。',
      en: 'Values out of physiological range, services before birth, after death or move-out, or in the future, follow-ups of people not enrolled in the programme, duplicated service events.',
    },
    severities: {
      error: { zh: '数值或日期不可能', en: 'impossible value or date' },
      warning: { zh: '未纳入管理或重复服务', en: 'not enrolled or duplicated event' },
    },
    subject: 'service',
  },
  digit_preference: {
    id: 'digit_preference',
    name: { zh: '血压尾数偏好', en: 'BP digit preference' },
    description: {
      zh: '单位血压读数尾数为0或5的比例过高，或收缩压130–139与140–149读数之比过高（疑似凑数）。',
      en: 'A unit whose BP readings end in 0 or 5 too often, or whose systolic readings of 130–139 outnumber those of 140–149 too much (suspected fudging).',
    },
    severities: { warning: { zh: '疑似尾数偏好', en: 'suspected digit preference' } },
    subject: 'unit',
  },
  unused_records: {
    id: 'unused_records',
    name: { zh: '非动态使用档案', en: 'Unused records' },
    description: {
      zh: '在册居民健康档案近12个月内既无更新也无任何服务记录（非动态使用）。',
      en: 'Records of living, resident people neither updated nor served in the last 12 months.',
    },
    severities: { info: { zh: '近12个月无更新无服务', en: 'no update or service in 12 months' } },
    subject: 'resident',
  },
};

/** True when `value` is an audit rule id. */
export function isAuditRuleId(value: string): value is AuditRuleId {
  return (AUDIT_RULE_IDS as readonly string[]).includes(value);
}

/** Parameters as a caller may give them: any rule, any field, the rest default. */
export type AuditParameterOverrides = {
  readonly [R in AuditRuleId]?: Partial<AuditParameters[R]>;
};

/**
 * The defaults with the caller's overrides applied, checked for consistency.
 * Throws a `RangeError` naming the rule and parameter when a value cannot work.
 *
 * @example resolveAuditParameters({ identical_checkups: { k: 3 } }).identical_checkups.fields.length // 6
 */
export function resolveAuditParameters(overrides: AuditParameterOverrides = {}): AuditParameters {
  const merged = { ...DEFAULT_AUDIT_PARAMETERS } as Record<AuditRuleId, unknown>;
  for (const id of AUDIT_RULE_IDS) {
    const o = overrides[id];
    if (o) merged[id] = { ...DEFAULT_AUDIT_PARAMETERS[id], ...o };
  }
  const p = merged as unknown as AuditParameters;
  const ic = p.identical_checkups;
  if (ic.fields.length === 0 || new Set(ic.fields).size !== ic.fields.length)
    throw new RangeError('identical_checkups.fields: give distinct fields');
  if (!Number.isInteger(ic.k) || ic.k < 2 || ic.k > ic.fields.length)
    throw new RangeError(`identical_checkups.k: must be an integer from 2 to ${ic.fields.length}`);
  if (p.duplicate_records.keys.length === 0 || p.duplicate_records.keys.some((k) => k.length === 0))
    throw new RangeError('duplicate_records.keys: each key needs at least one field');
  const arm = p.arm_bp_difference;
  if (!(arm.flagOver >= 0 && arm.remeasureOver >= arm.flagOver))
    throw new RangeError('arm_bp_difference: need 0 ≤ flagOver ≤ remeasureOver');
  if (!(p.implausible_values.duplicateWindowDays >= 0))
    throw new RangeError('implausible_values.duplicateWindowDays: must be ≥ 0');
  if (!(p.unused_records.months >= 1)) throw new RangeError('unused_records.months: must be ≥ 1');
  return p;
}
