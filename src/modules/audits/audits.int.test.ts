import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { Db } from '../../db/database.js';
import {
  insertEnrollment,
  insertOrgs,
  insertResidents,
  insertServices,
  validId,
  type ResidentSeed,
  type ServiceSeed,
} from './audits.fixture.js';
import { countFindings, listFindings, listHotspots, resolveFinding } from './finding-queries.js';
import { listMergeLog, mergeDuplicateSet } from './merge-duplicates.js';
import { ReadPool } from '../../server/read-pool.js';
import { withAuditTables } from './audit-tables.js';
import { exportUnusedRecords, listUnusedRecords } from './list-unused-records.js';
import { readRule } from './rule-reading.js';
import { runAudits, type AuditRunResult } from './run-audits.js';
import { scopeOfOrg, WHOLE_TREE } from '../orgs/org-scope.js';

const V1 = '620881100201';
const V2 = '620881100202';
const V3 = '620881101201';
const V4 = '620826105201';
const byNumber = (a: number, b: number): number => a - b;

/** A valid ID agreeing with the record: county + birth + sequence (odd for men). */
const vid = (no: number, org: string, birth: string, sex: 'M' | 'F' = 'M'): string =>
  validId(
    org.slice(0, 6) +
      birth.replaceAll('-', '') +
      String(no * 2 + (sex === 'M' ? 1 : 0))
        .padStart(3, '0')
        .slice(-3),
  );

const A = vid(1, V1, '1950-01-01');
const bad7 = (() => {
  const good = vid(7, V1, '1950-01-01');
  return good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
})();

const P = {
  parameters: { digit_preference: { minReadings: 4 } },
  period: '2020Q2',
  now: '2020-07-01T08:00:00Z',
};

interface World {
  r: Map<number, number>;
  s: Record<string, number>;
}

