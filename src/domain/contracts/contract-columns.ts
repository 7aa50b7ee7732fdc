/**
 * The import files of family-doctor teams and contracts (家庭医生团队、签约): their columns
 * with Chinese headers, and the pure reading of one row into a validated input or the
 * problems naming its columns. Cells are read by the same `readCell` as every import.
 */
import { column, type ImportColumn } from '../import/column-spec.js';
import { cellText, readCell, type RawCell } from '../import/cell-values.js';
import { headerKey } from '../import/columns.js';
import type { LocalizedText } from '../gongwei-error.js';
import {
  contractProblems,
  DEFAULT_TERM_YEARS,
  termEndDate,
  TERMINATION_REASONS,
  type TerminationReason,
} from './contract-rules.js';
import { servicePackageFor, SERVICE_PACKAGE_CODES } from './service-packages.js';

/** The two contract import kinds. */
export type ContractImportKind = 'teams' | 'contracts';

/** Team member roles (团队成员角色). */
export const MEMBER_ROLES = {
  doctor: { zh: '医生', en: 'doctor' },
  nurse: { zh: '护士', en: 'nurse' },
  public_health: { zh: '公卫人员', en: 'public-health worker' },
} as const satisfies Record<string, LocalizedText>;

/** A member role code. */
export type MemberRole = keyof typeof MEMBER_ROLES;

/** One team member. */
export interface TeamMember {
  readonly name: string;
  readonly role: MemberRole;
}

/** The columns of each kind. */
export const CONTRACT_IMPORT_COLUMNS: Readonly<Record<ContractImportKind, readonly ImportColumn[]>> = {
  teams: [
    column({
      field: 'teamCode',
      header: '团队编号',
      type: 'text',
      required: true,
      description: { zh: '团队唯一编号', en: 'unique team code' },
      example: 'T62080210101',
    }),
    column({
      field: 'name',
      header: '团队名称',
      type: 'text',
      required: true,
      description: { zh: '团队名称', en: 'team name' },
      example: '柳湖镇第一家庭医生团队',
    }),
    column({
      field: 'institutionCode',
      header: '机构编码',
      type: 'code',
      required: true,
      description: {
        zh: '所属机构（乡镇卫生院/社区卫生服务中心）的区划代码',
        en: 'org code of the institution (township health centre)',
      },
      example: '620802101',
    }),
    column({
      field: 'members',
      header: '团队成员',
      type: 'text',
      required: true,
      description: {
        zh: '姓名:角色，以分号分隔；角色为 医生、护士、公卫人员',
        en: 'name:role separated by semicolons; role 医生 (doctor), 护士 (nurse), 公卫人员 (public health)',
      },
      example: '张伟:医生;李娜:护士;王芳:公卫人员',
    }),
    column({
      field: 'villages',
      header: '服务村居',
      type: 'text',
      required: true,
      description: {
        zh: '服务的村（居）区划代码，以分号或顿号分隔',
        en: 'village codes served, separated by semicolons',
      },
      example: '620802101201;620802101202',
    }),
  ],
  contracts: [
    column({
      field: 'contractNo',
      header: '签约编号',
      type: 'text',
      required: true,
      description: {
        zh: '签约协议唯一编号；再次导入同一编号则更新',
        en: 'unique contract number; importing it again updates it',
      },
      example: 'QY2020000001',
    }),
    column({
      field: 'recordNo',
      header: '档案编号',
      type: 'code',
      required: true,
      description: { zh: '签约居民的17位健康档案编号', en: "the resident's 17-digit record number" },
      example: '62080210120100001',
    }),
    column({
      field: 'teamCode',
      header: '团队编号',
      type: 'text',
      required: true,
      description: { zh: '签约团队编号（须先导入团队）', en: 'team code (import the teams first)' },
      example: 'T62080210101',
    }),
    column({
      field: 'signedDate',
      header: '签约日期',
      type: 'date',
      required: true,
      description: { zh: '签约日期，即协议生效的第一天', en: 'signing date, the first day it holds' },
      example: '2020-07-01',
    }),
    column({
      field: 'termYears',
      header: '签约年限',
      type: 'integer',
      required: false,
      description: { zh: '协议年限，默认1年', en: 'term in years, 1 by default' },
      example: '1',
    }),
    column({
      field: 'endDate',
      header: '到期日期',
      type: 'date',
      required: false,
      description: {
        zh: '协议最后一天；空则为签约日期加年限的前一天',
        en: 'last day; empty: the day before the anniversary',
      },
      example: '2021-06-30',
    }),
    column({
      field: 'packageCode',
      header: '服务包',
      type: 'text',
      required: false,
      description: {
        zh: '基础服务包（默认）、老年人服务包、慢病服务包、母婴服务包',
        en: 'package name or code; basic by default',
      },
      example: '基础服务包',
    }),
    column({
      field: 'disabled',
      header: '残疾人',
      type: 'boolean',
      required: false,
      description: {
        zh: '是否残疾人（无登记系统，按协议填写）',
        en: 'a person with disabilities (no registry: as the contract says)',
      },
      example: '否',
    }),
    column({
      field: 'terminatedDate',
      header: '解约日期',
      type: 'date',
      required: false,
      description: {
        zh: '解约日期，即协议不再有效的第一天',
        en: 'termination date, the first day it no longer holds',
      },
      example: '',
    }),
    column({
      field: 'terminationReason',
      header: '解约原因',
      type: 'text',
      required: false,
      description: {
        zh: `解约原因：${Object.values(TERMINATION_REASONS)
          .map((r) => r.zh)
          .join('、')}`,
        en: 'termination reason',
      },
      example: '',
    }),
  ],
};

