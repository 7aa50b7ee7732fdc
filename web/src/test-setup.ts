// jsdom lacks the layout APIs Ant Design asks for; these answer as a wide desktop screen.
// (The browser tests in web/e2e run the real thing in Chromium.)
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { startI18n } from './i18n/i18n';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList,
});
window.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

startI18n('zh-CN');
afterEach(() => cleanup());
