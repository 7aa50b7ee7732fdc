import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../i18n/i18n';
import { LoginPage } from './LoginPage';
import { SessionProvider } from './session';

function renderLogin(): void {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider>
        <LoginPage />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('the log-in page', () => {
  it('is in Chinese by default and names the missing fields', async () => {
    await changeLanguage('zh-CN');
    renderLogin();
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
  });

  it('switches to English', async () => {
    await changeLanguage('zh-CN');
    renderLogin();
    await userEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    await changeLanguage('zh-CN');
  });
});