/** A team row, read. */
export interface TeamInput {
  readonly teamCode: string;
  readonly name: string;
  readonly institutionCode: string;
  readonly members: readonly TeamMember[];
  readonly villages: readonly string[];
}

/** A contract row, read (references not yet resolved). */
export interface ContractInput {
  readonly contractNo: string;
  readonly recordNo: string;
  readonly teamCode: string;
  readonly signedDate: string;
  readonly endDate: string;
  readonly packageCode: string;
  readonly disabled: boolean;
  readonly terminatedDate: string | null;
  readonly terminationReason: TerminationReason | null;
}

/** One problem of one row, naming the column by its header. */
export interface ContractRowProblem {
  readonly column: string;
  readonly field: string;
  readonly value: string;
  readonly reason: LocalizedText;
}

/** Which file column each field is in. */
export interface ContractHeader {
  readonly columns: ReadonlyMap<string, number>;
  readonly ignored: readonly string[];
  readonly missing: readonly ImportColumn[];
}

/** Reads the header row: the index of each known column, the unknown headers, the required columns absent. */
export function readContractHeader(kind: ContractImportKind, cells: readonly RawCell[]): ContractHeader {
  const specs = CONTRACT_IMPORT_COLUMNS[kind];
  const columns = new Map<string, number>();
  const ignored: string[] = [];
  cells.forEach((cell, i) => {
    const key = headerKey(cellText(cell));
    const spec = specs.find((s) => headerKey(s.header) === key || headerKey(s.field) === key);
    if (spec === undefined) {
      if (key !== '' && key !== headerKey('错误原因')) ignored.push(cellText(cell));
    } else if (!columns.has(spec.field)) columns.set(spec.field, i);
  });
  return { columns, ignored, missing: specs.filter((s) => s.required && !columns.has(s.field)) };
}

type Read<T> = { ok: true; input: T } | { ok: false; problems: ContractRowProblem[] };

function cells(kind: ContractImportKind, header: ContractHeader, raw: readonly RawCell[]) {
  const problems: ContractRowProblem[] = [];
  const values = new Map<string, unknown>();
  for (const spec of CONTRACT_IMPORT_COLUMNS[kind]) {
    const i = header.columns.get(spec.field);
    const cell = i === undefined ? null : (raw[i] ?? null);
    const read = readCell(cell, spec.type);
    if (!read.ok)
      problems.push({ column: spec.header, field: spec.field, value: cellText(cell), reason: read.reason });
    else if (read.value === null && spec.required)
      problems.push({
        column: spec.header,
        field: spec.field,
        value: '',
        reason: { zh: '必填', en: 'required' },
      });
    else values.set(spec.field, read.value);
  }
  const problem = (field: string, reason: LocalizedText): void => {
    const spec = CONTRACT_IMPORT_COLUMNS[kind].find((s) => s.field === field)!;
    const i = header.columns.get(field);
    problems.push({
      column: spec.header,
      field,
      value: cellText(i === undefined ? null : (raw[i] ?? null)),
      reason,
    });
  };
  return { problems, values, problem };
}

