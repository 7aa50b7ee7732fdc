/**
 * Progress on standard error for long commands (demo, import). At a terminal it draws a
 * cli-progress bar; without one (a log file, CI, a pipe) a bar would be a stream of
 * carriage returns, so it writes one readable line per step instead.
 */
import cliProgress from 'cli-progress';
import type { LocalizedText } from '../domain/gongwei-error.js';

/** Where progress goes: standard error, or a buffer in tests. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/** Progress through named phases, each with its own count. */
export interface PhaseProgress {
  /** Reports `done` of `total` in `phase`; a new phase starts a new bar or line. */
  update(phase: string, done: number, total: number): void;
  /** Ends the current bar (idempotent). */
  stop(): void;
}

/** Progress through one file read in bytes. */
export interface FileProgress {
  /** Reports `done` of `total` bytes. */
  update(done: number, total: number): void;
  /** Ends the bar (idempotent). */
  stop(): void;
}

const label = (text: LocalizedText): string => `${text.zh} ${text.en}`;

function bar(stream: ProgressStream, format: string, total: number, done: number): cliProgress.SingleBar {
  const b = new cliProgress.SingleBar(
    { stream, format, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, done);
  return b;
}

/**
 * A bar per phase at a terminal; otherwise one line per phase, `<label>: <total>`.
 *
 * @param names the label of each phase ({zh, en}); an unnamed phase is printed as is
 * @example
 * const progress = phaseProgress({ orgs: { zh: '导入区划', en: 'division tree' } });
 * await generateDemo(db, { onProgress: progress.update }).finally(progress.stop);
 */
export function phaseProgress(
  names: Readonly<Record<string, LocalizedText>>,
  stream: ProgressStream = process.stderr,
): PhaseProgress {
  let current: cliProgress.SingleBar | null = null;
  let phase: string | null = null;
  const stop = (): void => {
    current?.stop();
    current = null;
  };
  return {
    update(next, done, total) {
      if (next !== phase) {
        stop();
        phase = next;
        const name = names[next] ? label(names[next]) : next;
        if (stream.isTTY) current = bar(stream, `${name} [{bar}] {percentage}% {value}/{total}`, total, done);
        else stream.write(`${name}: ${total}\n`);
      }
      current?.update(done);
    },
    stop,
  };
}

/**
 * A bar at a terminal; otherwise one line per tenth of the file,
 * `<label>: 30% (3.1 of 10.4 MB)`.
 *
 * @example
 * const progress = fileProgress({ zh: '导入', en: 'importing' });
 * await importFile(db, scope, kind, file, { onProgress: progress.update }).finally(progress.stop);
 */
export function fileProgress(name: LocalizedText, stream: ProgressStream = process.stderr): FileProgress {
  let current: cliProgress.SingleBar | null = null;
  let lastTenth = -1;
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  return {
    update(done, total) {
      if (stream.isTTY) {
        current ??= bar(stream, `${label(name)} [{bar}] {percentage}% | {eta}s`, total, done);
        current.update(done);
        return;
      }
      const tenth = total > 0 ? Math.min(10, Math.floor((done * 10) / total)) : 10;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label(name)}: ${tenth * 10}% (${mb(done)} of ${mb(total)} MB)\n`);
    },
    stop() {
      current?.stop();
      current = null;
    },
  };
}
