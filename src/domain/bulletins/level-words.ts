/**
 * How a bulletin refers to the issuing level and its children: 我市 / 全市 / 各县（市、区）,
 * and whom it is addressed to.
 */

/** Words for one org level. */
export interface LevelWords {
  /** 我市 */
  readonly self: string;
  /** 全市 */
  readonly whole: string;
  /** 各县（市、区） */
  readonly children: string;
  /** 各县（市、区）卫健局： */
  readonly addressee: string;
  /** 乡镇 — the unit two levels down, for "逐乡镇、逐人减重销号". */
  readonly grandchild: string;
  /** Default issuer suffix: 卫生健康委员会 / 卫生健康局 / 卫生院. */
  readonly issuerSuffix: string;
}

/**
 * Words for an org level (1 province … 4 township). Villages have no children and get no
 * bulletin: RangeError.
 *
 * @example levelWords(2).addressee // '各县（市、区）卫健局：'
 */
export function levelWords(level: number): LevelWords {
  switch (level) {
    case 1:
      return {
        self: '我省',
        whole: '全省',
        children: '各市（州）',
        addressee: '各市（州）卫生健康委：',
        grandchild: '县（市、区）',
        issuerSuffix: '卫生健康委员会',
      };
    case 2:
      return {
        self: '我市',
        whole: '全市',
        children: '各县（市、区）',
        addressee: '各县（市、区）卫健局：',
        grandchild: '乡镇',
        issuerSuffix: '卫生健康委员会',
      };
    case 3:
      return {
        self: '我县',
        whole: '全县',
        children: '各乡镇（街道）',
        addressee: '各乡镇卫生院、社区卫生服务中心：',
        grandchild: '村',
        issuerSuffix: '卫生健康局',
      };
    case 4:
      return {
        self: '本乡镇',
        whole: '全乡镇',
        children: '各村（社区）',
        addressee: '各村卫生室：',
        grandchild: '户',
        issuerSuffix: '卫生院',
      };
    default:
      throw new RangeError(`org level ${level} has no child units to address a bulletin to`);
  }
}

/**
 * How the text names another org by its code's level when it is not in the database:
 * a province code (xx0000) is 全省, a city code (xxxx00) 全市, otherwise 全县.
 *
 * @example wholeNameOfCode('620000') // '全省'
 */
export function wholeNameOfCode(code: string): string {
  if (/^\d{2}0000$/.test(code)) return '全省';
  if (/^\d{4}00$/.test(code)) return '全市';
  return '全县';
}

/**
 * The issuing body of a document of `org` when none is named: the org's name and its
 * level's health authority (a city's 卫生健康委员会, a county's 卫生健康局, a township's
 * 卫生院). Bulletins and the funds tables use it alike.
 *
 * @example defaultIssuer({ name: '崇信县', level: 3 }) // '崇信县卫生健康局'
 */
export function defaultIssuer(org: { readonly name: string; readonly level: number }): string {
  return `${org.name}${levelWords(org.level).issuerSuffix}`;
}
