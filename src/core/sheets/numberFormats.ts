import type { Unit } from '../engine/catalog';

/**
 * Plain text: what a user types, or setValues writes, into such a cell stays text. Sheets otherwise
 * reads "0012" as 12, a 19-digit ID as a rounded number, "TRUE" as a boolean, "3/4" as a date. Names
 * and IDs are written into plain-text columns, formatted before their values.
 */
export const TEXT_FORMAT = '@';

/** How each unit of the catalog is shown in a cell: the same in Sheets and in the .xlsx. */
export const NUMBER_FORMATS: Record<Unit, string> = {
  count: '0',
  ratio: '0.0%',
  seconds: '0.0',
  money: '#,##0.00',
  hours: '0.0',
  items: '0',
  score: '0.00',
};
