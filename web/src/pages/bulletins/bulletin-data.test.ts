import { describe, expect, it } from 'vitest';
import { bulletinFile, fileSize } from './bulletin-data';

describe('bulletin files', () => {
  it('names the download of an archived bulletin', () => {
    expect(bulletinFile({ id: 12, format: 'docx' })).toEqual({
      path: '/api/bulletins/12/download',
      name: 'bulletin-12.docx',
    });
  });

  it('gives sizes in KB', () => {
    expect(fileSize(2048)).toBe('2.0 KB');
    expect(fileSize(123456)).toBe('121 KB');
  });
});
