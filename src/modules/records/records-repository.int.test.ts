import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../test/databases.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { FIXTURE_ORGS, fixtureResident, insertFixtureOrgs } from './records.fixture.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { RecordNotFoundError, RecordsWriteError } from './records-errors.js';
import { endEnrollment, upsertEnrollments } from './enrollments-repository.js';
import { getResidentByRecordNo } from './record-lookups-repository.js';
import { moveResident, recordDeath, recordMoveOut, upsertResidents } from './residents-repository.js';
import { deleteService, upsertServices } from './services-repository.js';

const followup = (
  seq: number,
  date: string,
  sbp: number,
  overrides: Partial<ServiceInput> = {},
): ServiceInput =>
  ({
    serviceNo: null,
    recordNo: fixtureResident(seq).recordNo,
    type: 'hypertension_followup',
    serviceDate: date,
    orgCode: null,
    institution: '城关镇卫生院',
    doctor: null,
    payload: {
      sbp,
      dbp: 85,
      heartRate: null,
      controlled: sbp < 140,
      guidance: true,
      medicationAdherence: 'regular',
      symptoms: null,
    },
    ...overrides,
  }) as ServiceInput;

describeEachDialect('records repository', (t) => {
  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
  });

  describe('residents', () => {
    it('inserts, then updates on the same record number, with the county from the org', async () => {
      const first = await t.db.kysely
        .transaction()
        .execute((trx) => upsertResidents(trx, WHOLE_TREE, [fixtureResident(1), fixtureResident(2)]));
      expect(first).toEqual({ inserted: 2, updated: 0 });
      const again = await t.db.kysely
        .transaction()
        .execute((trx) =>
          upsertResidents(trx, WHOLE_TREE, [fixtureResident(1, { name: '改名' }), fixtureResident(3)]),
        );
      expect(again).toEqual({ inserted: 1, updated: 1 });
      const stored = await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, fixtureResident(1).recordNo);
      expect(stored).toMatchObject({
        name: '改名',
        countyCode: '620881',
        orgCode: FIXTURE_ORGS.village,
        electronic: true,
      });
    });

    it('counts a repeated record number within one batch as an update; the later row wins', async () => {
      const counts = await t.db.kysely
        .transaction()
        .execute((trx) =>
          upsertResidents(trx, WHOLE_TREE, [
            fixtureResident(10, { name: '甲' }),
            fixtureResident(10, { name: '乙' }),
          ]),
        );
      expect(counts).toEqual({ inserted: 1, updated: 1 });
      expect((await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, fixtureResident(10).recordNo))?.name).toBe(
        '乙',
      );
    });

    it('stores a bad ID number as given after normalising full-width digits and blanks', async () => {
      await t.db.kysely
        .transaction()
        .execute((trx) =>
          upsertResidents(trx, WHOLE_TREE, [
            fixtureResident(11, { idNumber: '６２０８８１ 1955 0101 001x' }),
          ]),
        );
      expect(
        (await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, fixtureResident(11).recordNo))?.idNumber,
      ).toBe('62088119550101001X');
    });

    it('refuses the whole batch, naming item and field, and stores nothing of it', async () => {
      const bad = fixtureResident(21, { recordCreated: '2020-02-30' });
      const unknownVillage = fixtureResident(22, {
        orgCode: '620881100299',
        recordNo: '62088110029900022',
      });
      await expect(
        t.db.kysely
          .transaction()
          .execute((trx) => upsertResidents(trx, WHOLE_TREE, [fixtureResident(20), bad])),
      ).rejects.toMatchObject({ problems: [{ index: 1, field: 'recordCreated' }] });
      await expect(
        t.db.kysely.transaction().execute((trx) => upsertResidents(trx, WHOLE_TREE, [unknownVillage])),
      ).rejects.toBeInstanceOf(RecordsWriteError);
      expect(await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, fixtureResident(20).recordNo)).toBeNull();
    });

    it('keeps a stored death date when a later row leaves it empty', async () => {
      await t.db.kysely
        .transaction()
        .execute((trx) => recordDeath(trx, WHOLE_TREE, fixtureResident(2).recordNo, '2020-05-03'));
      await t.db.kysely
        .transaction()
        .execute((trx) => upsertResidents(trx, WHOLE_TREE, [fixtureResident(2)]));
      expect(
        (await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, fixtureResident(2).recordNo))?.deathDate,
      ).toBe('2020-05-03');
    });

    it('records a move-out and a move to another village; unknown record numbers are not found', async () => {
      const recordNo = fixtureResident(3).recordNo;
      await t.db.kysely
        .transaction()
        .execute((trx) => recordMoveOut(trx, WHOLE_TREE, recordNo, '2020-04-01'));
      await t.db.kysely
        .transaction()
        .execute((trx) => moveResident(trx, WHOLE_TREE, recordNo, FIXTURE_ORGS.otherVillage));
      expect(await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, recordNo)).toMatchObject({
        movedOutDate: '2020-04-01',
        orgCode: FIXTURE_ORGS.otherVillage,
        recordNo,
      });
      await expect(
        t.db.kysely
          .transaction()
          .execute((trx) => recordDeath(trx, WHOLE_TREE, '62088110020199999', '2020-01-01')),
      ).rejects.toBeInstanceOf(RecordNotFoundError);
      await expect(
        t.db.kysely.transaction().execute((trx) => moveResident(trx, WHOLE_TREE, recordNo, '620881100299')),
      ).rejects.toBeInstanceOf(RecordsWriteError);
    });
  });

  describe('enrolments', () => {
    it('inserts and updates on (resident, programme, start date); unknown record numbers refuse the batch', async () => {
      const enrol = {
        recordNo: fixtureResident(1).recordNo,
        program: 'hypertension' as const,
        startDate: '2019-05-01',
        endDate: null,
        endReason: null,
        detail: null,
      };
      expect(
        await t.db.kysely.transaction().execute((trx) => upsertEnrollments(trx, WHOLE_TREE, [enrol])),
      ).toEqual({
        inserted: 1,
        updated: 0,
      });
      expect(
        await t.db.kysely
          .transaction()
          .execute((trx) => upsertEnrollments(trx, WHOLE_TREE, [{ ...enrol, endReason: '测试' }])),
      ).toEqual({ inserted: 0, updated: 1 });
      await expect(
        t.db.kysely
          .transaction()
          .execute((trx) =>
            upsertEnrollments(trx, WHOLE_TREE, [enrol, { ...enrol, recordNo: '62088110020199999' }]),
          ),
      ).rejects.toMatchObject({ problems: [{ index: 1, field: 'recordNo' }] });
      await t.db.kysely
        .transaction()
        .execute((trx) =>
          endEnrollment(trx, WHOLE_TREE, enrol.recordNo, 'hypertension', '2020-06-01', '迁出'),
        );
      const row = await t.db.kysely.selectFrom('enrollments').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        county_code: '620881',
        end_date: '2020-06-01',
        end_reason: '迁出',
        program: 'hypertension',
      });
      await expect(
        t.db.kysely
          .transaction()
          .execute((trx) =>
            endEnrollment(trx, WHOLE_TREE, enrol.recordNo, 'hypertension', '2020-06-02', null),
          ),
      ).rejects.toBeInstanceOf(RecordNotFoundError);
    });
  });

  describe('services', () => {
    it('splits hot values into columns and keeps the rest as JSON; re-writing updates', async () => {
      const counts = await t.db.kysely
        .transaction()
        .execute((trx) =>
          upsertServices(trx, WHOLE_TREE, [followup(1, '2020-03-02', 150), followup(1, '2020-06-02', 132)]),
        );
      expect(counts).toEqual({ inserted: 2, updated: 0 });
      const again = await t.db.kysely
        .transaction()
        .execute((trx) => upsertServices(trx, WHOLE_TREE, [followup(1, '2020-03-02', 152)]));
      expect(again).toEqual({ inserted: 0, updated: 1 });
      const rows = await t.db.kysely
        .selectFrom('services')
        .select(['service_key', 'sbp', 'dbp', 'controlled', 'guidance', 'payload', 'org_code', 'county_code'])
        .orderBy('service_date')
        .execute();
      expect(rows).toEqual([
        {
          service_key: `${fixtureResident(1).recordNo}|hypertension_followup|2020-03-02`,
          sbp: 152,
          dbp: 85,
          controlled: 0,
          guidance: 1,
          payload: JSON.stringify({ medicationAdherence: 'regular', symptoms: null }),
          org_code: FIXTURE_ORGS.village,
          county_code: '620881',
        },
        expect.objectContaining({ sbp: 132, controlled: 1 }),
      ]);
    });

    it('stores an activity without a person at its org, and refuses an invalid payload by field', async () => {
      const activity: ServiceInput = {
        serviceNo: null,
        recordNo: null,
        type: 'health_education',
        serviceDate: '2020-04-10',
        orgCode: FIXTURE_ORGS.township,
        institution: null,
        doctor: null,
        payload: { activityKind: 'lecture', participants: 40, topic: '高血压防治' },
      };
      expect(
        await t.db.kysely.transaction().execute((trx) => upsertServices(trx, WHOLE_TREE, [activity])),
      ).toEqual({
        inserted: 1,
        updated: 0,
      });
      const bad = followup(1, '2020-04-02', 999);
      await expect(
        t.db.kysely.transaction().execute((trx) => upsertServices(trx, WHOLE_TREE, [bad])),
      ).rejects.toMatchObject({
        problems: [{ index: 0, field: 'payload.sbp' }],
      });
    });

    it('deletes a service by id', async () => {
      const row = await t.db.kysely
        .selectFrom('services')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(
        await t.db.kysely.transaction().execute((trx) => deleteService(trx, WHOLE_TREE, Number(row.id))),
      ).toBe(true);
      expect(
        await t.db.kysely.transaction().execute((trx) => deleteService(trx, WHOLE_TREE, Number(row.id))),
      ).toBe(false);
    });

    it('writes batches larger than one statement allows', async () => {
      const residents = Array.from({ length: 2500 }, (_, i) => fixtureResident(30_000 + i));
      const counts = await t.db.kysely
        .transaction()
        .execute((trx) => upsertResidents(trx, WHOLE_TREE, residents));
      expect(counts).toEqual({ inserted: 2500, updated: 0 });
      const n = await t.db.kysely
        .selectFrom('residents')
        .select(sql<number>`count(*)`.as('n'))
        .where('record_no', '>=', fixtureResident(30_000).recordNo)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2500);
    });
  });
  describe('org scope', () => {
    const otherVillage = subtreeScope({ code: FIXTURE_ORGS.otherVillage, level: 5, countyCode: '620881' });
    const township = subtreeScope({ code: FIXTURE_ORGS.township, level: 4, countyCode: '620881' });

    it('neither finds nor changes residents outside the scope', async () => {
      const recordNo = fixtureResident(1).recordNo;
      expect(await getResidentByRecordNo(t.db.kysely, otherVillage, recordNo)).toBeNull();
      expect(await getResidentByRecordNo(t.db.kysely, township, recordNo)).toMatchObject({ recordNo });
      await expect(
        t.db.kysely.transaction().execute((trx) => recordDeath(trx, otherVillage, recordNo, '2020-05-03')),
      ).rejects.toBeInstanceOf(RecordNotFoundError);
      await expect(
        t.db.kysely.transaction().execute((trx) => upsertResidents(trx, otherVillage, [fixtureResident(40)])),
      ).rejects.toMatchObject({ problems: [{ index: 0, field: 'orgCode' }] });
      await expect(
        t.db.kysely
          .transaction()
          .execute((trx) => upsertServices(trx, otherVillage, [followup(1, '2020-07-01', 130)])),
      ).rejects.toMatchObject({ problems: [{ index: 0, field: 'recordNo' }] });
      expect(await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, recordNo)).toMatchObject({
        deathDate: null,
      });
      expect(await getResidentByRecordNo(t.db.kysely, WHOLE_TREE, fixtureResident(40).recordNo)).toBeNull();
    });

    it('deletes a service only within the scope', async () => {
      const row = await t.db.kysely
        .selectFrom('services')
        .select('id')
        .where('org_code', '=', FIXTURE_ORGS.village)
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      expect(await t.db.kysely.transaction().execute((trx) => deleteService(trx, otherVillage, id))).toBe(
        false,
      );
      expect(await t.db.kysely.transaction().execute((trx) => deleteService(trx, township, id))).toBe(true);
    });
  });
});
