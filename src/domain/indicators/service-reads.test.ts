import { describe, expect, it } from 'vitest';
import { payloadFields, serviceFact, serviceReadsOf } from './service-reads.js';

const reads = serviceReadsOf([
  { reads: [{ type: 'tb_followup', payload: { medicationRegular: 'boolean' } }, { type: 'child_visit' }] },
]);

describe('service reads', () => {
  it('keep the declared payload fields of their declared kind only', () => {
    const fields = reads.payloadFields.get('tb_followup');
    expect(payloadFields('{"medicationRegular":true,"other":1}', fields)).toEqual({
      medicationRegular: true,
    });
    expect(payloadFields('{"medicationRegular":"yes"}', fields)).toEqual({});
    expect(payloadFields('not json', fields)).toEqual({});
    expect(payloadFields('{"medicationRegular":true}', undefined)).toEqual({});
    expect(payloadFields(null, fields)).toEqual({});
  });

  it('turn a loaded row into the service the rules read, numbers as numbers', () => {
    const row = {
      id: 3,
      residentId: 9,
      type: 'tb_followup',
      date: '2020-03-01',
      sbp: '130' as unknown as number,
      dbp: null,
      fastingGlucose: null,
      controlled: 1,
      guidance: null,
      payload: '{"medicationRegular":false}',
    };
    expect(serviceFact(row, reads)).toEqual({
      id: 3,
      type: 'tb_followup',
      date: '2020-03-01',
      sbp: 130,
      dbp: null,
      fastingGlucose: null,
      controlled: 1,
      guidance: null,
      payload: { medicationRegular: false },
    });
    expect(serviceFact({ ...row, type: 'child_visit' }, reads).payload).toEqual({});
    expect(reads.everyType).toBe(false);
    expect(reads.types).toEqual(['child_visit', 'tb_followup']);
  });
});
