import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  idNumberAs18,
  ID_WEIGHTS,
  idCheckChar,
  idMatchesRecord,
  maskIdNumber,
  normalizeIdInput,
  PROVINCES,
  type RegionLookup,
} from './id-number.js';

/** The check character computed here from the standard's definition, independently of the module. */
function checkCharByRule(body17: string): string {
  // GB 11643: weight of position i (1-based from the left, 18 positions) is 2^(18-i) mod 11.
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const remainder = sum % 11;
  // The check value a satisfies (sum + a) ≡ 1 (mod 11); a = 10 is written X.
  const a = (12 - remainder) % 11;
  return a === 10 ? 'X' : String(a);
}

function idOf(body17: string): string {
  return body17 + checkCharByRule(body17);
}

const TODAY = '2026-01-01';

/** A small division table with the names of the tests. */
const regions: RegionLookup = {
  name: (code) =>
    (
      ({
        '110000': '北京市',
        '110100': '市辖区',
        '110105': '朝阳区',
        '620000': '甘肃省',
        '620800': '平凉市',
        '620881': '华亭市',
        '620802': '崆峒区',
      }) as Record<string, string>
    )[code] ?? null,
};

describe('check character', () => {
  it('uses the weights of the standard', () => {
    expect(ID_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11));
  });

  it('matches the example of the standard (X check character)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(checkCharByRule('11010519491231002')).toBe('X');
  });

  it('agrees with the rule for every remainder', () => {
    // Walk the last body digit and the one before to reach all 11 remainders.
    const seen = new Set<string>();
    for (let a = 0; a <= 9; a += 1) {
      for (let b = 0; b <= 9; b += 1) {
        const body = `620881199001011${a}${b}`;
        expect(idCheckChar(body)).toBe(checkCharByRule(body));
        seen.add(idCheckChar(body));
      }
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('refuses a body that is not 17 digits', () => {
    expect(() => idCheckChar('1234')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('valid 18-digit numbers', () => {
  it('reads birth date, sex and region', () => {
    const id = idOf('62088119900101123');
    const check = checkIdNumber(id, regions, { today: TODAY });
    expect(check).toEqual({
      input: id,
      valid: true,
      normalized: id,
      legacy: false,
      birthDate: '1990-01-01',
      sex: 'M',
      regionCode: '620881',
      regionName: '甘肃省平凉市华亭市',
      regionMatch: 'county',
      errors: [],
    });
  });

  it('reads sex from the parity of the 17th digit', () => {
    expect(checkIdNumber(idOf('62088119900101124')).sex).toBe('F');
    expect(checkIdNumber(idOf('62088119900101120')).sex).toBe('F');
    expect(checkIdNumber(idOf('62088119900101129')).sex).toBe('M');
  });

  it('accepts an X check character, upper or lower case', () => {
    expect(checkIdNumber('11010519491231002X', regions)).toMatchObject({
      valid: true,
      sex: 'F',
      birthDate: '1949-12-31',
      regionName: '北京市朝阳区',
    });
    expect(checkIdNumber('11010519491231002x')).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });

  it('without a lookup, names the province only', () => {
    expect(checkIdNumber(idOf('62088119900101123'))).toMatchObject({
      valid: true,
      regionName: '甘肃省',
      regionMatch: 'province',
    });
  });
});

describe('normalisation', () => {
  it('maps full-width digits and X and removes every kind of space', () => {
    const id = '11010519491231002X';
    const fullWidth = [...id]
      .map((c) => (c === 'X' ? 'Ｘ' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
      .join('');
    expect(normalizeIdInput(fullWidth)).toBe(id);
    expect(normalizeIdInput('１１０１０５１９４９１２３１００２ｘ')).toBe(id);
    expect(normalizeIdInput(' 110105 19491231 002X\t')).toBe(id);
    expect(normalizeIdInput('\u3000110105\u300019491231002X\u3000')).toBe(id);
    expect(normalizeIdInput('\u00a0110105\u200b19491231002X\ufeff')).toBe(id);
  });

  it('keeps the original input and checks the normalised one', () => {
    const input = '\u3000１１０１０５ 19491231002ｘ ';
    const check = checkIdNumber(input);
    expect(check.input).toBe(input);
    expect(check.normalized).toBe('11010519491231002X');
    expect(check.valid).toBe(true);
  });

  it('does not turn other look-alikes into digits', () => {
    expect(normalizeIdInput('①１0')).toBe('①10');
    expect(checkIdNumber('①1010519491231002X').errors).toContain('CHARS');
  });
});

describe('errors', () => {
  it('EMPTY for nothing or only spaces', () => {
    for (const input of ['', '   ', '\u3000\u3000', '\t\n']) {
      expect(checkIdNumber(input)).toMatchObject({ valid: false, errors: ['EMPTY'], normalized: '' });
    }
  });

  it('LENGTH for lengths other than 15 and 18', () => {
    const id = idOf('62088119900101123');
    expect(checkIdNumber(id.slice(0, 17)).errors).toEqual(['LENGTH']);
    expect(checkIdNumber(`${id}1`).errors).toEqual(['LENGTH']);
    expect(checkIdNumber(id.slice(0, 16)).errors).toEqual(['LENGTH']);
    expect(checkIdNumber('1').errors).toEqual(['LENGTH']);
    expect(checkIdNumber(id.slice(0, 17)).birthDate).toBeNull();
    expect(checkIdNumber(id.slice(0, 17)).regionCode).toBe('620881');
  });

  it('CHARS for letters, punctuation and a misplaced X', () => {
    expect(checkIdNumber('62088119900101123A').errors).toEqual(['CHARS']);
    expect(checkIdNumber('6208811990-101123X').errors).toEqual(['CHARS']);
    expect(checkIdNumber('62088119900101X234').errors).toEqual(['CHARS']);
    expect(checkIdNumber('62088190010112X').errors).toEqual(['CHARS']);
    expect(checkIdNumber('620881A').errors).toEqual(['LENGTH', 'CHARS']);
    expect(checkIdNumber('张三').errors).toEqual(['LENGTH', 'CHARS']);
  });

  it('DATE for impossible dates', () => {
    for (const date of ['19901301', '19900001', '19900100', '19900431', '19900230', '19901232']) {
      const check = checkIdNumber(idOf(`620881${date}123`));
      expect(check.errors).toEqual(['DATE']);
      expect(check.birthDate).toBeNull();
      // Sex and region are still read so the record can be compared.
      expect(check.sex).toBe('M');
      expect(check.regionCode).toBe('620881');
    }
  });

  it('DATE for leap days of non-leap years; leap days of leap years are valid', () => {
    expect(checkIdNumber(idOf('62088120000229123')).birthDate).toBe('2000-02-29');
    expect(checkIdNumber(idOf('62088119960229123')).valid).toBe(true);
    expect(checkIdNumber(idOf('62088119000229123')).errors).toEqual(['DATE']);
    expect(checkIdNumber(idOf('62088120190229123')).errors).toEqual(['DATE']);
    expect(checkIdNumber(idOf('62088121000229123')).errors).toEqual(['DATE']);
  });

  it('DATE before 1880 or after today', () => {
    expect(checkIdNumber(idOf('62088118791231123')).errors).toEqual(['DATE']);
    expect(checkIdNumber(idOf('62088118800101123')).valid).toBe(true);
    expect(checkIdNumber(idOf('62088120251231123'), undefined, { today: '2025-12-31' }).valid).toBe(true);
    expect(checkIdNumber(idOf('62088120260101123'), undefined, { today: '2025-12-31' }).errors).toEqual([
      'DATE',
    ]);
    // Without a date for today, the future is not judged (the domain has no clock).
    expect(checkIdNumber(idOf('62088120990101123')).valid).toBe(true);
  });

  it('CHECKSUM when the check character is wrong', () => {
    const body = '62088119900101123';
    const right = checkCharByRule(body);
    for (const wrong of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].filter((c) => c !== right)) {
      const check = checkIdNumber(body + wrong, regions);
      expect(check.errors).toEqual(['CHECKSUM']);
      expect(check.birthDate).toBe('1990-01-01');
    }
  });

  it('REGION when the province is unknown', () => {
    for (const province of ['00', '10', '19', '20', '39', '49', '55', '60', '66', '70', '80', '84', '99']) {
      expect(PROVINCES[province]).toBeUndefined();
      const check = checkIdNumber(idOf(`${province}088119900101123`));
      expect(check.errors).toEqual(['REGION']);
      expect(check.regionName).toBeNull();
      expect(check.regionMatch).toBe('none');
    }
  });

  it('reports every applicable error together', () => {
    const body = '99088119900230123';
    const wrong = checkCharByRule(body) === '0' ? '1' : '0';
    expect(checkIdNumber(body + wrong).errors).toEqual(['DATE', 'CHECKSUM', 'REGION']);
  });
});

describe('region policy', () => {
  // 622701 was the code of 平凉市 (county-level) before 2002: it lives on in valid numbers.
  const oldCode = idOf('62270119700101123');

  it('accepts an unknown county of a known province by default, naming what is known', () => {
    expect(checkIdNumber(oldCode, regions)).toMatchObject({
      valid: true,
      regionCode: '622701',
      regionName: '甘肃省',
      regionMatch: 'province',
    });
    expect(checkIdNumber(idOf('62089919700101123'), regions)).toMatchObject({
      valid: true,
      regionName: '甘肃省平凉市',
      regionMatch: 'city',
    });
  });

  it("flags an unknown county under the 'county' policy", () => {
    expect(checkIdNumber(oldCode, regions, { regionPolicy: 'county' }).errors).toEqual(['REGION']);
    expect(checkIdNumber(idOf('62088119900101123'), regions, { regionPolicy: 'county' }).valid).toBe(true);
    expect(checkIdNumber(idOf('62000019900101123'), regions, { regionPolicy: 'county' }).valid).toBe(true);
    expect(checkIdNumber(idOf('62080019900101123'), regions, { regionPolicy: 'county' })).toMatchObject({
      valid: true,
      regionMatch: 'city',
      regionName: '甘肃省平凉市',
    });
  });

  it('leaves placeholder names out of the region name', () => {
    expect(checkIdNumber('11010519491231002X', regions).regionName).toBe('北京市朝阳区');
  });

  it('knows the residence permits of Hong Kong, Macao and Taiwan residents', () => {
    expect(checkIdNumber(idOf('81000019900101123')).regionName).toBe('香港特别行政区');
    expect(checkIdNumber(idOf('83000019900101123'), regions).valid).toBe(true);
  });
});

describe('legacy 15-digit numbers', () => {
  it('upgrades to 18 digits with 19 inserted and the check character computed', () => {
    const check = checkIdNumber('110105491231002', regions);
    expect(check).toMatchObject({
      valid: true,
      legacy: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
    });
  });

  it('reads sex from the parity of the last digit', () => {
    expect(checkIdNumber('620881900101123').sex).toBe('M');
    expect(checkIdNumber('620881900101124').sex).toBe('F');
    expect(checkIdNumber('620881900101124').normalized).toBe(idOf('62088119900101124'));
  });

  it('places the birth year in the 1900s', () => {
    expect(checkIdNumber('620881000229123').birthDate).toBeNull();
    expect(checkIdNumber('620881000229123').errors).toEqual(['DATE']);
    expect(checkIdNumber('620881960229123').birthDate).toBe('1996-02-29');
    expect(checkIdNumber('620881991231123').birthDate).toBe('1999-12-31');
  });

  it('has no check character, so only dates, characters and region can fail', () => {
    expect(checkIdNumber('62088190013112X').errors).toEqual(['CHARS']);
    expect(checkIdNumber('620881901301123').errors).toEqual(['DATE']);
    expect(checkIdNumber('990881900101123').errors).toEqual(['REGION']);
  });
});

describe('properties', () => {
  // A valid body: a province of the table, any 4 digits, a real date 1880..2025, any sequence.
  const validBody = fc
    .record({
      province: fc.constantFrom(...Object.keys(PROVINCES)),
      rest: fc.integer({ min: 0, max: 9999 }),
      date: fc.date({
        min: new Date('1880-01-01T00:00:00Z'),
        max: new Date('2025-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(
      ({ province, rest, date, sequence }) =>
        `${province}${String(rest).padStart(4, '0')}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`,
    );

  it('the computed check character makes any valid body valid', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const check = checkIdNumber(body + idCheckChar(body), undefined, { today: TODAY });
        expect(check.errors).toEqual([]);
        expect(idCheckChar(body)).toBe(checkCharByRule(body));
      }),
    );
  });

  it('changing any single character of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(
        validBody,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (body, position, shift) => {
          const id = body + idCheckChar(body);
          const alphabet = position === 17 ? '0123456789X' : '0123456789';
          const current = alphabet.indexOf(id[position]!);
          const replacement = alphabet[(current + shift) % alphabet.length]!;
          fc.pre(replacement !== id[position]);
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(checkIdNumber(changed, undefined, { today: TODAY }).valid).toBe(false);
        },
      ),
    );
  });

  it('never throws and always keeps the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const check = checkIdNumber(input);
        expect(check.input).toBe(input);
        expect(check.valid).toBe(check.errors.length === 0);
      }),
    );
  });
});

