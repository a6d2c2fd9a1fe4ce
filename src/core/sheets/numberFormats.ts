import type { Unit } from '../engine/catalog';

/**
 * Plain text: what a user types, or setValues writes, into such a cell stays text. Sheets otherwise
 * reads "0012" as 12, a 19-digit ID as a rounded number, "TRUE" as a boolean, "3/4" as a date. Names
 * and IDs are written into plain-text columns, formatted before their values.
 */
export const TEXT_FORMAT = '@';

/**
 * How each unit of the catalog is shown in a cell: the same in Sheets and in the .xlsx. An average of
 * whole things keeps two decimals (人均成交件数 2.85, not 3).
 */
export const NUMBER_FORMATS: Record<Unit, string> = {
  count: '0',
  ratio: '0.0%',
  seconds: '0.0',
  money: '#,##0.00',
  hours: '0.0',
  items: '0',
  items_per_buyer: '0.00',
  score: '0.00',
};

/** A change column's number format: signed, a rate's in percentage points with one decimal. */
export const CHANGE_FORMATS: Record<Unit, string> = {
  count: '+0;-0;0',
  ratio: '+0.0;-0.0;0.0',
  seconds: '+0.0;-0.0;0.0',
  money: '+#,##0.00;-#,##0.00;0.00',
  hours: '+0.0;-0.0;0.0',
  items: '+0;-0;0',
  items_per_buyer: '+0.00;-0.00;0.00',
  score: '+0.00;-0.00;0.00',
};

/** A shop-local date and time: 19 characters wide, so its column must be too (else ###). */
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
