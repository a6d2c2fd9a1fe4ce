import { describe, expect, it } from 'vitest';
import { loadCode } from '../fakes/loadCode';
import { scriptRunCopy } from '../fakes/scriptRun';
import { createGasFake, PROPERTY_VALUE_LIMIT } from '../fakes/services';
import { SPREADSHEET_CELL_LIMIT } from '../fakes/spreadsheet';

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

  it('types strings written with setValues as Sheets types what a user enters', () => {
    // USER_ENTERED: "strings may be converted to numbers, dates, etc." (Sheets API ValueInputOption).
    const { spreadsheet } = createGasFake({ spreadsheet: { timeZone: 'UTC', locale: 'en_US' } });
    const sheet = spreadsheet.insertSheet('T');
    const typed = [
      '0012',
      '1234567890123456789',
      'TRUE',
      'false',
      '10%',
      '1,234.5',
      '3/4',
      '2024-03-01 10:00:00',
    ];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    const [row = []] = sheet.getRange(1, 1, 1, typed.length).getValues();
    expect(row.slice(0, 6)).toEqual([12, 1234567890123460000, true, false, 0.1, 1234.5]);
    expect(row[6]).toEqual(new Date(Date.UTC(new Date().getUTCFullYear(), 2, 4)));
    expect(row[7]).toEqual(new Date(Date.UTC(2024, 2, 1, 10)));
    expect(sheet.getRange(1, 5, 1, 1).getNumberFormats()).toEqual([['0%']]);
    // Text that is no number, boolean or date stays text; numbers and booleans stay as written.
    sheet.getRange(2, 1, 1, 4).setValues([['小美', '3.00000000000000E+18 x', 7, true]]);
    expect(sheet.getRange(2, 1, 1, 4).getValues()).toEqual([['小美', '3.00000000000000E+18 x', 7, true]]);
  });

  it('keeps text as text in cells formatted as plain text (@), formulas and apostrophes included', () => {
    const { spreadsheet } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    const texts = ['0012', '1234567890123456789', 'TRUE', '10%', '3/4', '=1+1', "'x"];
    const range = sheet.getRange(1, 1, 1, texts.length);
    range.setNumberFormat('@');
    range.setValues([texts]);
    expect(range.getValues()).toEqual([texts]);
    expect(range.getFormulas()).toEqual([texts.map(() => '')]);
    // The format must come first: set afterwards, it finds the values already typed.
    const late = sheet.getRange(2, 1, 1, 2);
    late.setValues([['0012', 'TRUE']]);
    late.setNumberFormat('@');
    expect(late.getValues()).toEqual([[12, true]]);
  });

  it("gives date-time cells back as Dates at their wall-clock time in the spreadsheet's zone", () => {
    const { spreadsheet } = createGasFake({ spreadsheet: { timeZone: 'America/New_York' } });
    const sheet = spreadsheet.insertSheet('T');
    // Typed text, a Date and a serial number with a date format: all wall-clock times of New York.
    sheet.getRange(1, 1, 1, 3).setNumberFormats([['General', 'General', 'yyyy-mm-dd hh:mm:ss']]);
    sheet
      .getRange(1, 1, 1, 3)
      .setValues([['2024-03-01 10:00:00', new Date(Date.UTC(2024, 2, 1, 15)), 45352.5]]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([
      [
        new Date(Date.UTC(2024, 2, 1, 15)),
        new Date(Date.UTC(2024, 2, 1, 15)),
        new Date(Date.UTC(2024, 2, 1, 17)),
      ],
    ]);
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

  it('lets a running custom function read the spreadsheet, and nothing that needs authorization', () => {
    // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
    const { globals, spreadsheet, execution } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    execution.customFunction = true;
    expect(globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    expect(sheet.getRange('A1').getValues()).toEqual([['']]);
    expect(() => sheet.getRange('A1').setValues([[1]])).toThrow(
      'You do not have permission to call Range.setValues',
    );
    expect(() => spreadsheet.insertSheet('U')).toThrow(
      'You do not have permission to call Spreadsheet.insertSheet',
    );
    expect(() => globals.SpreadsheetApp.getUi()).toThrow(
      'You do not have permission to call SpreadsheetApp.getUi',
    );
    expect(() => globals.Session.getActiveUserLocale()).toThrow('You do not have permission');
    expect(globals.PropertiesService.getDocumentProperties().getProperty('x')).toBeNull();
    execution.customFunction = false;
    expect(() => sheet.getRange('A1').setValues([[1]])).not.toThrow();
  });

  it('hands a custom function its range with dates in the script zone, a single cell as a value', () => {
    const addon = loadCode({ spreadsheet: { timeZone: 'America/New_York' } });
    const sheet = addon.spreadsheet.insertSheet('T');
    sheet.getRange('A1:B1').setValues([['2024-03-01 10:00:00', 7]]);
    // Sheets: "If the spreadsheet and the script use different time zones … the custom function will
    // need to compensate" (guides/sheets/functions#data_types); the script's zone is Asia/Shanghai.
    expect(sheet.getRange('A1:B1').peekAsArgument('Asia/Shanghai')).toEqual([
      [new Date(Date.UTC(2024, 2, 1, 2)), 7],
    ]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[new Date(Date.UTC(2024, 2, 1, 15)), 7]]);
    expect(addon.runCustomFunction('CONVERSION_RATE', { range: 'T!B1' }, 14)).toBe(0.5);
  });

  it('carries over google.script.run what the real bridge carries, and refuses what it refuses', () => {
    // https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
    expect(scriptRunCopy([1, 'a', true, null, undefined, [1, undefined], { a: 1, b: undefined }])).toEqual([
      1,
      'a',
      true,
      null,
      null,
      [1, null],
      { a: 1 },
    ]);
    const illegal = 'Failed due to illegal value in property';
    expect(() => scriptRunCopy([new Date()])).toThrow(`${illegal}: 0`);
    expect(() => scriptRunCopy(['x', { rows: [[new Date()]] }])).toThrow(`${illegal}: 1.rows.0.0`);
    expect(() => scriptRunCopy([() => 1])).toThrow(illegal);
    expect(() => scriptRunCopy([new Map()])).toThrow(illegal);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => scriptRunCopy([circular])).toThrow(illegal);
    // A DOM node is refused; a form is legal only as the only parameter, and arrives as its fields.
    const form = { nodeType: 1, tagName: 'FORM', elements: [{ name: 'tab', value: '聊天' }, { value: 'x' }] };
    expect(scriptRunCopy([form])).toEqual([{ tab: '聊天' }]);
    expect(() => scriptRunCopy([form, 1])).toThrow(illegal);
    expect(() => scriptRunCopy([{ nodeType: 1, tagName: 'DIV' }])).toThrow(illegal);
  });

  it('logs every call, so tests can count service round trips', () => {
    const { spreadsheet, log } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    sheet.getRange(1, 1, 1, 1).setValues([[1]]);
    expect(log.count('Range', 'setValues')).toBe(1);
    expect(log.count('Spreadsheet', 'insertSheet')).toBe(1);
  });
});

