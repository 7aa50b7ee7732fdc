import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { ServiceForm } from './EntryPage';

const TODAY = '2026-12-05';

function renderForm(form: 'hypertension_followup' | 'elderly_checkup'): void {
  const client = new QueryClient();
  const wrap = (children: ReactNode): ReactNode => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  render(wrap(<ServiceForm form={form} today={TODAY} />));
}

const type = (id: string, value: string): void => {
  fireEvent.change(document.getElementById(`entry-${id}`)!, { target: { value } });
};

describe('the entry forms', () => {
  it('refuses a systolic out of the physiological range as it is typed, naming the field', async () => {
    await changeLanguage('zh-CN');
    renderForm('hypertension_followup');
    type('recordNo', '62088110020100001');
    type('sbp', '270');
    type('dbp', '90');
    expect(screen.getAllByText(/sbp 超出生理范围（60–260）/).length).toBeGreaterThan(0);
  });

  it('asks for guidance when the reading is not controlled (English)', async () => {
    await changeLanguage('en');
    renderForm('hypertension_followup');
    type('recordNo', '62088110020100001');
    type('sbp', '150');
    type('dbp', '95');
    expect(screen.getAllByText(/guidance or a referral must be given/).length).toBeGreaterThan(0);
    await changeLanguage('zh-CN');
  });

  it('warns about a left–right difference over 10 mmHg with a box to acknowledge it, and refuses over 20 without advice', async () => {
    await changeLanguage('zh-CN');
    renderForm('elderly_checkup');
    type('recordNo', '62088110020100001');
    for (const [field, value] of [
      ['sbp', '130'],
      ['dbp', '80'],
      ['sbpRight', '145'],
      ['dbpRight', '80'],
      ['heartRate', '72'],
      ['fastingGlucose', '5.6'],
      ['weight', '60'],
      ['waist', '80'],
    ] as const)
      type(field, value);
    expect(screen.getByText(/左右侧收缩压相差15 mmHg/)).toBeTruthy();
    expect(screen.getByTestId('ack-arm-difference')).toBeTruthy();
    type('sbpRight', '155');
    expect(screen.getAllByText(/须隔天重测，并填写就诊建议或转诊意见/).length).toBeGreaterThan(0);
    expect(screen.getByTestId('entry-error').textContent).toContain('payload.advice');
    type('advice', '建议上级医院就诊');
    // With the advice every field the check-up needs is there: only the warning is left.
    expect(screen.queryByTestId('entry-error')).toBeNull();
    expect(screen.getByTestId('ack-arm-difference')).toBeTruthy();
  });
});