function splitList(text: string): string[] {
  return text
    .split(/[;；、,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const ROLE_BY_LABEL = new Map<string, MemberRole>(
  Object.entries(MEMBER_ROLES).flatMap(([code, name]) => [
    [code, code as MemberRole],
    [name.zh, code as MemberRole],
    [name.en, code as MemberRole],
  ]),
);

/**
 * Reads one team row.
 *
 * @example readTeamRow(header, ['T1', '一队', '620802101', '张伟:医生', '620802101201'])
 */
export function readTeamRow(header: ContractHeader, raw: readonly RawCell[]): Read<TeamInput> {
  const { problems, values, problem } = cells('teams', header, raw);
  const members: TeamMember[] = [];
  const memberText = values.get('members') as string | undefined;
  if (memberText !== undefined)
    for (const part of memberText
      .split(/[;；]+/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const [name, role] = part.split(/[:：]/).map((s) => s.trim());
      const code = role === undefined ? undefined : ROLE_BY_LABEL.get(role);
      if (!name || code === undefined) {
        problem('members', {
          zh: `成员应写作 姓名:角色，角色为 医生、护士、公卫人员`,
          en: 'members must read name:role, role 医生, 护士 or 公卫人员',
        });
        break;
      }
      members.push({ name, role: code });
    }
  if (memberText !== undefined && members.length > 0 && !members.some((m) => m.role === 'doctor'))
    problem('members', { zh: '团队至少应有一名医生', en: 'a team needs at least one doctor' });
  const villages = splitList((values.get('villages') as string | undefined) ?? '');
  if (villages.some((v) => !/^\d{12}$/.test(v)))
    problem('villages', { zh: '服务村居应为12位区划代码', en: 'villages must be 12-digit codes' });
  const institution = values.get('institutionCode') as string | undefined;
  if (institution !== undefined && !/^\d{9}$|^\d{12}$/.test(institution))
    problem('institutionCode', {
      zh: '机构编码应为9位乡镇或12位村（社区）代码',
      en: 'institution must be a 9-digit township or 12-digit village code',
    });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      teamCode: values.get('teamCode') as string,
      name: values.get('name') as string,
      institutionCode: institution!,
      members,
      villages,
    },
  };
}

const REASON_BY_LABEL = new Map<string, TerminationReason>(
  Object.entries(TERMINATION_REASONS).flatMap(([code, name]) => [
    [code, code as TerminationReason],
    [name.zh, code as TerminationReason],
  ]),
);

/**
 * Reads one contract row: the end date from the term when the file leaves it empty, the
 * package by code or Chinese name (basic when empty), the termination reason by code or
 * Chinese label; then the contract rules of {@link contractProblems}.
 */
export function readContractRow(header: ContractHeader, raw: readonly RawCell[]): Read<ContractInput> {
  const { problems, values, problem } = cells('contracts', header, raw);
  const signed = values.get('signedDate') as string | undefined;
  const years = (values.get('termYears') as number | null | undefined) ?? DEFAULT_TERM_YEARS;
  if (years < 1 || years > 10)
    problem('termYears', { zh: '签约年限应为1至10年', en: 'term must be 1 to 10 years' });
  const endDate =
    (values.get('endDate') as string | null | undefined) ??
    (signed === undefined ? undefined : termEndDate(signed, years));
  const packageText = (values.get('packageCode') as string | null | undefined) ?? 'basic';
  const pkg = servicePackageFor(packageText);
  const reasonText = values.get('terminationReason') as string | null | undefined;
  const reason = reasonText == null ? null : (REASON_BY_LABEL.get(reasonText.trim()) ?? reasonText);
  if (signed !== undefined && endDate !== undefined) {
    for (const p of contractProblems(
      {
        signedDate: signed,
        endDate,
        terminatedDate: (values.get('terminatedDate') as string | null | undefined) ?? null,
        terminationReason: reason,
        packageCode: pkg?.code ?? packageText,
      },
      SERVICE_PACKAGE_CODES,
    ))
      problem(p.field, p.reason);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      contractNo: values.get('contractNo') as string,
      recordNo: values.get('recordNo') as string,
      teamCode: values.get('teamCode') as string,
      signedDate: signed!,
      endDate: endDate!,
      packageCode: pkg!.code,
      disabled: (values.get('disabled') as boolean | null | undefined) ?? false,
      terminatedDate: (values.get('terminatedDate') as string | null | undefined) ?? null,
      terminationReason: reason as TerminationReason | null,
    },
  };
}