// Each rule below is cited to Google's documentation beside its code in test/fakes/spreadsheet.ts.
describe('the fake spreadsheet keeps Sheets’ sizes and limits', () => {
  it('gives a new sheet 1,000 × 26 cells and refuses a range past its grid until rows are added', () => {
    const { spreadsheet } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1000, 26, 2, 1)).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange('A1:AA1')).toThrow('outside the dimensions of the sheet');
    sheet.insertRowsAfter(1000, 500);
    sheet.insertColumnsAfter(26, 4);
    sheet.getRange(1500, 30, 1, 1).setValues([['last']]);
    sheet.deleteRows(2, 1000);
    sheet.deleteColumns(2, 20);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([500, 10]);
    expect(sheet.getRange(500, 10, 1, 1).getValues()).toEqual([['last']]);
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 499)).toThrow('not possible to delete all non-frozen rows');
  });

  it('counts every sheet’s whole grid against 10 million cells, and refuses what would pass it', () => {
    const { spreadsheet } = createGasFake({ spreadsheet: { tabs: ['Sheet1'] } });
    expect(spreadsheet.cellCount()).toBe(26_000);
    const big = spreadsheet.insertSheet('Big');
    big.insertRowsAfter(1000, 382_000); // 383,000 × 26 = 9,958,000 cells
    expect(spreadsheet.cellCount()).toBe(26_000 + 9_958_000);
    expect(() => spreadsheet.insertSheet('One more')).toThrow(
      `above the limit of ${SPREADSHEET_CELL_LIMIT} cells`,
    );
    expect(() => big.insertColumnsAfter(26, 1)).toThrow('above the limit');
    expect(() => big.copyTo(spreadsheet)).toThrow('above the limit');
    expect(spreadsheet.getSheets().map((s) => s.peekName())).toEqual(['Sheet1', 'Big']);
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { spreadsheet } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    sheet.getRange(1, 1, 1, 1).setValues([['字'.repeat(50_000)]]);
    expect(() => sheet.getRange(2, 1, 1, 1).setValues([['x'.repeat(50_001)]])).toThrow(
      'more than the maximum of 50000 characters in a single cell',
    );
    expect(sheet.getRange(2, 1, 1, 1).getValues()).toEqual([['']]);
  });

  it('makes the inserted sheet the active one', () => {
    const { spreadsheet } = createGasFake({ spreadsheet: { tabs: ['Mine'] } });
    expect(spreadsheet.getActiveSheet()?.peekName()).toBe('Mine');
    spreadsheet.insertSheet('New', 0);
    expect(spreadsheet.getActiveSheet()?.peekName()).toBe('New');
    expect(spreadsheet.getSheets().map((s) => [s.peekName(), s.getIndex()])).toEqual([
      ['New', 1],
      ['Mine', 2],
    ]);
  });

  it('turns references to a deleted sheet into #REF!, even when a sheet of that name comes back', () => {
    const { spreadsheet } = createGasFake({ spreadsheet: { tabs: ['Mine', '绩效'] } });
    const mine = spreadsheet.getSheetByName('Mine');
    mine?.getRange(1, 1, 1, 3).setValues([["='绩效'!B2*2", '=SUM(绩效!$C$2:$C$9)', '=A1+1']]);
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('绩效') as never);
    spreadsheet.insertSheet('绩效');
    expect(mine?.getRange(1, 1, 1, 3).getFormulas()).toEqual([['=#REF!*2', '=SUM(#REF!)', '=A1+1']]);
    expect(mine?.getRange(1, 1, 1, 2).getValues()).toEqual([['#REF!', '#REF!']]);
  });

  it('refuses edits to a protected sheet or range from a user the owner left out', () => {
    const { spreadsheet, globals } = createGasFake({ spreadsheet: { tabs: ['Sheet1', 'Locked', 'Part'] } });
    const locked = spreadsheet.getSheetByName('Locked');
    const part = spreadsheet.getSheetByName('Part');
    if (!locked || !part) throw new Error('tabs missing');
    locked.protect().excludeUser();
    part.getRange('B2:C3').protect().excludeUser();
    const { SHEET, RANGE } = globals.SpreadsheetApp.ProtectionType;
    expect(locked.getProtections(SHEET as 'SHEET').map((p) => p.canEdit())).toEqual([false]);
    expect(part.getProtections(RANGE as 'RANGE').map((p) => p.canEdit())).toEqual([false]);
    const refused = 'You are trying to edit a protected cell or object';
    expect(() => locked.getRange(1, 1, 1, 1).setValues([[1]])).toThrow(refused);
    expect(() => locked.setName('Other')).toThrow(refused);
    expect(() => spreadsheet.deleteSheet(locked)).toThrow(refused);
    expect(() =>
      part.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(refused);
    part.getRange(1, 1, 1, 3).setValues([[1, 2, 3]]);
    expect(() => part.insertRowsAfter(1, 1)).toThrow(refused);
    // The user's own protection does not stop the user.
    const own = spreadsheet.getSheetByName('Sheet1');
    own?.protect();
    own?.getRange(1, 1, 1, 1).setValues([['ok']]);
    expect(own?.getRange(1, 1, 1, 1).getValues()).toEqual([['ok']]);
  });

  it('lets scripts write under warning-only protection and asks a person to confirm; protect() twice is one protection', () => {
    const { spreadsheet, globals } = createGasFake({ spreadsheet: { tabs: ['Record'] } });
    const sheet = spreadsheet.getSheetByName('Record');
    if (!sheet) throw new Error('tab missing');
    const protection = sheet.protect().setWarningOnly(true).setDescription('kept');
    // "If the sheet is already protected, this method returns … its existing protection settings".
    expect(sheet.protect()).toBe(protection);
    const { SHEET } = globals.SpreadsheetApp.ProtectionType;
    expect(
      sheet.getProtections(SHEET as 'SHEET').map((p) => [p.isWarningOnly(), p.getDescription()]),
    ).toEqual([[true, 'kept']]);
    // A script writes without a prompt…
    sheet.getRange(1, 1, 1, 1).setValues([['paid']]);
    // …a person is warned, and a cancelled warning leaves the cell as it was.
    expect(sheet.getRange(1, 1, 1, 1).editByHand([['edited']], false)).toEqual({
      warned: true,
      rejected: false,
    });
    expect(sheet.getRange(1, 1, 1, 1).getValues()).toEqual([['paid']]);
    expect(sheet.getRange(1, 1, 1, 1).editByHand([['edited']], true)).toEqual({
      warned: true,
      rejected: false,
    });
    expect(sheet.getRange(1, 1, 1, 1).getValues()).toEqual([['edited']]);
    // Not warning-only, a user the owner left out is refused, and cannot change the protection either.
    protection.setWarningOnly(false).excludeUser();
    expect(() => sheet.getRange(1, 1, 1, 1).editByHand([['x']], true)).toThrow('protected cell');
    expect(() => protection.setWarningOnly(true)).toThrow('protected cell');
  });

  it('copies a range with its formulas and formats, and a sheet as "Copy of …"', () => {
    const { spreadsheet } = createGasFake({ spreadsheet: { tabs: ['A', 'B'] } });
    const a = spreadsheet.getSheetByName('A');
    const b = spreadsheet.getSheetByName('B');
    a?.getRange(1, 1, 1, 2).setValues([[1, '=A1*2']]);
    a?.getRange(1, 1, 1, 2).setNumberFormat('0.0');
    a?.getRange(1, 1, 1, 2).copyTo(b?.getRange(1, 1, 1, 1) as never);
    expect(b?.getRange(1, 1, 1, 2).getFormulas()).toEqual([['', '=A1*2']]);
    expect(b?.getRange(1, 1, 1, 2).getNumberFormats()).toEqual([['0.0', '0.0']]);
    const copy = a?.copyTo(spreadsheet);
    expect(copy?.peekName()).toBe('Copy of A');
    expect(spreadsheet.getActiveSheet()?.peekName()).toBe('A');
  });
});

