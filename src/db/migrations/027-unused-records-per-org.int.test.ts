import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { DraftFinding } from '../../domain/audits/classify.js';
import { withAuditTables } from '../../modules/audits/audit-tables.js';
import { upsertFindings } from '../../modules/audits/run-repository.js';
import { unusedRecordsPerOrg027 } from './027-unused-records-per-org.js';

const finding = (subject: string, weight = 1): DraftFinding => ({
  severity: 'info',
  subject,
  orgCode: '620881100201',
  countyCode: '620881',
  residentId: null,
  serviceId: null,
  subjectDate: null,
  weight,
  evidence: {},
});

describeEachDialect('migration 027: unused records found per org', (t) => {
  it('removes the findings kept per record and nothing else', async () => {
    const db = t.db.kysely;
    const now = '2020-07-01T08:00:00Z';
    await upsertFindings(db, 1, now, 'unused_records', [finding('resident:1'), finding('resident:2')]);
    await upsertFindings(db, 1, now, 'unused_records', [finding('unit:620881100201:records', 3)]);
    await upsertFindings(db, 1, now, 'id_problems', [finding('resident:1')]);

    await unusedRecordsPerOrg027().up(db);

    const left = await withAuditTables(db)
      .selectFrom('audit_findings')
      .select(['rule', 'subject', 'weight'])
      .orderBy('rule')
      .execute();
    expect(left.map((r) => ({ ...r, weight: Number(r.weight) }))).toEqual([
      { rule: 'id_problems', subject: 'resident:1', weight: 1 },
      { rule: 'unused_records', subject: 'unit:620881100201:records', weight: 3 },
    ]);
  });
});
