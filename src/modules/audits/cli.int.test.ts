import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/run-cli.js';
import { openDatabase } from '../../db/database.js';
import { insertOrgs, insertResidents, insertServices, validId } from './audits.fixture.js';
import { registerAuditCommands } from './cli.js';
import { auditRulesMarkdown } from './rules/rules-doc.js';

// The CLI only translates; the use-cases are tested on both dialects. End to end on SQLite.
const dir = mkdtempSync(join(tmpdir(), 'gongwei-audit-cli-'));
const file = join(dir, 'cli.sqlite');

const run = (args: string[]): Promise<CliRun> =>
  runCli(registerAuditCommands, ['audit', ...args, '--db', file]);

/** A full 18-digit ID number: never in a work list or its exports. */
const ID_NUMBER = /(?<![\d.])\d{17}[\dXx](?![\dXx])/;

/** What the command line records as who resolved or merged. */
const OPERATOR = `operator:${userInfo().username}`;

describe('gongwei audit', () => {
  beforeAll(async () => {
    const db = await openDatabase({ file });
    await insertOrgs(db);
    const id = validId('62088119500101001');
    const r = await insertResidents(db, [
      { no: 1, org: '620881100201', idNumber: id },
      { no: 2, org: '620881100202', idNumber: id },
    ]);
    await insertServices(db, [
      { resident: r.get(1)!, type: 'elderly_checkup', date: '2020-04-10', sbp: 130, dbp: 80, sbpRight: 141 },
    ]);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs and prints JSON: one object per finding and a summary per rule and org', async () => {
    const { out, error } = await run(['--org', '620881', '--period', '2020Q2', '--format', 'json']);
    expect(error).toBeNull();
    const doc = JSON.parse(out) as {
      summary: {
        rules: { rule: string; found: number }[];
        orgs: { org: string; rule: string; count: number }[];
      };
      findings: { rule: string }[];
    };
    expect(doc.summary.rules.find((r) => r.rule === 'arm_bp_difference')!.found).toBe(1);
    expect(doc.summary.orgs).toContainEqual(
      expect.objectContaining({ org: '620881100', rule: 'duplicate_records', count: 1 }),
    );
    expect(out).not.toMatch(ID_NUMBER);
    expect(out).toContain('"name":"居**"');
    expect(doc.findings.map((f) => f.rule).sort()).toEqual([
      'arm_bp_difference',
      'duplicate_records',
      'unused_records',
    ]);
  });

  it('prints CSV with one row per finding', async () => {
    const { out, error } = await run([
      '--rules',
      'arm_bp_difference',
      '--as-of',
      '2020-06-30',
      '--format',
      'csv',
    ]);
    expect(error).toBeNull();
    const rows = parse(out, { columns: true }) as { rule: string; severity: string }[];
    expect(rows).toEqual([
      expect.objectContaining({
        rule: 'arm_bp_difference',
        severity: 'warning',
        name: '居**',
        idNumber: expect.stringMatching(/^620881\*{8}\d{3}[\dX]$/),
      }),
    ]);
    expect(out).not.toMatch(ID_NUMBER);
  });

  it('lists the records of an unused_records finding, masked; refuses a finding of another rule', async () => {
    const list = await run(['list', '--org', '620881', '--rule', 'unused_records', '--format', 'json']);
    const [finding] = (JSON.parse(list.out) as { items: { id: number; org: string; weight: number }[] })
      .items;
    expect(finding).toMatchObject({ org: '620881100202', weight: 1 });
    const records = await run(['records', String(finding!.id), '--all', '--format', 'csv']);
    expect(records.error).toBeNull();
    expect(parse(records.out, { columns: true })).toEqual([
      expect.objectContaining({ recordNo: '62088110020200002', name: '居**', lastService: '' }),
    ]);
    expect(records.out).not.toMatch(ID_NUMBER);
    const arm = await run(['list', '--org', '620881', '--rule', 'arm_bp_difference', '--format', 'json']);
    const armId = String((JSON.parse(arm.out) as { items: { id: number }[] }).items[0]!.id);
    expect(String((await run(['records', armId])).error)).toMatch(/not an unused_records finding/);
    expect(String((await run(['records', '99999'])).error)).toMatch(/no such finding/);
  });

  it('resolves a finding as the local operator; --by names no one', async () => {
    const list = await run(['list', '--org', '620881', '--rule', 'arm_bp_difference', '--format', 'json']);
    const id = String((JSON.parse(list.out) as { items: { id: number }[] }).items[0]!.id);
    const named = await run(['resolve', id, '--by', '李医生']);
    expect(String(named.error)).toMatch(/unknown option '--by'/);
    const resolved = await run(['resolve', id, '--note', '已重测']);
    expect(resolved.error).toBeNull();
    expect(resolved.out).toBe(`finding ${id}: resolved by ${OPERATOR}\n`);
    const reopened = await run(['resolve', id, '--reopen']);
    expect(reopened.out).toBe(`finding ${id}: open\n`);
  });

  it('merges a set by id as the local operator and shows it in the merge log', async () => {
    const sets = await run(['sets', '--org', '620881']);
    const setId = /^(\d+)\s/m.exec(sets.out.split('\n').slice(2).join('\n'))![1]!;
    expect(String((await run(['merge', setId, '--by', 'tester'])).error)).toMatch(/unknown option '--by'/);
    const merged = await run(['merge', setId]);
    expect(merged.error).toBeNull();
    expect(merged.out).toMatch(/merged into 62088110020100001/);
    const log = await run(['merge-log', '--format', 'json']);
    expect(JSON.parse(log.out)[0]).toMatchObject({
      mergedBy: OPERATOR,
      absorbedRecordNos: ['62088110020200002'],
    });
  });

  it('fails with a one-line reason on bad options', async () => {
    expect(String((await run(['--rules', 'nope'])).error)).toMatch(/unknown rule nope/);
    expect(String((await run(['--period', '2020Q9'])).error)).toMatch(/--period/);
    expect(String((await run(['counts'])).error)).toMatch(/--org/);
    expect(String((await run(['merge', '999'])).error)).toMatch(/no duplicate set/);
  });

  it('prints the rules: their tables for docs/audits.md, or their defaults', async () => {
    const markdown = await run(['rules', '--format', 'markdown']);
    expect(markdown.error).toBeNull();
    expect(markdown.out).toBe(`${auditRulesMarkdown()}\n`);
    const json = await run(['rules', '--format', 'json']);
    expect(JSON.parse(json.out)).toContainEqual(
      expect.objectContaining({ id: 'arm_bp_difference', parameters: { flagOver: 10, remeasureOver: 20 } }),
    );
    expect(String((await run(['rules', '--format', 'csv'])).error)).toMatch(/--format/);
  });
});
