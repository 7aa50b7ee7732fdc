/**
 * Hand-made candidates for the tests of the rules' judgements: no database, only the rows a
 * candidate query would return.
 */
import type { AuditWindow, CheckupValueField } from '../../../domain/audits/vocabulary.js';
import type { ServiceRow } from './candidate-repository.js';

/** The window of a Q2 2020 run (year to date). */
export const Q2_2020: AuditWindow = { from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30' };

/** A service of 东华村 (华亭市) on 2020-04-10 with the given values; every other value missing. */
export function serviceRow(
  id: number,
  values: Partial<Record<CheckupValueField, number>> = {},
  more: Partial<Omit<ServiceRow, 'values'>> = {},
): ServiceRow {
  return {
    id,
    residentId: id + 1000,
    type: 'elderly_checkup',
    serviceDate: '2020-04-10',
    orgCode: '620881100201',
    countyCode: '620881',
    institution: '东华镇卫生院',
    values: {
      sbp: null,
      dbp: null,
      sbp_right: null,
      dbp_right: null,
      heart_rate: null,
      fasting_glucose: null,
      weight: null,
      waist: null,
      ...values,
    },
    controlled: null,
    guidance: null,
    ...more,
  };
}
