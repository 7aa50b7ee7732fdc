import { defineMessages } from '../../i18n/messages';

/** Strings of the dashboard (首页). */
export const dashboardMessages = defineMessages({
  zh: {
    title: '首页',
    keyIndicators: '重点指标',
  },
  en: {
    title: 'Dashboard',
    keyIndicators: 'Key indicators',
  },
});
