import { currenciesOf } from '../engine/currencies';
import type { Order } from '../engine/model';
import type { Report } from '../engine/report';
import type { TableImport } from '../import/tableReader';

/** One export an import read, as the workbook remembers it after the import. */
export interface ImportedExport {
  kind: string;
  /** The file, tab or paste it came from. */
  name: string;
  dialect: string | null;
  /** The zone it was read in (its own, its market's or the report's). */
  zone: string;
  /** Its orders' currencies (an order export's), an order without one as ?. */
  currencies: string[];
}

/**
 * What an import of the indicator tabs remembers for 按设置重新计算 (the gas side keeps it in a
 * document property): each export it read, several of a kind as the sidebar gives them, and the one
 * currency its money figures are in, converted or not (null: several currencies, or none known).
 * The tabs alone cannot say that currency: an import of TWD orders alone writes no 所用汇率 and no
 * 销售指标 TWD, so a 汇率 tab added later would otherwise go unseen (rateTable.ts ratesNotFollowed).
 */
export interface ImportRecord {
  exports: ImportedExport[];
  currency: string | null;
}

/** The record of an import: the report it computed and each export with the zone it was read in. */
export function importRecord(
  report: Pick<Report, 'currency'>,
  exports: readonly { imported: TableImport; zone: string }[],
): ImportRecord {
  return {
    exports: exports.map(({ imported, zone }) => ({
      kind: imported.kind,
      name: imported.file,
      dialect: imported.dialect?.id ?? null,
      zone,
      currencies: imported.kind === 'orders' ? currenciesOf(imported.records as Order[]) : [],
    })),
    currency: report.currency ?? null,
  };
}
