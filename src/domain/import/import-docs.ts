import { REPORTED_INDICATORS } from '../indicators/catalogue-reported.js';
import { REPORTED_COLUMNS } from '../reported/reported-columns.js';
import { SERVICE_TYPES } from '../service-types.js';
import type { CellType } from './cell-values.js';
import { acceptedLabels, CELL_VOCABULARY } from './cell-values.js';
import type { ColumnSpec, ImportKind } from './columns.js';
import { IMPORT_COLUMNS, IMPORT_KIND_NAMES, IMPORT_KINDS } from './columns.js';

const TYPE_NAMES: Readonly<Record<CellType, string>> = {
  text: '文本 text',
  code: '代码 code',
  phone: '电话 phone',
  date: '日期 date',
  integer: '整数 integer',
  number: '数值 number',
  boolean: '是/否 yes/no',
  sex: '性别 sex',
  program: '项目 programme',
  serviceType: '服务类型 service type',
  controlled: '控制情况 control',
  adherence: '依从性 adherence',
  visitMode: '随访方式 visit mode',
  normalAbnormal: '正常/异常 normal/abnormal',
  mentalCondition: '病情 condition',
  tcmConstitution: '中医体质 constitution',
  activityKind: '活动形式 activity kind',
};

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function accepted(spec: ColumnSpec): string {
  if (spec.type in CELL_VOCABULARY) {
    const labels = acceptedLabels(spec.type as keyof typeof CELL_VOCABULARY);
    if (labels.length > 0 && spec.type !== 'serviceType' && spec.type !== 'program') return labels.join('、');
  }
  return spec.example === '' ? '' : `例 e.g. \`${spec.example}\``;
}

function table(kind: ImportKind): string[] {
  const rows = [
    '| 中文表头 Chinese header | 英文名 English name | 类型 Type | 必填 Required | 说明 Description | 可填 Accepted values / example | 其他表头 Other accepted headers |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const spec of IMPORT_COLUMNS[kind]) {
    const required = spec.required ? '是 yes' : spec.serviceTypes ? '按类型 by type' : '否 no';
    rows.push(
      `| ${cell(spec.header)} | \`${spec.field}\` | ${TYPE_NAMES[spec.type]} | ${required} | ${cell(`${spec.description.zh}；${spec.description.en}`)} | ${cell(accepted(spec))} | ${cell(spec.aliases.join('、'))} |`,
    );
  }
  return rows;
}

/**
 * docs/import.md, generated from the column specs and the service types so that the documentation and the
 * importer cannot disagree (a test compares the file with this text).
 */
