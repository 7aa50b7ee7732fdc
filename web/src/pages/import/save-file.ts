/**
 * Saves a file the page already holds (a Blob the server answered to a POST) under `name`.
 *
 * @example saveFile(blob, '居民.csv.rejected.csv');
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
