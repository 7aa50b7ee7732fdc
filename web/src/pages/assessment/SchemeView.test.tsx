import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCHEME_JSON } from '../../../../src/domain/assessment/default-scheme';
import { changeLanguage } from '../../i18n/i18n';
import { SchemeView, withPoints, type SchemeDefinition } from './SchemeView';

const scheme = DEFAULT_SCHEME_JSON as unknown as SchemeDefinition;

describe('the scheme view', () => {
  it('shows every section with its full marks and each item with points, target and rule', async () => {
    await changeLanguage('zh-CN');
    const { container } = render(<SchemeView scheme={scheme} />);
    expect(container.querySelectorAll('[data-section]')).toHaveLength(4);
    expect(screen.getByText(/项目执行 · 满分 60.00/)).toBeTruthy();
    const row = screen.getByText('exe.vaccination_mmr').closest('tr')!;
    expect(within(row).getByText('3')).toBeTruthy();
    expect(within(row).getByText('vaccination.mmr_coverage · 0.9')).toBeTruthy();
    expect(within(row).getByText('floor · floor 0.5')).toBeTruthy();
  });

  it('edits points in place and saves them as a changed copy', async () => {
    await changeLanguage('en');
    const onPoints = vi.fn();
    render(<SchemeView scheme={scheme} onPoints={onPoints} />);
    const input = screen.getByLabelText('Points exe.child');
    fireEvent.change(input, { target: { value: '5' } });
    expect(onPoints).toHaveBeenCalledWith('exe.child', 5);
    const changed = withPoints(scheme, 'exe.child', 5);
    expect(changed.sections[2]!.items.find((i) => i.id === 'exe.child')!.points).toBe(5);
    expect(scheme.sections[2]!.items.find((i) => i.id === 'exe.child')!.points).toBe(4);
    await changeLanguage('zh-CN');
  });
});
