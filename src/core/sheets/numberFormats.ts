import type { Unit } from '../engine/catalog';

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
