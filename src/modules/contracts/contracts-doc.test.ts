import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_IMPORT_COLUMNS } from '../../domain/contracts/contract-columns.js';
import { CONTRACT_INDICATORS } from '../../domain/contracts/contract-indicators.js';
import { KEY_POPULATIONS } from '../../domain/contracts/contract-rules.js';
import { SERVICE_PACKAGES } from '../../domain/contracts/service-packages.js';

describe('docs/contracts.md', () => {
  const doc = readFileSync(new URL('../../../docs/contracts.md', import.meta.url), 'utf8');
  const section = (title: string): string =>
    doc.split(`### ${title}`)[1]!.split('###')[0]!.split('\n## ')[0]!;

  it('lists every import column of each kind, with whether it is required', () => {
    for (const [kind, title] of [
      ['teams', 'Teams (团队)'],
      ['contracts', 'Contracts (签约)'],
    ] as const) {
      const rows = section(title)
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Column') && !l.startsWith('| ---'))
        .map((l) => l.split('|').map((c) => c.trim()));
      expect(rows.map((r) => [r[1], r[2]])).toEqual(
        CONTRACT_IMPORT_COLUMNS[kind].map((c) => [c.header, c.required ? 'yes' : 'no']),
      );
    }
  });

  it('defines every contract indicator, group and package', () => {
    for (const i of CONTRACT_INDICATORS.filter((x) => !x.id.startsWith('contract_rate_key_')))
      expect(doc).toContain(`\`${i.id}\``);
    for (const g of KEY_POPULATIONS) expect(doc).toContain(`\`${g}\``);
    for (const p of SERVICE_PACKAGES) expect(doc).toContain(`${p.name.zh} \`${p.code}\``);
  });
});
