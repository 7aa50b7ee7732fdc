/**
 * What the parts of the 通报 page share: the cache key of the archive and schedules, the
 * archived bulletin's type, and the sizes of files as a user reads them.
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import type { Language } from '../../i18n/i18n';

/** An archived bulletin as GET /api/bulletins lists it. */
export type ArchivedBulletin =
  paths['/api/bulletins']['get']['responses'][200]['content']['application/json'][number];

/** The first element of every bulletin query key. */
export const BULLETINS_KEY = 'bulletins';

/** The file formats a bulletin is generated in. */
export const BULLETIN_FORMATS = ['docx', 'html'] as const;

/** How often a schedule generates a bulletin. */
export const SCHEDULE_EVERY = ['quarter', 'month', 'xun'] as const;

/**
 * A file size in KB (one decimal below 10 KB).
 *
 * @example fileSize(2048) // '2.0 KB'
 * @example fileSize(123456) // '121 KB'
 */
export function fileSize(bytes: number): string {
  const kb = bytes / 1024;
  return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
}

/**
 * The address of an archived bulletin's file, and the name to save it under when the
 * server names none.
 */
export function bulletinFile(b: { readonly id: number; readonly format: string }): {
  path: string;
  name: string;
} {
  return { path: `/api/bulletins/${b.id}/download`, name: `bulletin-${b.id}.${b.format}` };
}

/** The UI's language as the figure formatters name it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** A refusal or failure as the user reads it, in the UI's language. */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof ApiError) return error.messageIn(language === 'en' ? 'en' : 'zh');
  return error instanceof Error ? error.message : String(error);
}
