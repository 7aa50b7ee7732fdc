import { describe, expect, it } from 'vitest';
import { GongweiError } from '../gongwei-error.js';
import { DEFAULT_SCHEME, DEFAULT_SCHEME_JSON } from './default-scheme.js';
import { parseScheme } from './scheme.js';

function issuesOf(value: unknown): string[] {
  try {
    parseScheme(value);
  } catch (e) {
    if (e instanceof GongweiError) return (e.issues ?? []).map((i) => i.field);
    throw e;
  }
  return [];
}

const item = (over: Record<string, unknown>) => ({
  kind: 'indicator',
  id: 'x',
  name: { zh: 'x', en: 'x' },
  points: 5,
  indicator: 'hypertension.standardized_rate',
  target: { source: 'fixed', value: 0.6 },
  scoring: { rule: 'pro_rata' },
  ...over,
});
const scheme = (items: unknown[]) => ({
  code: 's',
  name: { zh: 's', en: 's' },
  sections: [{ id: 'sec', name: { zh: 's', en: 's' }, items }],
});

describe('scheme', () => {
  it('round-trips through JSON unchanged', () => {
    expect(parseScheme(JSON.parse(JSON.stringify(DEFAULT_SCHEME)))).toEqual(DEFAULT_SCHEME);
    expect(JSON.parse(JSON.stringify(DEFAULT_SCHEME_JSON)).code).toBe(DEFAULT_SCHEME.code);
  });

  it('accepts a well-formed item', () => {
    expect(issuesOf(scheme([item({})]))).toEqual([]);
  });

  it('names every problem by its field', () => {
    expect(issuesOf(scheme([item({ indicator: 'nope' })]))).toEqual(['sections.0.items.0.indicator']);
    expect(issuesOf(scheme([item({}), item({})]))).toEqual(['sections.0.items.1.id']);
    expect(issuesOf(scheme([item({ target: { source: 'fixed', value: 60 } })]))).toEqual([
      'sections.0.items.0.target.value',
    ]);
    expect(issuesOf(scheme([item({ scoring: { rule: 'manual' } })]))).toEqual([
      'sections.0.items.0.scoring.rule',
    ]);
    expect(
      issuesOf(
        scheme([item({ target: { source: 'targets' }, scoring: { rule: 'lower_is_better', zeroAt: 0.3 } })]),
      ),
    ).toEqual(['sections.0.items.0.target.source']);
    expect(issuesOf(scheme([item({ scoring: { rule: 'lower_is_better', zeroAt: 0.5 } })]))).toEqual([
      'sections.0.items.0.scoring.zeroAt',
    ]);
    expect(issuesOf(scheme([item({ points: 1.234 })]))).toEqual(['sections.0.items.0.points']);
  });

  it('defaults the basis of a target from the targets module to the milestone', () => {
    const s = parseScheme(scheme([item({ indicator: 'elderly.managed', target: { source: 'targets' } })]));
    expect(s.sections[0]!.items[0]).toMatchObject({ target: { source: 'targets', basis: 'milestone' } });
  });
});
