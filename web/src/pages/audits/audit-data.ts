/**
 * What the parts of the 质控 page share: a finding as the work list reads it and its page
 * size, the rule catalogue (names in both languages), the
 * key under which every audit answer is cached (so a run or a resolution refreshes them
 * all), and the language of the figures.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import type { Language } from '../../i18n/i18n';

/** A rule as GET /api/audits/rules describes it. */
export type AuditRule =
  paths['/api/audits/rules']['get']['responses'][200]['content']['application/json'][number];

/** A finding of the work list, personal data masked by the server. */
export type Finding =
  paths['/api/audits/findings']['get']['responses'][200]['content']['application/json']['items'][number];

/** Rows a page of the work list, and of a finding's records. */
export const PAGE_SIZE = 20;

/** The first element of every audit query key: invalidating it refreshes the page. */
export const AUDITS_KEY = 'audits';

/** The rule catalogue, cached for the session. */
export function useAuditRules(): { rules: readonly AuditRule[]; nameOf(id: string): string } {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['audit-rules'],
    queryFn: () => answer(api.GET('/api/audits/rules')),
    staleTime: Infinity,
  });
  const rules = query.data ?? [];
  return {
    rules,
    nameOf: (id) => {
      const rule = rules.find((r) => r.id === id);
      if (!rule) return id;
      return i18n.language === 'en' ? rule.name.en : rule.name.zh;
    },
  };
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
