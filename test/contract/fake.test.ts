import { describe, expect, it } from 'vitest';
import { createGasFake, PROPERTY_VALUE_LIMIT } from '../fakes/services';

// The fake stands in for Google's services in every contract test, so it must keep their rules.
describe('the Apps Script fake', () => {
  it('refuses setValues whose data does not match the range, in Sheets words', () => {
    const { spreadsheet } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('stores a string beginning with "=" as a formula and a leading apostrophe as text', () => {
    const { spreadsheet } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    sheet.getRange('A1:B1').setValues([['=SUM(1,2)', "'=HYPERLINK(1)"]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '=HYPERLINK(1)']]);
  });

  it('keeps number formats, frozen rows and sheet names as Sheets does', () => {
    const { spreadsheet } = createGasFake({ spreadsheet: { tabs: ['Sheet1'] } });
    const sheet = spreadsheet.insertSheet('T');
    sheet.getRange(2, 1, 2, 1).setNumberFormat('0.0%');
    sheet.setFrozenRows(1);
    expect(sheet.getRange(1, 1, 3, 1).getNumberFormats()).toEqual([['General'], ['0.0%'], ['0.0%']]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => spreadsheet.insertSheet('T')).toThrow('A sheet with the name "T" already exists');
    expect(spreadsheet.getSheetByName('missing')).toBeNull();
  });

  it('refuses a conditional-format formula that names another sheet, unless through INDIRECT', () => {
    // https://support.google.com/docs/answer/78413: custom formulas "can only reference the same sheet".
    const { spreadsheet, globals } = createGasFake();
    const sheet = spreadsheet.insertSheet('服务指标');
    const rule = (formula: string) =>
      globals.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground('#d9ead3')
        .setRanges([sheet.getRange('B2:B3')])
        .build();
    expect(() => sheet.setConditionalFormatRules([rule(`=AND(B2<>"",B2>='设置'!$E$2)`)])).toThrow(
      'refers to the sheet "设置"',
    );
    expect(() => sheet.setConditionalFormatRules([rule('=B2>Sheet1!A1')])).toThrow(
      'refers to the sheet "Sheet1"',
    );
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    sheet.setConditionalFormatRules([
      rule(`=AND(B2<>"",B2>=INDIRECT("'设置'!E2"))`),
      rule(`=B2>'服务指标'!$C$2`),
    ]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
  });

  it('limits a property value to 9 KB and keeps the store as it was', () => {
    const { globals } = createGasFake();
    const properties = globals.PropertiesService.getDocumentProperties();
    properties.setProperty('small', 'x');
    expect(() => properties.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow(
      'Argument too large',
    );
    expect(() => properties.setProperty('cjk', '设'.repeat(3100))).toThrow('Argument too large');
    expect(properties.getProperties()).toEqual({ small: 'x' });
  });

  it('lets a document lock be taken once; a second import waits and times out', () => {
    const { globals, lock } = createGasFake();
    expect(globals.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    lock.heldByOther = true;
    expect(globals.LockService.getDocumentLock().tryLock(1000)).toBe(false);
    expect(() => globals.LockService.getDocumentLock().waitLock(1000)).toThrow('Lock timeout');
  });

  it('refuses services other than the Ui in AuthMode.NONE', () => {
    const { globals } = createGasFake({ authMode: 'NONE' });
    expect(() => globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow('AuthMode.NONE');
    expect(() => globals.PropertiesService.getDocumentProperties()).toThrow('AuthMode.NONE');
    expect(() => globals.SpreadsheetApp.getUi().createAddonMenu().addItem('a', 'b').addToUi()).not.toThrow();
  });

  it('logs every call, so tests can count service round trips', () => {
    const { spreadsheet, log } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    sheet.getRange(1, 1, 1, 1).setValues([[1]]);
    expect(log.count('Range', 'setValues')).toBe(1);
    expect(log.count('Spreadsheet', 'insertSheet')).toBe(1);
  });
});
