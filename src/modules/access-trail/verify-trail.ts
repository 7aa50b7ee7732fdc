/**
 * Checking the access trail's hash chain: the table in id order, a page at a time (keyset,
 * so memory stays flat however long the trail), and the archive files that hold rows taken
 * out of it (docs/access-trail.md).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Db } from '../../db/database.js';
import { CHAIN_START, firstBrokenLink, type StoredTrailRow } from '../../domain/access/trail-chain.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { readChainPage, toStoredTrailRow, trailHashOf, type TrailRecord } from './trail-repository.js';

/** Rows read per page: ~5 MB of rows, a few hundred milliseconds of hashing. */
export const VERIFY_PAGE_SIZE = 10_000;

/** A row of the chain by its id and hash: where a check ends, or where the next one starts. */
export interface ChainPoint {
  readonly id: number;
  readonly hash: string;
}

/** Why a link is broken. */
export type BrokenReason =
  /** The row's previous_hash is not the hash of the row before it (removed, inserted, reordered). */
  | 'previous_hash'
  /** The row's hash is not the hash of its content (edited). */
  | 'hash'
  /** The table's copy of an archive's last row differs from the archive's. */
  | 'archive_link';

/** The first broken link: the row's id, why, and where it was read. */
export interface BrokenLink {
  readonly id: number;
  readonly reason: BrokenReason;
  /** `table`, or the archive file's name. */
  readonly source: string;
}

/** What a check found. */
export interface ChainCheck {
  /** Rows checked. */
  readonly rows: number;
  /** The last row checked, whose hash the next segment must link to; null when none. */
  readonly last: ChainPoint | null;
  readonly broken: BrokenLink | null;
}

/** Where a check starts: after row `afterId`, the next row linking to `hash`. */
export interface ChainStart {
  readonly afterId: number;
  readonly hash: string;
}

/** The start of the whole chain: before the first row, which links to CHAIN_START. */
export const WHOLE_CHAIN: ChainStart = { afterId: 0, hash: CHAIN_START };

/** Checks `rows` (one page) after `previous`; adds to the running `check`. */
function checkPage(
  check: { rows: number; last: ChainPoint | null },
  rows: readonly StoredTrailRow[],
  previous: string,
  source: string,
): BrokenLink | null {
  const broken = firstBrokenLink(rows, previous);
  if (broken) return { ...broken, source };
  check.rows += rows.length;
  const last = rows[rows.length - 1];
  if (last) check.last = { id: last.id, hash: last.hash };
  return null;
}

/**
 * Checks the chain of the access-trail table, in id order, a page at a time: every row must
 * link to the one before and hash to its own content. Starts at the first row (which must
 * link to CHAIN_START), or after an archive's last row (`start`).
 *
 * @example
 * const check = await verifyTrail(db);
 * if (check.broken) console.log(`broken at id ${check.broken.id}: ${check.broken.reason}`);
 */
export async function verifyTrail(
  db: Db,
  options: { readonly start?: ChainStart; readonly pageSize?: number } = {},
): Promise<ChainCheck> {
  const start = options.start ?? WHOLE_CHAIN;
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  const check = { rows: 0, last: null as ChainPoint | null };
  let afterId = start.afterId;
  let previous = start.hash;
  for (;;) {
    const rows = await readChainPage(db.kysely, afterId, pageSize);
    if (rows.length === 0) return { ...check, broken: null };
    const broken = checkPage(check, rows, previous, 'table');
    if (broken) return { ...check, broken };
    afterId = check.last!.id;
    previous = check.last!.hash;
  }
}

/**
 * Checks archive files (`gongwei access-log archive`, JSON lines of stored rows) in the order
 * given, the first from CHAIN_START and each from the last hash of the one before, then the
 * table from the last archive's last row. The rows the table still holds up to that row are
 * not read again: the archive speaks for them, and the table's copy of its last row must
 * carry the same hash.
 *
 * @example
 * const check = await verifyWithArchives(db, ['trail-2025.jsonl', 'trail-2026h1.jsonl']);
 */
export async function verifyWithArchives(
  db: Db,
  files: readonly string[],
  options: { readonly pageSize?: number } = {},
): Promise<{ archives: ChainCheck; table: ChainCheck }> {
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  const archives = { rows: 0, last: null as ChainPoint | null };
  for (const file of files) {
    const broken = await checkArchiveFile(archives, file, pageSize);
    if (broken) return { archives: { ...archives, broken }, table: { rows: 0, last: null, broken: null } };
  }
  if (archives.last === null)
    return { archives: { ...archives, broken: null }, table: await verifyTrail(db) };
  const stored = await trailHashOf(db.kysely, archives.last.id);
  if (stored !== null && stored !== archives.last.hash)
    return {
      archives: { ...archives, broken: null },
      table: {
        rows: 0,
        last: null,
        broken: { id: archives.last.id, reason: 'archive_link', source: 'table' },
      },
    };
  const table = await verifyTrail(db, {
    start: { afterId: archives.last.id, hash: archives.last.hash },
    pageSize,
  });
  return { archives: { ...archives, broken: null }, table };
}

async function checkArchiveFile(
  check: { rows: number; last: ChainPoint | null },
  file: string,
  pageSize: number,
): Promise<BrokenLink | null> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let page: StoredTrailRow[] = [];
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo += 1;
      if (line.trim() === '') continue;
      page.push(archiveRow(line, file, lineNo));
      if (page.length >= pageSize) {
        const broken = checkPage(check, page, check.last?.hash ?? CHAIN_START, file);
        if (broken) return broken;
        page = [];
      }
    }
  } catch (error) {
    if (error instanceof GongweiError) throw error;
    throw GongweiError.badRequest(
      { zh: `无法读取归档文件 ${file}`, en: `cannot read the archive file ${file}` },
      '--archive',
    );
  }
  return checkPage(check, page, check.last?.hash ?? CHAIN_START, file);
}

function archiveRow(line: string, file: string, lineNo: number): StoredTrailRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = null;
  }
  const record = value as Partial<TrailRecord> | null;
  if (
    record === null ||
    typeof record !== 'object' ||
    typeof record.id !== 'number' ||
    typeof record.hash !== 'string' ||
    typeof record.previous_hash !== 'string'
  )
    throw GongweiError.badRequest(
      {
        zh: `归档文件 ${file} 第 ${lineNo} 行不是访问日志行`,
        en: `line ${lineNo} of the archive file ${file} is not an access-trail row`,
      },
      '--archive',
    );
  return toStoredTrailRow(record as TrailRecord);
}
