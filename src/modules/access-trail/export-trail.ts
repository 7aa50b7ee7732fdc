/**
 * Writing access-trail rows out: an export of a time range (CSV for people, JSON lines for
 * programs) and an archive — the chain from its first row up to a date, as JSON lines that
 * `gongwei access-log verify --archive` checks. Neither removes anything: no code path
 * deletes trail rows (docs/access-trail.md, ADR 0013).
 */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.js';
import { firstBrokenLink } from '../../domain/access/trail-chain.js';
import type { TrailTimeRange } from '../../domain/access/trail-rules.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { OrgScope } from '../orgs/org-scope.js';
import {
  listTrail,
  readChainRecords,
  toStoredTrailRow,
  TRAIL_COLUMNS,
  type TrailRecord,
} from './trail-repository.js';
import { VERIFY_PAGE_SIZE, type ChainPoint } from './verify-trail.js';

/** The formats of an export. */
export const TRAIL_EXPORT_FORMATS = ['csv', 'jsonl'] as const;

/** `csv` (a header line, then one line per row) or `jsonl` (one JSON object per line). */
export type TrailExportFormat = (typeof TRAIL_EXPORT_FORMATS)[number];

/** Writes `text`, waiting while the stream's buffer is full. */
async function write(out: Writable, text: string): Promise<void> {
  if (text.length > 0 && !out.write(text)) await once(out, 'drain');
}

function jsonLines(rows: readonly TrailRecord[]): string {
  return rows.map((row) => `${JSON.stringify(row, TRAIL_COLUMNS as unknown as string[])}\n`).join('');
}

function csvLines(rows: readonly TrailRecord[], header: boolean): string {
  return stringify(
    rows.map((row) => TRAIL_COLUMNS.map((column) => row[column])),
    header ? { header: true, columns: [...TRAIL_COLUMNS] } : {},
  );
}

/**
 * Writes the trail rows in `scope` whose time lies in `range` to `out`, oldest first, a page
 * at a time; returns how many. Every column is written, hashes included.
 *
 * @example
 * const rows = await exportTrail(db, OPERATOR_SCOPE, { fromAt, beforeAt }, 'csv', process.stdout);
 */
export async function exportTrail(
  db: Db,
  scope: OrgScope,
  range: TrailTimeRange,
  format: TrailExportFormat,
  out: Writable,
  options: { readonly pageSize?: number } = {},
): Promise<number> {
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  let afterId = 0;
  let count = 0;
  // A CSV file has its header even when no row falls in the range.
  if (format === 'csv') await write(out, csvLines([], true));
  for (;;) {
    const rows = await listTrail(db.kysely, scope, range, {
      order: 'oldest-first',
      afterId,
      limit: pageSize,
    });
    if (rows.length === 0) return count;
    await write(out, format === 'csv' ? csvLines(rows, false) : jsonLines(rows));
    count += rows.length;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** What an archive holds. */
export interface TrailArchive {
  readonly rows: number;
  /** The first row archived and the hash it links to (CHAIN_START unless rows were removed). */
  readonly first: { readonly id: number; readonly previousHash: string };
  /** The last row archived: the row the table's next row links to. */
  readonly last: ChainPoint;
}

/**
 * Writes the chain from the table's first row up to (not including) the first row stamped
 * at or after `beforeAt` to `file`, as JSON lines, checking every link on the way. The file
 * appears only when complete and intact: a broken link is refused naming its row, and
 * nothing is written. An archive removes nothing; it is the first step of the procedure of
 * docs/access-trail.md for taking rows older than the retention out of the database.
 *
 * @example
 * const archive = await archiveTrail(db, '2026-01-01T00:00:00.000Z', 'trail-2025.jsonl');
 */
export async function archiveTrail(
  db: Db,
  beforeAt: string,
  file: string,
  options: { readonly pageSize?: number } = {},
): Promise<TrailArchive> {
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  let first: TrailArchive['first'] | null = null;
  let last: ChainPoint | null = null;
  let rows = 0;
  try {
    let afterId = 0;
    let previous: string | null = null;
    for (let done = false; !done;) {
      const page = await readChainRecords(db.kysely, afterId, pageSize);
      const cut = page.findIndex((row) => row.at >= beforeAt);
      const kept = cut < 0 ? page : page.slice(0, cut);
      done = cut >= 0 || page.length < pageSize;
      if (kept.length === 0) break;
      const chain = kept.map(toStoredTrailRow);
      // The first archived row may follow rows archived and removed before: it links on.
      previous ??= chain[0]!.previousHash;
      const broken = firstBrokenLink(chain, previous);
      if (broken)
        throw new GongweiError('conflict', {
          zh: `访问日志在 id ${broken.id} 处链接断裂（${broken.reason}），未归档；请先运行 gongwei access-log verify`,
          en: `the access trail is broken at id ${broken.id} (${broken.reason}); nothing archived — run gongwei access-log verify`,
        });
      first ??= { id: chain[0]!.id, previousHash: chain[0]!.previousHash };
      await write(out, jsonLines(kept));
      rows += kept.length;
      last = { id: chain[chain.length - 1]!.id, hash: chain[chain.length - 1]!.hash };
      afterId = last.id;
      previous = last.hash;
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
  if (first === null || last === null) {
    rmSync(partial, { force: true });
    throw GongweiError.unprocessable(
      { zh: '该日期之前没有访问日志', en: 'no access-trail rows before that date' },
      '--before',
    );
  }
  renameSync(partial, file);
  return { rows, first, last };
}
