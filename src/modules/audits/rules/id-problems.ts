/**
 * Rule `id_problems` (身份证号异常): ID numbers that are empty, malformed, or disagree with
 * the record's birth date or sex. SQL skips the numbers that are certainly fine; the ID
 * module judges the rest and its word is final.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { SqlDialect } from '../../../db/database.js';
import { findingSubject, idProblemOf, type DraftFinding } from '../../../domain/audits/classify.js';
import { EARLIEST_BIRTH_DATE, PROVINCES } from '../../../domain/id-number/id-number.js';
import { residentIdSuspect } from '../../../db/migrations/019-resident-id-suspects.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule } from './audit-rule.js';
import { activeAt } from './candidate-repository.js';

const parameters = z.object({
  reportEmpty: z
    .boolean()
    .default(true)
    .describe('身份证号为空也作为问题（警告） / report an empty ID number (EMPTY) as a finding (warning)'),
});

/** The ID facts of a resident, for the ID rule. */
export interface ResidentIdRow {
  id: number;
  idNumber: string | null;
  birthDate: string | null;
  sex: string | null;
  orgCode: string;
  countyCode: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Residents read per statement: the candidates come in pages by id. */
const ID_PAGE = 20_000;

/**
 * True (in SQL) for an ID number that is certainly fine: 18 characters with no space, 17
 * digits then a digit or X, a correct check character, a known province, and the birth date
 * and sex of the record (within 1880-01-01 .. as-of). Everything else goes to the ID module
 * (`checkIdNumber`), which decides; this only spares it the millions of good numbers. The
 * checksum is only computed under CASE once the characters are known to be digits, so that
 * PostgreSQL never casts a letter.
 */
function idCertainlyFine(dialect: SqlDialect, asOf: string): RawBuilder<unknown> {
  const id = sql.ref('r.id_number');
  const digits17 = dialect.allDigits(sql`substr(${id}, 1, 17)`);
  const sum = sql.join(
    ID_WEIGHTS.map((w, i) => sql`cast(substr(${id}, ${i + 1}, 1) as integer) * ${w}`),
    sql` + `,
  );
  const provinces = Object.keys(PROVINCES);
  return sql`(
    ${id} is not null and length(${id}) = 18 and ${digits17}
    and substr(${id}, 18, 1) in ('0','1','2','3','4','5','6','7','8','9','X')
    and substr(${id}, 1, 2) in (${sql.join(provinces)})
    and r.birth_date = substr(${id}, 7, 4) || '-' || substr(${id}, 11, 2) || '-' || substr(${id}, 13, 2)
    and r.birth_date >= ${EARLIEST_BIRTH_DATE} and r.birth_date <= ${asOf}
    and r.sex = case when substr(${id}, 17, 1) in ('1','3','5','7','9') then 'M' else 'F' end
    and substr(${id}, 18, 1) = substr('10X98765432', (case when length(${id}) = 18 and ${digits17} then ${sum} else 0 end) % 11 + 1, 1)
  )`;
}

/**
 * One page (keyset on id) of active residents in scope whose ID number may have a problem,
 * for the ID rule; residents whose number is certainly fine are skipped in SQL, most of them
 * by the partial index of migration 019 (`residentIdSuspect`), the rest by the as-of date.
 */
export async function selectResidentIdPage(
  h: Handle,
  dialect: SqlDialect,
  scope: OrgScope,
  asOf: string,
  afterId: number,
  limit: number,
): Promise<ResidentIdRow[]> {
  const result = await sql<{
    id: number;
    id_number: string | null;
    birth_date: string | null;
    sex: string | null;
    org_code: string;
    county_code: string;
  }>`
    select r.id, r.id_number, r.birth_date, r.sex, r.org_code, r.county_code
    from ${dialect.tableThroughIndex('residents', 'r', 'residents_id_suspect')}
    where ${residentIdSuspect(dialect, 'r')}
      and ${rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' })}
      and ${activeAt(asOf, 'r')}
      and (case when ${idCertainlyFine(dialect, asOf)} then 1 else 0 end) = 0
      and r.id > ${afterId}
    order by r.id
    limit ${limit}`.execute(h);
  return result.rows.map((r) => ({
    id: Number(r.id),
    idNumber: r.id_number,
    birthDate: r.birth_date,
    sex: r.sex,
    orgCode: r.org_code,
    countyCode: r.county_code,
  }));
}

/** Rule `id_problems`. */
export const idProblems = judgedRule({
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
  parameters,
  async candidates(h, { scope, window, dialect }) {
    const rows: ResidentIdRow[] = [];
    let after = 0;
    for (;;) {
      const page = await selectResidentIdPage(h, dialect, scope, window.asOf, after, ID_PAGE);
      rows.push(...page);
      if (page.length < ID_PAGE) return rows;
      after = page[page.length - 1]!.id;
    }
  },
  judge(rows, p, window) {
    const out: DraftFinding[] = [];
    for (const r of rows) {
      const problem = idProblemOf(r, window.asOf, p);
      if (!problem) continue;
      out.push({
        severity: problem.severity,
        subject: findingSubject.resident(r.id),
        orgCode: r.orgCode,
        countyCode: r.countyCode,
        residentId: r.id,
        serviceId: null,
        subjectDate: null,
        weight: 1,
        evidence: { codes: problem.codes },
      });
    }
    return out;
  },
});