async function plant(db: Db): Promise<World> {
  await insertOrgs(db);
  const seeds: ResidentSeed[] = [
    { no: 1, org: V1, idNumber: A, name: '张一' },
    {
      no: 2,
      org: V2,
      idNumber: ` ${A.toLowerCase()} `,
      name: '张一',
      phone: '13800000002',
      updated: '2019-05-01',
    },
    { no: 3, org: V1, idNumber: vid(3, V1, '1960-02-02', 'F'), name: '王五', birth: '1960-02-02', sex: 'F' },
    { no: 4, org: V2, idNumber: null, name: '王五', birth: '1960-02-02', sex: 'F' },
    { no: 5, org: V1, idNumber: vid(5, V1, '1960-02-02', 'M'), name: '王五', birth: '1960-02-02', sex: 'M' },
    { no: 6, org: V4, idNumber: vid(6, V4, '1960-02-02', 'F'), name: '王五', birth: '1960-02-02', sex: 'F' },
    { no: 7, org: V1, idNumber: bad7 },
    { no: 8, org: V1, idNumber: vid(8, V1, '1950-01-01'), birth: '1950-01-02' },
  ];
  for (const no of [10, 11, 12, 20, 21, 22, 23, 24])
    seeds.push({ no, org: V1, idNumber: vid(no, V1, '1950-01-01') });
  for (const no of [13, 14]) seeds.push({ no, org: V3, idNumber: vid(no, V3, '1950-01-01') });
  seeds.push(
    { no: 25, org: V4, idNumber: vid(25, V4, '2020-05-01'), birth: '2020-05-01', created: '2020-05-02' },
    { no: 26, org: V4, idNumber: vid(26, V4, '1950-01-01'), death: '2020-03-01' },
    { no: 27, org: V4, idNumber: vid(27, V4, '1950-01-01') },
    { no: 28, org: V4, idNumber: vid(28, V4, '1950-01-01'), movedOut: '2020-03-01' },
    { no: 29, org: V4, idNumber: vid(29, V4, '2018-05-01'), birth: '2018-05-01', created: '2018-05-02' },
    // Near miss of unused: never served, but its record was updated within the year.
    { no: 30, org: V4, idNumber: vid(30, V4, '1950-01-01'), updated: '2019-12-01' },
  );
  const r = await insertResidents(db, seeds);
  const id = (no: number): number => r.get(no)!;
  for (const no of [20, 24]) await insertEnrollment(db, id(no), 'hypertension', '2019-01-01');
  await insertEnrollment(db, id(22), 'hypertension', '2020-03-01');
  await insertEnrollment(db, id(23), 'hypertension', '2019-01-01', '2020-02-01');
  await insertEnrollment(db, id(2), 'elderly', '2019-01-01');

  const ht = (
    resident: number,
    date: string,
    sbp: number,
    dbp: number,
    controlled: number,
    guidance: number | null,
  ) =>
    ({
      resident: id(resident),
      type: 'hypertension_followup',
      date,
      sbp,
      dbp,
      controlled,
      guidance,
    }) as ServiceSeed;
  const checkup = (
    resident: number,
    v: number[],
    sbpRight: number,
    institution = '东华镇卫生院',
  ): ServiceSeed => ({
    resident: id(resident),
    type: 'elderly_checkup',
    date: '2020-04-10',
    sbp: v[0]!,
    dbp: v[1]!,
    heartRate: v[2]!,
    glucose: v[3]!,
    weight: v[4]!,
    waist: v[5]!,
    sbpRight,
    institution,
  });
  const seedsS: [string, ServiceSeed][] = [
    ['E10', checkup(10, [130, 80, 72, 5.6, 60.5, 82], 140)],
    ['E11', checkup(11, [130, 80, 72, 5.6, 61, 90], 141)],
    ['E12', checkup(12, [130, 80, 75, 5.9, 60.5, 95], 151)],
    ['E13', checkup(13, [130, 80, 72, 5.6, 60.5, 82], 130, '安口镇卫生院')],
    ['E14', checkup(14, [140, 90, 70, 6.1, 55, 80], 140, '安口镇卫生院')],
    ['F1', ht(20, '2020-02-01', 152, 96, 0, 0)],
    ['F2', ht(20, '2020-03-01', 148, 92, 0, null)],
    ['F3', ht(20, '2020-04-01', 146, 94, 0, 1)],
    ['F4', ht(20, '2020-05-01', 142, 78, 1, 0)],
    ['F5', ht(20, '2020-05-03', 144, 76, 1, 1)],
    ['F6', ht(20, '2020-06-01', 124, 74, 1, 1)],
    ['F7', ht(21, '2020-03-01', 122, 72, 1, 1)],
    ['F8', ht(22, '2020-03-01', 132, 82, 1, 1)],
    ['F9', ht(22, '2020-03-05', 134, 84, 1, 1)],
    ['F10', ht(23, '2020-03-01', 136, 86, 1, 1)],
    ['F11', ht(24, '2020-02-10', 300, 90, 0, 1)],
    ['F12', ht(24, '2020-04-10', 80, 90, 1, 1)],
    ['C25', { resident: id(25), type: 'child_visit', date: '2020-04-01' }],
    ['C26', { resident: id(26), type: 'child_visit', date: '2020-04-01' }],
    ['C27', { resident: id(27), type: 'child_visit', date: '2020-08-01' }],
    ['C28', { resident: id(28), type: 'child_visit', date: '2020-04-01' }],
    // A child's weight is not an adult's: no range finding.
    ['C29', { resident: id(29), type: 'child_visit', date: '2020-04-01', weight: 12 }],
  ];
  const ids = await insertServices(
    db,
    seedsS.map(([, s]) => s),
  );
  const s: Record<string, number> = {};
  seedsS.forEach(([name], i) => (s[name] = ids[i]!));
  return { r, s };
}

async function subjects(db: Db, rule: string, status = 'current'): Promise<string[]> {
  const list = await listFindings(db, WHOLE_TREE, { rule, status: status as 'current', pageSize: 1000 });
  return list.items
    .map((i) => `${i.severity}:${i.resident?.id ?? ''}:${i.service?.id ?? ''}:${i.org}`)
    .sort();
}

