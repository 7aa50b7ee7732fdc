import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../domain/access/permissions.js';
import { disclosureFor } from '../../domain/privacy/masking.js';
import type { StoredResident } from './record-lookups-repository.js';
import { residentView } from './resident-view.js';
import { fixtureResident } from './records.fixture.js';

const stored: StoredResident = {
  ...fixtureResident(1, { name: '陈小明', contactName: '陈大明', contactPhone: '13909335678' }),
  id: 1,
  countyCode: '620881',
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2020-01-01T00:00:00Z',
};

describe('the single-record view of a resident', () => {
  it('shows everything to a role with personal.read', () => {
    const view = residentView(stored, disclosureFor(permissionsOf('team'), { view: 'record' }));
    expect(view).toMatchObject({
      idNumber: '620881195501010011',
      name: '陈小明',
      phone: '13809331234',
      contactName: '陈大明',
      contactPhone: '13909335678',
      birthDate: '1955-01-01',
    });
    expect(view).not.toHaveProperty('id');
  });

  it('masks so that the birth date beside it cannot undo the ID number, for a role without it', () => {
    const view = residentView(stored, disclosureFor(permissionsOf('viewer'), { view: 'record' }));
    expect(view).toMatchObject({
      idNumber: '620881************',
      name: '陈**',
      phone: '138****1234',
      contactName: '陈**',
      contactPhone: '139****5678',
    });
    expect(JSON.stringify(view)).not.toMatch(/小明|0011|3180933/);
  });
});
