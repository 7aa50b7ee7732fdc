/**
 * Vaccines of the national immunisation programme (国家免疫规划) whose coverage is reported.
 * A vaccination counts for a vaccine when its payload `vaccine` matches one of the aliases
 * (case-insensitive, surrounding spaces ignored).
 */
export interface Vaccine {
  readonly id: string;
  readonly name: { zh: string; en: string };
  /** Lower-case names as source systems write them. */
  readonly aliases: readonly string[];
}

/** The reported vaccines. */
export const VACCINES: readonly Vaccine[] = [
  { id: 'bcg', name: { zh: '卡介苗', en: 'BCG' }, aliases: ['bcg', '卡介苗'] },
  { id: 'hepb', name: { zh: '乙肝疫苗', en: 'Hepatitis B' }, aliases: ['hepb', '乙肝疫苗', '乙肝'] },
  {
    id: 'polio',
    name: { zh: '脊灰疫苗', en: 'Polio (IPV/bOPV)' },
    aliases: ['polio', 'ipv', 'bopv', 'opv', '脊灰疫苗', '脊灰'],
  },
  { id: 'dtap', name: { zh: '百白破疫苗', en: 'DTaP' }, aliases: ['dtap', 'dtp', '百白破疫苗', '百白破'] },
  {
    id: 'mmr',
    name: { zh: '麻腮风疫苗', en: 'Measles-mumps-rubella' },
    aliases: ['mmr', 'mr', '麻腮风疫苗', '麻腮风', '麻风'],
  },
  { id: 'je', name: { zh: '乙脑疫苗', en: 'Japanese encephalitis' }, aliases: ['je', '乙脑疫苗', '乙脑'] },
  {
    id: 'mening',
    name: { zh: '流脑疫苗', en: 'Meningococcal' },
    aliases: ['mpsv', 'mena', 'menac', '流脑疫苗', '流脑'],
  },
  { id: 'hepa', name: { zh: '甲肝疫苗', en: 'Hepatitis A' }, aliases: ['hepa', '甲肝疫苗', '甲肝'] },
];

/** The vaccine id a payload name stands for, or null when it is none of the reported ones. */
export function vaccineOf(name: string | null): string | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  return VACCINES.find((v) => v.aliases.includes(key))?.id ?? null;
}
