/**
 * What the `users` and `tokens` commands print: aligned text tables (CJK characters take two
 * columns at a terminal), and the reading of a password from standard input.
 */
import { GongweiError } from '../../domain/gongwei-error.js';

/** Terminal width of a string: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/**
 * An aligned table: a header line and one line per row, columns two spaces apart.
 *
 * @example textTable(['用户名 username'], [['zhang']]) // "用户名 username\nzhang\n"
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cols: readonly string[]): string =>
    cols
      .map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/**
 * The password piped to standard input (`--password-stdin`): its one line, without the line
 * end. A password never comes from the command line, where the shell history and `ps` show
 * it; a terminal is refused too, because what is typed there is echoed.
 */
export async function readPasswordFromStdin(
  input: NodeJS.ReadableStream & { readonly isTTY?: boolean } = process.stdin,
): Promise<string> {
  if (input.isTTY)
    throw GongweiError.badRequest(
      {
        zh: '请用管道传入密码，例如：read -rs PW && printf "%s\\n" "$PW" | gongwei users add …',
        en: 'pipe the password in, e.g. read -rs PW && printf "%s\\n" "$PW" | gongwei users add …',
      },
      '--password-stdin',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '')
    throw GongweiError.badRequest(
      { zh: '标准输入中没有密码', en: 'no password on standard input' },
      '--password-stdin',
    );
  if (/[\r\n]/.test(text))
    throw GongweiError.badRequest({ zh: '密码应为一行', en: 'the password is one line' }, '--password-stdin');
  return text;
}
