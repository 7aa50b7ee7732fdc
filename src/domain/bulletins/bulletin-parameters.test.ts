import { describe, expect, it } from 'vitest';
import { GongweiError } from '../gongwei-error.js';
import { parseCompareTo, parseThresholdList } from './bulletin-parameters.js';

describe('parseThresholdList', () => {
  it('reads rules per section with aliases', () => {
    expect(parseThresholdList('records=0.9, elderly=target，children0to6=lowest:2,tb=reference')).toEqual({
      records: { kind: 'threshold', threshold: 0.9 },
      elderly: { kind: 'target' },
      child: { kind: 'lowest', count: 2 },
      tuberculosis: { kind: 'reference' },
    });
    expect(parseThresholdList('')).toEqual({});
  });
  it('names the bad item', () => {
    expect(() => parseThresholdList('records')).toThrow(/"records"/);
    expect(() => parseThresholdList('vaccines=0.9')).toThrow(/unknown section vaccines/);
    expect(() => parseThresholdList('records=high')).toThrow(/"high"/);
  });
});

describe('parseCompareTo', () => {
  it.each([
    ['620000', { code: '620000' }],
    ['620000=92.73%', { code: '620000', rate: 0.9273 }],
    ['620000=0.9273', { code: '620000', rate: 0.9273 }],
    ['92.73%', { rate: 0.9273 }],
    ['0.9', { rate: 0.9 }],
  ])('%s', (text, value) => expect(parseCompareTo(text)).toEqual(value));
  it('rejects what it cannot read', () => {
    expect(() => parseCompareTo('province')).toThrow(/"province"/);
    expect(() => parseCompareTo('620000=120%')).toThrow(/0\.\.1/);
    expect(() => parseCompareTo('')).toThrow(GongweiError);
  });
});
