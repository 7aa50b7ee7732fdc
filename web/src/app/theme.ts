import type { ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';

/**
 * The UI's Ant Design theme, tuned to the WCAG AA contrast ratio (4.5:1) that the browser
 * tests check with axe-core: the default secondary and tertiary text (45 % black) falls below
 * it on the layout's grey; 62–65 % black passes and is easier to read for everyone.
 * ProLayout sets its own theme for what it frames, so the layout applies this again inside.
 */
export const THEME: ThemeConfig = {
  token: {
    // Ant Design's blue (#1677ff) under white button text, and its green on white, fall below
    // the 4.5:1 ratio; the next shades of the same palettes pass.
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorError: '#cf1322',
    // Tints derived from the darker seeds look muddy; keep the palettes' lightest shades.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
  },
};

/**
 * Ant Design's own words (date pickers, pagination, empty tables) in the UI's language.
 * ProLayout frames the pages with its own provider, so the layout applies this again inside.
 */
export function antLocale(language: string): Locale {
  return language === 'en' ? enUS : zhCN;
}