export function importDocumentation(): string {
  const out: string[] = [
    '# 数据导入 Importing data',
    '',
    '<!-- Generated from src/domain/import/columns.ts and the service types (src/domain/service-types.ts) by importDocumentation(); a test keeps it in sync.',
    '     Regenerate: GONGWEI_WRITE_DOCS=1 npx vitest run src/domain/import/import-docs.test.ts -->',
    '',
    '```',
    'gongwei import <residents|enrollments|services|population> <file.csv|file.xlsx> [--accept-valid] [--format table|json] [--db PATH]',
    '```',
    '',
    '## 文件 Files',
    '',
    '- CSV in UTF-8 (with or without BOM) or GBK/GB18030, detected automatically; or .xlsx (the first worksheet).',
    '  CSV 文件可为 UTF-8（含或不含 BOM）或 GBK 编码，自动识别；Excel 请用 .xlsx（读取第一个工作表）。',
    '- The header is the first row (among the first 10) naming a known column; rows above it (a title, a',
    '  填报日期 line) are skipped and listed in the report. A header of two rows — a group merged over',
    '  its columns (基本信息 over 档案编号 / 姓名 / 性别) — is read by its lower row. Headers may be the',
    '  Chinese names below, the other accepted headers, or the English field names (`recordNo`,',
    '  `record_no`); width, blanks, `*` markers and unit suffixes such as `（mmHg）` are ignored. Columns',
    '  Gongwei does not know are reported and ignored. Total rows (合计, 总计, 小计, 全县合计, Total)',
    '  are sums, not records: they are skipped and listed in the report.',
    '  表头为前10行中第一个含已知列名的行，其上的标题行、填报日期行跳过；两行表头（上行为合并的分组名）按下行读取；',
    '  可用下表中文表头、其他表头或英文字段名；未知列会被忽略并在报告中列出；合计行不作为数据读取，在报告中列出。',
    '- Blank rows are skipped. Rows are numbered as Excel shows them (the header is row 1).',
    '  空行跳过；行号与 Excel 中看到的一致（表头为第1行）。',
    '- Full-width digits and letters (０１２, ＡＢＸ) and stray spaces are normalised everywhere.',
    '  全角数字和字母、多余空格自动规范化。',
    '- Dates: `2020-06-30`, `2020/6/30`, `2020.6.30`, `2020年6月30日`, `20200630`, an optional time of day,',
    '  Excel date cells and Excel serial numbers (`44012`). Dates that do not exist (2020-02-30) are refused.',
    '  日期可写作以上任一形式；不存在的日期会被拒收。',
    '- Impossible dates are refused with their column (the REST API refuses them too): any date after',
    '  today, a birth after the record was created, a death or move-out before the birth, a service before',
    "  its person's birth or after their death. Services already stored so are flagged (audit implausible_values).",
    '  晚于今天的日期、出生日期晚于建档日期、死亡或迁出日期早于出生日期、服务日期早于出生或晚于死亡，均拒收。',
    '- Long numbers (record numbers, ID numbers) must be stored as text in Excel: a numeric cell has already',
    '  lost its last digits and is refused. 档案编号、身份证号在 Excel 中须为文本格式。',
    '',
    '## 规则 Semantics (see docs/decisions/0003-import-semantics.md)',
    '',
    '- 默认全部或全不：任一行被拒收，则不导入任何数据，退出码为 1。',
    '  Default all or nothing: if any row is refused, nothing is stored and the exit code is 1.',
    '- `--accept-valid`：有效行在一个事务中导入，被拒收的行（原列加“错误原因”列）写入输入文件旁的',
    '  `<文件名>.rejected.csv`（UTF-8 带 BOM，Excel 可直接打开）。',
    '  `--accept-valid` lands the valid rows in one transaction and writes the refused ones, with their original',
    '  columns and a 错误原因 column, to `<file>.rejected.csv` beside the input (UTF-8 with BOM).',
    '- 同一文件中重复的行不算错误：后一行生效，计为“更新”。重复导入同一文件只会更新，不会新增。',
    '  Rows repeated within a file are not errors: the later row wins and counts as updated. Re-importing a',
    '  file updates every row and inserts none. Match keys: residents on 档案编号; enrolments on 档案编号 +',
    '  项目 + 纳入管理日期; services on 服务编号, else 档案编号 + 服务类型 + 服务日期 (+ 疫苗名称 + 剂次;',
    '  activities: 区划代码 + 活动形式 + 日期); population on 区划代码 + 年份.',
    '- 身份证号有误不拒收：按原样保存（仅规范化全角和空格），由质控标记。',
    '  A bad ID number is not a reason to refuse a row: it is stored as given and flagged by the audits.',
    '- 纳入管理和服务记录引用的档案编号须已存在；区划代码须已导入。',
    '  Enrolments and services must name existing record numbers; org codes must exist in the org tree.',
    '- 报告：读取行数、新增、更新、拒收，以及每个拒收行的行号、列、值（身份证号和电话已脱敏）和原因。',
    '  The report gives rows read, inserted, updated, rejected, and for each refused row its number, column,',
    '  value (ID numbers and phones masked) and reason.',
    '- A process killed during an import leaves the database exactly as before (one transaction).',
    '',
  ];
  for (const kind of IMPORT_KINDS) {
    const name = IMPORT_KIND_NAMES[kind];
    out.push(`## ${name.zh} ${name.en} — \`gongwei import ${kind}\``, '');
    if (kind === 'services') {
      out.push(
        'One row per service event. The 服务类型 column says which event it is; the other columns hold its',
        'values, and only the columns of that type are read (a wide file can mix types). Accepted type names:',
        '每行一条服务记录，“服务类型”决定读取哪些列（同一文件可混合多种类型）。服务类型可填：',
        '',
        '| 服务类型 Service type | 可填 Accepted labels | 读取的列 Columns read |',
        '| --- | --- | --- |',
      );
      for (const type of SERVICE_TYPES) {
        const labels = Object.entries(CELL_VOCABULARY.serviceType)
          .filter(([, v]) => v === type)
          .map(([k]) => k);
        const columns = IMPORT_COLUMNS.services
          .filter((s) => s.serviceTypes?.includes(type))
          .map((s) => s.header);
        out.push(`| \`${type}\` | ${labels.join('、')} | ${columns.join('、') || '—'} |`);
      }
      out.push('');
    }
    if (kind === 'enrollments') {
      const programs = Object.entries(CELL_VOCABULARY.program)
        .filter(([k]) => /[\u4e00-\u9fff]/.test(k))
        .map(([k, v]) => `${k} → \`${String(v)}\``);
      out.push(`管理项目可填 Programme names accepted: ${programs.join('、')}.`, '');
    }
    out.push(...table(kind), '');
  }
  out.push(...reportedSection());
  return out.join('\n');
}

/** The reported values file (`gongwei reported import`): not a records import, listed here with the others. */
function reportedSection(): string[] {
  const out = [
    '## 上报指标数据 Reported indicator values — `gongwei reported import`',
    '',
    '传染病疫情报告、卫生监督协管、健康素养调查等不由服务记录计算的指标，按单位和时期上报（见 docs/reported-indicators.md）。',
    '标题行和合计行自动识别并跳过；任一行有误则不保存任何数据，错误逐一列出行号和列名。同一单位、时期、指标再次导入即更新，原值保留在修改记录中。',
    'Indicators not computed from service records (notifiable disease reporting, health supervision assistance,',
    'health-literacy surveys) are reported per org and period (see docs/reported-indicators.md). A title row and a',
    'total row are recognised and skipped; any bad row refuses the whole file, every bad cell named by row and column',
    '(no `--accept-valid`: a report is a whole). Importing the same org, period and indicator again updates it; the',
    'earlier value stays in its history. Also POST /api/reported-values (JSON).',
    '',
    '| 中文表头 Chinese header | 英文名 English name | 必填 Required | 说明 Description | 其他表头 Other accepted headers |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const c of REPORTED_COLUMNS)
    out.push(
      `| ${c.header} | \`${c.field}\` | ${c.required ? '是 yes' : '否 no'} | ${c.note.zh}；${c.note.en} | ${c.aliases.join('、')} |`,
    );
  out.push(
    '',
    '指标可填 Indicators accepted (id or Chinese name):',
    '',
    ...REPORTED_INDICATORS.map(
      (i) =>
        `- \`${i.id}\` ${i.name.zh}（${i.reported!.kind === 'count' ? '分子 = 次数' : i.reported!.kind === 'survey' ? '数值或分子分母' : '分子、分母'}；${i.reported!.periods.join('/')}）`,
    ),
    '',
  );
  return out;
}