describe('the fake’s filters and stopped calls', () => {
  it('keeps one filter a sheet, moving with its rows as Sheets moves a range', () => {
    const { spreadsheet } = createGasFake();
    const sheet = spreadsheet.insertSheet('T');
    const filter = sheet.getRange(2, 1, 10, 3).createFilter();
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    filter.setColumnFilterCriteria(2, { hidden: ['x'] });
    expect(() => filter.setColumnFilterCriteria(4, null)).toThrow('outside the range of the filter');
    // Rows inserted above push it down; between two of its rows widen it; after its last row stay out.
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe('A4:C13');
    sheet.insertRowsAfter(5, 3);
    expect(filter.peekA1()).toBe('A4:C16');
    sheet.insertRowsAfter(16, 5);
    expect(filter.peekA1()).toBe('A4:C16');
    // Rows deleted: those of its range leave it; above, it moves up; all of them, it goes.
    sheet.deleteRows(1, 2);
    expect(filter.peekA1()).toBe('A2:C14');
    sheet.deleteRows(10, 20);
    expect(filter.peekA1()).toBe('A2:C9');
    sheet.deleteColumns(1, 1);
    expect([filter.peekA1(), filter.getColumnFilterCriteria(1)]).toEqual(['A2:B9', { hidden: ['x'] }]);
    // A cleared range keeps its filter; a copied sheet has its own.
    sheet.getRange(1, 1, 5, 2).clear();
    const copy = sheet.copyTo(spreadsheet);
    expect([sheet.getFilter(), copy.getFilter()?.peekA1()]).toEqual([filter, 'A2:B9']);
    filter.remove();
    expect([sheet.getFilter(), copy.getFilter()?.peekA1()]).toEqual([null, 'A2:B9']);
    copy.deleteRows(2, 8);
    expect(copy.getFilter()).toBeNull();
  });

  it('stops a server call the way Apps Script stops one past 6 minutes, its work until then kept', () => {
    const fake = createGasFake();
    const work = () => {
      const sheet = fake.spreadsheet.insertSheet('A');
      try {
        sheet.setName('B');
      } finally {
        // A stopped call runs no finally that touches a service.
        fake.spreadsheet.insertSheet('C');
      }
      return 'done';
    };
    fake.failServerCall('work', 2, { afterServiceCalls: 1 });
    expect(fake.serverCall('work', () => 'first')).toBe('first');
    fake.lock.held = true;
    expect(() => fake.serverCall('work', work)).toThrow('Exceeded maximum execution time');
    expect(fake.spreadsheet.getSheets().map((s) => s.peekName())).toEqual(['Sheet1', 'A']);
    expect([fake.stoppedCalls, fake.lock.held]).toEqual([['work #2'], false]);
    // The next call runs whole; one stopped after all its work has only its answer lost.
    fake.failServerCall('work', 2, { afterServiceCalls: 100 });
    expect(fake.serverCall('work', () => fake.spreadsheet.insertSheet('D') && 'ok')).toBe('ok');
    expect(() => fake.serverCall('work', () => fake.spreadsheet.insertSheet('E'))).toThrow(
      'Exceeded maximum execution time',
    );
    expect(fake.spreadsheet.getSheetByName('E')).not.toBeNull();
  });
});
