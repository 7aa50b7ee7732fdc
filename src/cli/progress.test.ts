import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileProgress, phaseProgress, type ProgressStream } from './progress.js';

/** A stream that is not a terminal (a log file, CI), keeping what was written. */
function logStream(): { stream: ProgressStream; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('progress without a terminal', () => {
  it('writes one line per phase, not a bar', () => {
    const log = logStream();
    const progress = phaseProgress({ orgs: { zh: '导入区划', en: 'division tree' } }, log.stream);
    for (let i = 0; i <= 100; i++) progress.update('orgs', i, 100);
    for (let i = 0; i <= 50; i++) progress.update('records', i, 50);
    progress.stop();
    expect(log.text()).toBe('导入区划 division tree: 100\nrecords: 50\n');
  });

  it('writes one line per tenth of a file, whatever the number of updates', () => {
    const log = logStream();
    const progress = fileProgress({ zh: '导入', en: 'importing' }, log.stream);
    const total = 10 * 1024 * 1024;
    for (let done = 0; done <= total; done += 64 * 1024) progress.update(done, total);
    progress.stop();
    const lines = log.text().trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('导入 importing: 0% (0.0 of 10.0 MB)');
    expect(lines[3]).toBe('导入 importing: 30% (3.0 of 10.0 MB)');
    expect(lines[10]).toBe('导入 importing: 100% (10.0 of 10.0 MB)');
    expect(log.text()).not.toContain('\r');
  });
});
