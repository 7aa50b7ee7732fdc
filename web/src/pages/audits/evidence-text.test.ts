import { describe, expect, it } from 'vitest';
import { evidenceText } from './evidence-text';

describe('the evidence of a finding on one line', () => {
  it('lays out values, lists and nested objects as the server sent them', () => {
    expect(evidenceText({ sbpLeft: 150, sbpRight: 128 })).toBe('sbpLeft: 150; sbpRight: 128');
    expect(evidenceText({ recordNos: ['A1', 'A2'], match: { k: 4 } })).toBe(
      'recordNos: A1, A2; match: {k: 4}',
    );
    expect(evidenceText(null)).toBe('—');
  });
});
