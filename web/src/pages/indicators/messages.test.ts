import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../../src/domain/indicators/catalogue';
import { indicatorsMessages } from './messages';

describe('the indicator pages name every programme and period kind of the catalogue', () => {
  const keys = new Set(Object.keys(indicatorsMessages.zh));

  it('has a label for each programme, so none shows as a raw key', () => {
    const missing = [...new Set(INDICATORS.map((i) => `program.${i.program}`))].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it('has a label for each period kind', () => {
    const missing = [...new Set(INDICATORS.map((i) => `period.${i.period}`))].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });
});
