/**
 * Masks what looks like an ID number (15 or 18 characters, region kept) or a mobile phone
 * (11 digits, first 3 kept) in text bound for the log. Record numbers (17) and org codes
 * (6, 9, 12 digits) are left alone.
 *
 * @example maskIdentifiers('/api/residents/620881195501010011') // '/api/residents/620881************'
 */
export function maskIdentifiers(text: string): string {
  return text
    .replace(/(?<![\dXx])(\d{6})(\d{11}[\dXx]|\d{9})(?![\dXx])/g, (_m, head: string, rest: string) =>
      head.concat('*'.repeat(rest.length)),
    )
    .replace(/(?<!\d)(1\d{2})\d{8}(?!\d)/g, '$1********');
}

/** The path of a request URL, without its query string, identifiers masked. */
export function maskedPath(url: string): string {
  return maskIdentifiers(url.split('?')[0]!);
}