describeEachDialect('audits', (t) => {
  let w: World;
  beforeAll(async () => {
    w = await plant(t.db);
  });
  const rid = (no: number): number => w.r.get(no)!;

  let firstRun: AuditRunResult;

  describe('first run', () => {
    beforeAll(async () => {
      firstRun = await runAudits(t.db, WHOLE_TREE, P);
    });

    it('groups duplicates by normalised ID and by name + birth date + sex within a county', async () => {
      const list = await listFindings(t.db, WHOLE_TREE, { rule: 'duplicate_records' });
      const sets = list.items.map((i) => i.evidence as { residentIds: number[]; keys: string[] });
      expect(sets.map((s) => s.residentIds)).toEqual([
        [rid(1), rid(2)],
        [rid(3), rid(4)],
      ]);
      // 1 and 2 also share name, birth date and sex; 5 differs in sex and 6 lives in another county.
      expect(sets.map((s) => s.keys)).toEqual([
        ['id_number', 'county_code+name+birth_date+sex'],
        ['county_code+name+birth_date+sex'],
      ]);
      expect(list.items.every((i) => i.weight === 1)).toBe(true);
    });

    it('finds empty, malformed and disagreeing ID numbers', async () => {
      const list = await listFindings(t.db, WHOLE_TREE, { rule: 'id_problems' });
      const got = list.items.map((i) => [
        i.resident!.id,
        i.severity,
        (i.evidence as { codes: string[] }).codes,
      ]);
      expect(got.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [rid(4), 'warning', ['EMPTY']],
        [rid(7), 'error', ['CHECKSUM']],
        [rid(8), 'error', ['BIRTH_DATE_MISMATCH']],
      ]);
    });

    it('finds check-ups sharing 4 of 6 values within a township, not 3 of 6 nor across townships', async () => {
      expect(await subjects(t.db, 'identical_checkups')).toEqual(
        [`error:${rid(10)}:${w.s.E10}:${V1}`, `error:${rid(11)}:${w.s.E11}:${V1}`].sort(),
      );
      const item = (await listFindings(t.db, WHOLE_TREE, { rule: 'identical_checkups' })).items[0]!;
      expect(item.evidence).toMatchObject({
        clusterSize: 2,
        matchedFields: ['sbp', 'dbp', 'heart_rate', 'fasting_glucose'],
      });
    });

    it('flags an arm difference of 11 but not 10, and above 20 as an error', async () => {
      expect(await subjects(t.db, 'arm_bp_difference')).toEqual(
        [`warning:${rid(11)}:${w.s.E11}:${V1}`, `error:${rid(12)}:${w.s.E12}:${V1}`].sort(),
      );
    });

    it('finds uncontrolled follow-ups without guidance (0 or missing)', async () => {
      expect(await subjects(t.db, 'uncontrolled_without_guidance')).toEqual(
        [`warning:${rid(20)}:${w.s.F1}:${V1}`, `warning:${rid(20)}:${w.s.F2}:${V1}`].sort(),
      );
    });

    it('finds implausible values, dates, missing enrolments and repeated events', async () => {
      const list = await listFindings(t.db, WHOLE_TREE, { rule: 'implausible_values', pageSize: 100 });
      const got = list.items.map((i) => `${(i.evidence as { check: string }).check}:${i.service!.id}`).sort();
      expect(got).toEqual(
        [
          `out_of_range:${w.s.F11}`,
          `out_of_range:${w.s.F12}`,
          `before_birth:${w.s.C25}`,
          `after_death:${w.s.C26}`,
          `after_move_out:${w.s.C28}`,
          `future:${w.s.C27}`,
          `not_enrolled:${w.s.F7}`,
          `not_enrolled:${w.s.F10}`,
          `duplicated_event:${w.s.F5}`,
        ].sort(),
      );
    });

    it('flags the unit whose BP readings end in 0 or 5 too often', async () => {
      const list = await listFindings(t.db, WHOLE_TREE, { rule: 'digit_preference' });
      expect(list.items.map((i) => i.org)).toEqual(['620881101']);
      expect(list.items[0]!.evidence).toMatchObject({
        readings: 4,
        zeroFiveShare: 1,
        flags: ['zero_five_share'],
      });
    });

    it('finds one finding per org weighing its records neither updated nor served in the 12 months before the as-of date', async () => {
      const list = await listFindings(t.db, WHOLE_TREE, { rule: 'unused_records', pageSize: 100 });
      const byOrg = [...list.items].sort((a, b) => a.org.localeCompare(b.org));
      expect(byOrg.map((i) => [i.org, i.weight, i.resident])).toEqual([
        [V4, 2, null],
        [V1, 5, null],
        [V2, 2, null],
      ]);
      expect(list.items[0]!.evidence).toMatchObject({ noServiceSince: '2019-06-30', asOf: '2020-06-30' });
      const listed: number[] = [];
      for (const finding of list.items) {
        const page = (await listUnusedRecords(t.db, WHOLE_TREE, finding.id, { pageSize: 200 }))!;
        expect(page).toMatchObject({ org: finding.org, total: finding.weight, asOf: '2020-06-30' });
        listed.push(...page.items.map((i) => i.residentId));
      }
      expect(listed.sort(byNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 27].map(rid).sort(byNumber));
    });

    it('lists an org’s unused records page by page, masked, as they stand when asked', async () => {
      const finding = (await listFindings(t.db, WHOLE_TREE, { rule: 'unused_records', orgCode: V1 }))
        .items[0]!;
      const first = (await listUnusedRecords(t.db, WHOLE_TREE, finding.id, { page: 1, pageSize: 2 }))!;
      const second = (await listUnusedRecords(t.db, WHOLE_TREE, finding.id, { page: 2, pageSize: 2 }))!;
      expect([first.total, first.items.length, second.items.length]).toEqual([5, 2, 2]);
      const recordNos = [...first.items, ...second.items].map((i) => i.recordNo!);
      expect(recordNos).toEqual([...recordNos].sort());
      expect(new Set(recordNos).size).toBe(4);
      const one = first.items.find((i) => i.residentId === rid(1))!;
      expect(one).toMatchObject({ name: '张**', lastService: null });
      expect(one.idNumber).toMatch(/^620881\*+\d{3}[\dX]$/);

      // A record updated since the run leaves the list at once; the finding keeps its weight
      // until the next run.
      const resident = await t.db.kysely
        .selectFrom('residents')
        .select('record_updated')
        .where('id', '=', rid(1))
        .executeTakeFirstOrThrow();
      await t.db.kysely
        .updateTable('residents')
        .set({ record_updated: '2020-06-01' })
        .where('id', '=', rid(1))
        .execute();
      try {
        const now = (await listUnusedRecords(t.db, WHOLE_TREE, finding.id, { pageSize: 200 }))!;
        expect(now.total).toBe(4);
        expect(now.items.map((i) => i.residentId)).not.toContain(rid(1));
      } finally {
        await t.db.kysely
          .updateTable('residents')
          .set({ record_updated: resident.record_updated })
          .where('id', '=', rid(1))
          .execute();
      }
    });

    it('exports an org’s whole list, and refuses one longer than an export holds', async () => {
      const finding = (await listFindings(t.db, WHOLE_TREE, { rule: 'unused_records', orgCode: V1 }))
        .items[0]!;
      const all = (await exportUnusedRecords(t.db, WHOLE_TREE, finding.id))!;
      expect([all.total, all.items.length]).toEqual([5, 5]);
      expect((await exportUnusedRecords(t.db, WHOLE_TREE, finding.id, 5))!.items).toHaveLength(5);
      await expect(exportUnusedRecords(t.db, WHOLE_TREE, finding.id, 4)).rejects.toMatchObject({
        status: 400,
        field: 'id',
        text: { en: expect.stringContaining('5 records, over the 4') },
      });
    });

    it('refuses the record list of a finding of another rule, outside the scope, or unknown', async () => {
      const other = (await listFindings(t.db, WHOLE_TREE, { rule: 'digit_preference' })).items[0]!;
      await expect(listUnusedRecords(t.db, WHOLE_TREE, other.id)).rejects.toMatchObject({
        status: 400,
        field: 'id',
      });
      const far = (await listFindings(t.db, WHOLE_TREE, { rule: 'unused_records', orgCode: V4 })).items[0]!;
      const huating = (await scopeOfOrg(t.db.kysely, WHOLE_TREE, '620881')).scope;
      await expect(listUnusedRecords(t.db, huating, far.id)).rejects.toMatchObject({ status: 403 });
      expect(await listUnusedRecords(t.db, WHOLE_TREE, 999_999)).toBeNull();
    });

    it('masks names and ID numbers in the work list', async () => {
      const item = (await listFindings(t.db, WHOLE_TREE, { rule: 'id_problems', orgCode: V1 })).items.find(
        (i) => i.resident!.id === rid(7),
      )!;
      expect(item.resident!.name).toBe('居**');
      expect(item.resident!.idNumber).toMatch(/^620881\*+\d{3}[\dX]$/);
      expect(JSON.stringify(item.evidence)).not.toContain(bad7);
    });

    it('rolls counts up the tree: a county counts its townships', async () => {
      const counts = await countFindings(t.db, WHOLE_TREE, { orgCode: '620800', depth: 3 });
      const n = (org: string, rule: string) =>
        counts.filter((c) => c.org === org && c.rule === rule).reduce((a, c) => a + c.count, 0);
      const records = (org: string, rule: string) =>
        counts.filter((c) => c.org === org && c.rule === rule).reduce((a, c) => a + c.affected, 0);
      expect(n('620881100', 'arm_bp_difference')).toBe(2);
      expect(n('620881', 'implausible_values')).toBe(
        n('620881100', 'implausible_values') + n('620881101', 'implausible_values'),
      );
      // One unused_records finding per org with unused records, weighing their records.
      expect(n('620800', 'unused_records')).toBe(3);
      expect(records('620800', 'unused_records')).toBe(9);
      expect(records('620826', 'unused_records')).toBe(2);
      const city = counts.find((c) => c.org === '620800' && c.rule === 'duplicate_records')!;
      expect(city).toMatchObject({ orgName: '平凉市', level: 2, count: 2, affected: 2 });
    });

    it('names hotspots, as a village when its township’s findings concentrate there', async () => {
      const spots = await listHotspots(t.db, WHOLE_TREE, {
        rule: 'unused_records',
        orgCode: '620800',
        limit: 3,
      });
      // 5 of 东华镇's 7 unused records are in 东华村 (≥ 60 %): the village is named.
      expect(spots[0]).toMatchObject({ org: V1, count: 5, fullName: '华亭市东华镇东华村' });
      const townships = await listHotspots(t.db, WHOLE_TREE, {
        rule: 'unused_records',
        orgCode: '620800',
        level: 4,
      });
      expect(townships[0]).toMatchObject({ org: '620881100', count: 7, fullName: '华亭市东华镇' });
      expect(spots.find((s) => s.org === V4)).toMatchObject({
        level: 5,
        fullName: '静宁县雷大镇屈岔村',
        count: 2,
      });
    });
  });

  describe('rules read in worker threads', () => {
    async function storedFindings(): Promise<unknown[]> {
      return withAuditTables(t.db.kysely)
        .selectFrom('audit_findings')
        .select(['finding_key', 'severity', 'status', 'org_code', 'weight', 'evidence', 'closed_at'])
        .orderBy('finding_key')
        .execute();
    }

    /** The runs and findings stored: what a failed run must leave as it was. */
    async function stored(): Promise<{ runs: unknown[]; findings: unknown[] }> {
      const runs = await withAuditTables(t.db.kysely)
        .selectFrom('audit_runs')
        .select('id')
        .orderBy('id')
        .execute();
      return { runs, findings: await storedFindings() };
    }

    it('store what a run read in-process stored: the same findings, none new, none closed', async () => {
      const before = await storedFindings();
      const pool = new ReadPool(t.db, { readers: t.target, threads: 2 });
      let run;
      try {
        expect(pool.offThread).toBe(true);
        run = await runAudits(t.db, WHOLE_TREE, P, pool.ruleReader);
      } finally {
        await pool.close();
      }
      expect(run.summary.map(({ rule, found }) => ({ rule, found }))).toEqual(
        firstRun.summary.map(({ rule, found }) => ({ rule, found })),
      );
      expect(run.summary.every((r) => r.new === 0 && r.closed === 0)).toBe(true);
      expect(await storedFindings()).toEqual(before);
    });

    it('leave nothing written when one rule’s reading fails', async () => {
      const before = await stored();
      await expect(
        runAudits(t.db, WHOLE_TREE, P, {
          read: async (reading) => {
            if (reading.rule === 'digit_preference') throw new Error('the read connection went away');
            return readRule(t.db, reading);
          },
          apart: false,
        }),
      ).rejects.toThrow('the read connection went away');
      expect(await stored()).toEqual(before);
    });

    it('leave nothing written when the last reading fails inside the write transaction', async () => {
      const before = await stored();
      const pool = new ReadPool(t.db, { readers: t.target, threads: 2 });
      // The failing reading waits until the transaction has stored the findings of a rule
      // before it: it is the last, and the transaction began beside it (else it gives up after 10 s).
      let ruleStored!: () => void;
      const storedInTransaction = new Promise<void>((resolve) => (ruleStored = resolve));
      try {
        await expect(
          runAudits(
            t.db,
            WHOLE_TREE,
            { ...P, onRule: () => ruleStored() },
            {
              read: async (reading) => {
                if (reading.rule !== 'digit_preference') return pool.ruleReader.read(reading);
                let timer: NodeJS.Timeout | undefined;
                const gaveUp = new Promise<never>((_, reject) => {
                  timer = setTimeout(
                    () => reject(new Error('no transaction began beside the last reading')),
                    10_000,
                  );
                });
                try {
                  await Promise.race([storedInTransaction, gaveUp]);
                } finally {
                  clearTimeout(timer);
                }
                throw new Error('the read worker stopped');
              },
              apart: pool.ruleReader.apart,
            },
          ),
        ).rejects.toThrow('the read worker stopped');
      } finally {
        await pool.close();
      }
      expect(await stored()).toEqual(before);
    });
  });

  describe('re-run', () => {
    it('keeps resolved findings resolved, closes vanished ones, reopens none', async () => {
      const uncontrolled = (await listFindings(t.db, WHOLE_TREE, { rule: 'uncontrolled_without_guidance' }))
        .items;
      const f1 = uncontrolled.find((i) => i.service!.id === w.s.F1)!;
      const f2 = uncontrolled.find((i) => i.service!.id === w.s.F2)!;
      const resolved = await resolveFinding(t.db, WHOLE_TREE, f1.id, {
        by: '李医生',
        note: '已电话随访',
        at: '2020-07-02T09:00:00Z',
      });
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: '李医生' });
      await t.db.kysely.updateTable('services').set({ guidance: 1 }).where('id', '=', w.s.F2!).execute();

      const run = await runAudits(t.db, WHOLE_TREE, { ...P, rules: ['uncontrolled_without_guidance'] });
      expect(run.summary).toEqual([
        { rule: 'uncontrolled_without_guidance', found: 1, affected: 1, new: 0, resolved: 1, closed: 1 },
      ]);
      const all = (
        await listFindings(t.db, WHOLE_TREE, { rule: 'uncontrolled_without_guidance', status: 'all' })
      ).items;
      expect(all.find((i) => i.id === f1.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: '李医生',
        lastRunId: run.runId,
      });
      expect(all.find((i) => i.id === f2.id)).toMatchObject({ status: 'closed' });
      // Other rules were not part of this run: their findings stay open.
      expect((await listFindings(t.db, WHOLE_TREE, { rule: 'arm_bp_difference' })).total).toBe(2);
      const history = await countFindings(t.db, WHOLE_TREE, {
        orgCode: '620881',
        depth: 0,
        runId: run.runId,
      });
      expect(history).toEqual([expect.objectContaining({ rule: 'uncontrolled_without_guidance', count: 1 })]);
    });
  });

  describe('merge', () => {
    it('merges a duplicate set, moving everything and losing nothing, with a merge log', async () => {
      const set = (await listFindings(t.db, WHOLE_TREE, { rule: 'duplicate_records' })).items.find(
        (i) => i.resident!.id === rid(1),
      )!;
      const extra = await insertServices(t.db, [
        { resident: rid(2), type: 'elderly_checkup', date: '2020-05-05', sbp: 128, dbp: 76 },
        { resident: rid(1), type: 'hypertension_followup', date: '2020-05-06', sbp: 128, dbp: 76 },
      ]);
      await insertEnrollment(t.db, rid(1), 'elderly', '2019-01-01');
      const count = async (table: 'services' | 'enrollments') =>
        Number(
          (
            await t.db.kysely
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = { services: await count('services'), enrollments: await count('enrollments') };

      const result = await mergeDuplicateSet(t.db, WHOLE_TREE, {
        setId: set.id,
        prefer: { org_code: `${V1}00001` },
        by: '档案管理员',
        now: '2020-07-03T10:00:00Z',
      });
      expect(result).toMatchObject({
        survivorRecordNo: `${V1}00001`,
        absorbedRecordNos: [`${V2}00002`],
        movedServices: 1,
        rekeyedServices: 1,
        movedEnrollments: 0,
        droppedEnrollments: 1,
      });
      expect(result.fieldSources.phone).toBe(`${V2}00002`);
      expect(result.fieldSources.org_code).toBe(`${V1}00001`);

      expect(await count('services')).toBe(before.services);
      expect(await count('enrollments')).toBe(before.enrollments - 1);
      const survivor = await t.db.kysely
        .selectFrom('residents')
        .selectAll()
        .where('id', '=', rid(1))
        .executeTakeFirstOrThrow();
      expect(survivor).toMatchObject({ phone: '13800000002', org_code: V1, record_updated: '2019-05-01' });
      expect(
        await t.db.kysely.selectFrom('residents').select('id').where('id', '=', rid(2)).executeTakeFirst(),
      ).toBeUndefined();
      const moved = await t.db.kysely
        .selectFrom('services')
        .selectAll()
        .where('id', '=', extra[0]!)
        .executeTakeFirstOrThrow();
      expect(Number(moved.resident_id)).toBe(rid(1));
      expect(moved.service_key.startsWith(`${V1}00001|elderly_checkup|2020-05-05`)).toBe(true);

      const log = await listMergeLog(t.db, WHOLE_TREE, { orgCode: '620881' });
      expect(log[0]).toMatchObject({
        id: result.mergeId,
        mergedBy: '档案管理员',
        setId: set.id,
        droppedEnrollments: 1,
      });
      const after = (
        await listFindings(t.db, WHOLE_TREE, { rule: 'duplicate_records', status: 'all' })
      ).items.find((i) => i.id === set.id)!;
      expect(after).toMatchObject({ status: 'resolved', resolvedBy: '档案管理员' });

      await runAudits(t.db, WHOLE_TREE, { ...P, rules: ['duplicate_records'] });
      const again = (await listFindings(t.db, WHOLE_TREE, { rule: 'duplicate_records', status: 'all' }))
        .items;
      expect(again.find((i) => i.id === set.id)!.status).toBe('closed');
      expect(again.filter((i) => i.status !== 'closed')).toHaveLength(1);
    });

    it('refuses to merge a closed set or an unknown one, changing nothing', async () => {
      await expect(mergeDuplicateSet(t.db, WHOLE_TREE, { setId: 999_999, by: 'x' })).rejects.toThrow(
        /no duplicate set/,
      );
      const closed = (await listFindings(t.db, WHOLE_TREE, { rule: 'duplicate_records', status: 'closed' }))
        .items[0]!;
      await expect(mergeDuplicateSet(t.db, WHOLE_TREE, { setId: closed.id, by: 'x' })).rejects.toThrow(
        /closed/,
      );
    });
  });
});

describe('audit options', () => {
  it('is covered per dialect above; rule ids are checked before any work', async () => {
    await expect(runAudits({} as Db, WHOLE_TREE, { rules: ['nope'] })).rejects.toThrow(/unknown rule nope/);
  });
});
