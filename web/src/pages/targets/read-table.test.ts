import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv, withHeader } from './read-table';

describe('reading a hand-made table', () => {
  it('splits CSV with quotes, doubled quotes, CR LF and a byte-order mark', () => {
    expect(parseCsv('\uFEFF区域,"a,b"\r\n老城区,"say ""hi"""\r\n,1\n')).toEqual([
      ['区域', 'a,b'],
      ['老城区', 'say "hi"'],
      [null, '1'],
    ]);
  });

  it('reads UTF-8, and GBK when the bytes are not UTF-8', () => {
    const utf8 = new TextEncoder().encode('区域').buffer;
    expect(decodeCsv(utf8)).toBe('区域');
    // 区域 in GBK: C7 F8 D3 F2
    expect(decodeCsv(new Uint8Array([0xc7, 0xf8, 0xd3, 0xf2]).buffer)).toBe('区域');
  });

  it('skips title rows above the header and empty rows below it', () => {
    const table = withHeader(
      [
        ['玉门市2011年上半年任务分解表'],
        [],
        ['区域', 'elderly:基数'],
        ['老城区', 2650],
        [null, ' '],
        ['新城区'],
      ],
      ['区域', 'area'],
    );
    expect(table).toEqual({
      headers: ['区域', 'elderly:基数'],
      rows: [
        ['老城区', 2650],
        ['新城区', null],
      ],
    });
    expect(withHeader([['Area', 'x']], ['区域', 'area'])?.headers).toEqual(['Area', 'x']);
    expect(withHeader([['单位']], ['区域'])).toBeNull();
  });
});