describe('idMatchesRecord', () => {
  const check = checkIdNumber('11010519491231002X');

  it('finds no disagreement when birth date and sex agree', () => {
    expect(idMatchesRecord(check, { birthDate: '1949-12-31', sex: 'F' })).toEqual([]);
  });

  it('lists the fields that disagree', () => {
    expect(idMatchesRecord(check, { birthDate: '1949-12-30', sex: 'M' })).toEqual([
      { field: 'birthDate', fromId: '1949-12-31', fromRecord: '1949-12-30' },
      { field: 'sex', fromId: 'F', fromRecord: 'M' },
    ]);
  });

  it('compares only what both sides know', () => {
    expect(idMatchesRecord(check, { birthDate: null, sex: null })).toEqual([]);
    const badDate = checkIdNumber(idOf('62088119900230123'));
    expect(idMatchesRecord(badDate, { birthDate: '1990-02-28', sex: 'F' })).toEqual([
      { field: 'sex', fromId: 'M', fromRecord: 'F' },
    ]);
    expect(idMatchesRecord(checkIdNumber(''), { birthDate: '1990-02-28', sex: 'F' })).toEqual([]);
  });
});

describe('maskIdNumber', () => {
  it('keeps the address code and the last character only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105***********X');
    expect(maskIdNumber('110105491231002')).toBe('110105********2');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('idNumberAs18', () => {
  it('upgrades a 15-digit number to the 18-digit form checkIdNumber gives it', () => {
    const legacy = '620881550101001';
    const upgraded = idNumberAs18(legacy);
    expect(upgraded).toHaveLength(18);
    expect(upgraded.slice(0, 17)).toBe('62088119550101001');
    expect(upgraded).toBe(checkIdNumber(legacy).normalized);
    expect(checkIdNumber(upgraded).valid).toBe(true);
  });

  it.each(['620881195501010011', '62088155010100', '62088155010100X', ''])('leaves %j unchanged', (v) => {
    expect(idNumberAs18(v)).toBe(v);
  });
});
