/**
 * The section of docs/indicators.md on the two hypertension sets: the national
 * specification's control rate (quoted, with our reading) and the WHO HEARTS set as
 * implemented, with the rules chosen where the sources leave room. Kept beside the rules
 * (./term-families/chronic.ts, ./term-families/hearts.ts) and generated into the document
 * by ./catalogue-doc.ts.
 */

/** The markdown lines of the section. */
export function hypertensionDefinitionLines(): string[] {
  return [
    '## 血压控制：国家规范与 HEARTS Blood pressure control: the national and the HEARTS definitions',
    '',
    'Both sets are computed side by side from the same records: `hypertension.control_rate` (and the other `hypertension.*` rates) per the national',
    'specification, `hypertension.hearts_*` per the WHO HEARTS technical package as the Simple dashboard reports it. They differ on purpose.',
    '',
    '### 国家规范 National specification (3rd ed.)',
    '',
    '《国家基本公共卫生服务规范（第三版）》高血压患者健康管理服务规范，工作指标, quoted from the 2017 text as we read it. **The seeds of',
    'this repository do not state this rule**: searched for 150, 血压控制, 达标 and 失访, seeds 000–003 (task plans and the Pingliang',
    'bulletin) name the follow-up rate and, in seed 002, the guidance of 随访血压控制不满意人群, but give no BP limits, none for patients',
    'aged 65 (65岁 appears only for the elderly check-up). The 65+/150/90 limits and "lost to follow-up is not controlled" rest on the',
    'quotation below alone: check it against the printed specification. The limits are parameters: another reading changes defaults.',
    '',
    '> 管理人群血压控制率＝年内最近一次随访血压达标人数/年内已管理的高血压患者人数×100%。',
    '> 注：最近一次随访血压指的是按照规范要求最近一次随访的血压，若失访则判断为未达标，血压控制是指收缩压<140和舒张压<90mmHg',
    '> （65岁及以上患者收缩压<150mmHg和舒张压<90mmHg），即收缩压和舒张压同时达标。',
    '',
    'Our reading, as implemented (`src/domain/indicators/term-families/chronic.ts`, parameters in brackets):',
    '',
    '- Denominator: hypertension patients managed at the period end (enrolment active, present). Numerator: those whose latest hypertension',
    '  follow-up from 1 January to the period end has a measured BP below the limits.',
    '- Limits: systolic < 140 and diastolic < 90 mmHg (`controlledSystolicBelow`, `controlledDiastolicBelow`); for a patient aged 65 or over on',
    '  the day of that follow-up, systolic < 150 and diastolic < 90 mmHg (`controlledElderlyAgeFrom`, `controlledElderlySystolicBelow`,',
    '  `controlledElderlyDiastolicBelow`). Age is reached on the birthday (born 29 February: on 1 March of a common year). A patient',
    '  without a birth date is judged by the general limits. Both readings must be below their limit.',
    '- 若失访则判断为未达标: a managed patient with no follow-up this year is in the denominator and not in the numerator. A latest follow-up',
    '  without a measured BP (a follow-up by phone) is not controlled either, whatever judgement (控制满意) it records: the specification',
    '  counts a BP that 达标, and there is none. Such patients count as uncontrolled for the guidance rate (控制不满意患者干预率).',
    '- Only hypertension follow-ups count here (随访血压), not the BP of a check-up or of a diabetes follow-up.',
    '- Tie rule: "latest" is the greatest (date, id), the id being the order in which the services were first stored: of two follow-ups',
    '  on one day, the one stored last counts. The same rule picks the latest BP of the HEARTS set, whatever the type of the visit.',
    '- Not decided by the text, left as it was: every follow-up (clinic, home, phone) counts for the follow-up and standardised management',
    '  rates, although the specification asks for 面对面随访 four times a year.',
    '',
    '### WHO HEARTS (Simple dashboard)',
    '',
    'As implemented (`src/domain/indicators/term-families/hearts.ts`):',
    '',
    '- Calendar months. At a month-end period the windows are whole months: for June, registered by 31 March (`heartsRegisteredMonths` = 3),',
    '  visits and BPs from 1 April to 30 June (`heartsVisitWindowMonths` = 3), contact from 1 July of the year before (`heartsLostMonths` =',
    '  12). A month end counts back to a month end (29 February − 3 months = 30 November). At a 旬 end inside a month (10th, 20th) the',
    '  same day of the earlier month is taken (20 June − 3 months = 20 March).',
    '- Cohort: an enrolment active at the period end that started on or before the registration cut-off; the patient present (alive, not',
    '  moved out).',
    '- Under care: a visit in the last 12 months, or registered in them (registration is a contact). Otherwise lost to follow-up.',
    '- A visit is a hypertension follow-up (clinic, home or phone), a diabetes follow-up or an elderly check-up. The latest BP is the',
    '  latest of those in the 3-month window with both readings, by (date, id) whatever the type; controlled below 140/90 at every age.',
    '- Among those under care, exactly one of: controlled, uncontrolled (latest BP in the window), visit without BP (visits in the window,',
    '  none with a BP, e.g. a phone follow-up), missed visit (no visit in the window).',
    '',
  ];
}
