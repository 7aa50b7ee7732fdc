import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/databases.js';
import { IDENTICAL_CHECKUP_RULE, type AuditWindow } from '../../../domain/audits/vocabulary.js';
import { WHOLE_TREE, scopeOfOrg } from '../../orgs/org-scope.js';
import { insertOrgs, insertResidents, insertServices, type ServiceSeed } from '../audits.fixture.js';
import { selectCheckups } from './identical-checkups.js';

const WINDOW: AuditWindow = { from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30' };

describeEachDialect('identical check-ups: the check-ups compared', (t) => {
  it('reads the elderly check-ups of the window and scope with a resident, by id', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201' },
      { no: 2, org: '620881101201' },
      { no: 3, org: '620826105201' },
    ]);
    // Dates falling as the ids rise, so that the order of the dates is not the ids'.
    const dates = ['2020-07-01', '2020-06-30', '2020-04-15', '2020-01-01', '2019-12-31'];
    const seeds: ServiceSeed[] = [];
    for (const resident of ids.values())
      for (const date of dates) {
        seeds.push({ resident, type: 'elderly_checkup', date, sbp: 130, dbp: 80, heartRate: 72, weight: 60 });
        seeds.push({ resident, type: 'hypertension_followup', date, sbp: 130, dbp: 80 });
      }
    const services = await insertServices(t.db, seeds);
    // A check-up of nobody's record (resident removed from the row) is not compared.
    await sql`update services set resident_id = null where id = ${services[4]!}`.execute(t.db.kysely);
    const inWindow = (i: number): boolean => i % 2 === 0 && [1, 2, 3].includes((i / 2) % 5);
    const expected = services.filter((_, i) => inWindow(i) && i !== 4);

    const read = async (org: string | null): Promise<number[]> => {
      const scope = org ? (await scopeOfOrg(t.db.kysely, WHOLE_TREE, org)).scope : WHOLE_TREE;
      const rows = await selectCheckups(
        t.db.kysely,
        IDENTICAL_CHECKUP_RULE.fields,
        'township',
        scope,
        WINDOW,
      );
      return rows.map((r) => r.id);
    };
    expect(await read(null)).toEqual(expected);
    // 华亭市 holds the first two residents' (10 services each), 东华镇 the first one's.
    expect(await read('620881')).toEqual(expected.filter((id) => id < services[20]!));
    expect(await read('620881100')).toEqual(expected.filter((id) => id < services[10]!));
    const [first] = await selectCheckups(
      t.db.kysely,
      IDENTICAL_CHECKUP_RULE.fields,
      'township',
      WHOLE_TREE,
      WINDOW,
    );
    expect(first).toMatchObject({ unit: '620881100', serviceDate: '2020-06-30', orgCode: '620881100201' });
    expect(first!.values.slice(0, 3)).toEqual([130, 80, 72]);
  });
});
