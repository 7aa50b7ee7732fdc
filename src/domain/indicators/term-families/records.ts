/**
 * Health records (居民健康档案): records present, electronic, duplicated (an earlier record
 * with the same ID number is present) and in use (a service of any type within the last
 * 12 months, 动态使用).
 */
import { spanCovers, type PersonTermFamily } from '../term-family.js';

/** The records terms. */
export const RECORDS_TERMS: PersonTermFamily = {
  id: 'records',
  terms: ['records.total', 'records.electronic', 'records.duplicate', 'records.used'],
  reads: [],
  readsEveryServiceDate: true,
  membersAt(view, out) {
    const h = view.resident;
    const { end, useFrom } = view.dates;
    if (h.span.created > end) return;
    out.push('records.total');
    if (h.electronic) out.push('records.electronic');
    if (h.earlierDuplicates.some((x) => spanCovers(x, end))) out.push('records.duplicate');
    if (h.services.some((s) => s.date > useFrom && s.date <= end)) out.push('records.used');
  },
};
