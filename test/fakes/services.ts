import { CallLog, EXCEEDED_MAXIMUM_EXECUTION_TIME } from './callLog';

export { scriptRunCopy } from './scriptRun';

import { FakeSpreadsheet, type SpreadsheetOptions } from './spreadsheet';

/**
 * In-memory stand-ins for the Apps Script services this project uses, with the real API's shapes and
 * limits, and a log of every call. No offline emulator of Apps Script exists (see ENGINEERING.md).
 */

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface MenuItem {
  caption: string;
  functionName: string;
}

export interface FakeMenu {
  title: string;
  kind: 'addon' | 'custom';
  items: (MenuItem | 'separator')[];
  added: boolean;
}

class FakeHtmlOutput {
  private title = '';
  constructor(
    private readonly content: string,
    private readonly log: CallLog,
  ) {}
  setTitle(title: string) {
    this.log.record('HtmlOutput', 'setTitle', [title]);
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  getContent() {
    return this.content;
  }
}

class FakeMenuBuilder {
  constructor(
    private readonly menu: FakeMenu,
    private readonly menus: FakeMenu[],
    private readonly log: CallLog,
  ) {}
  addItem(caption: string, functionName: string) {
    this.log.record('Menu', 'addItem', [caption, functionName]);
    this.menu.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.log.record('Menu', 'addSeparator', []);
    this.menu.items.push('separator');
    return this;
  }
  addToUi() {
    this.log.record('Menu', 'addToUi', []);
    this.menu.added = true;
    this.menus.push(this.menu);
  }
}

/** PropertiesService's documented quotas: 9 KB a value, 500 KB a store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const byteLength = (text: string) => new TextEncoder().encode(text).length;

class FakeProperties {
  readonly store = new Map<string, string>();
  constructor(
    private readonly service: string,
    private readonly log: CallLog,
  ) {}
  private total(): number {
    let sum = 0;
    for (const [key, value] of this.store) sum += byteLength(key) + byteLength(value);
    return sum;
  }
  getProperty(key: string) {
    this.log.record(this.service, 'getProperty', [key]);
    return this.store.get(key) ?? null;
  }
  getProperties() {
    this.log.record(this.service, 'getProperties', []);
    return Object.fromEntries(this.store);
  }
  getKeys() {
    this.log.record(this.service, 'getKeys', []);
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string) {
    this.log.record(this.service, 'setProperty', [key, value]);
    this.put(key, value);
    return this;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false) {
    this.log.record(this.service, 'setProperties', [properties, deleteAllOthers]);
    const before = new Map(this.store);
    if (deleteAllOthers) this.store.clear();
    try {
      for (const [key, value] of Object.entries(properties)) this.put(key, value);
    } catch (error) {
      this.store.clear();
      for (const [key, value] of before) this.store.set(key, value);
      throw error;
    }
    return this;
  }
  deleteProperty(key: string) {
    this.log.record(this.service, 'deleteProperty', [key]);
    this.store.delete(key);
    return this;
  }
  deleteAllProperties() {
    this.log.record(this.service, 'deleteAllProperties', []);
    this.store.clear();
    return this;
  }
  private put(key: string, value: string) {
    const text = String(value);
    if (byteLength(text) > PROPERTY_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
    const previous = this.store.get(key);
    this.store.set(key, text);
    if (this.total() > PROPERTY_STORE_LIMIT) {
      if (previous === undefined) this.store.delete(key);
      else this.store.set(key, previous);
      throw new Error(
        'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }
}

/** One document lock shared by every "user" of the fake; `heldByOther` simulates a concurrent import. */
export class FakeLockState {
  heldByOther = false;
  held = false;
}

class FakeLock {
  constructor(
    private readonly state: FakeLockState,
    private readonly log: CallLog,
  ) {}
  tryLock(timeoutInMillis: number) {
    this.log.record('Lock', 'tryLock', [timeoutInMillis]);
    if (this.state.heldByOther) return false;
    this.state.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number) {
    this.log.record('Lock', 'waitLock', [timeoutInMillis]);
    if (this.state.heldByOther)
      throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
    this.state.held = true;
  }
  hasLock() {
    return this.state.held;
  }
  releaseLock() {
    this.log.record('Lock', 'releaseLock', []);
    this.state.held = false;
  }
}

export interface GasFakeOptions {
  spreadsheet?: SpreadsheetOptions;
  /** The files HtmlService serves by name (without .html), e.g. { Sidebar: '<html>…' }. */
  htmlFiles?: Record<string, string>;
  userLocale?: string;
  authMode?: AuthMode;
  /** The button the user presses in every alert (default YES). */
  alertAnswer?: 'YES' | 'NO' | 'OK';
  /**
   * What the user answers to each Ui.prompt, in order (the array is consumed, so a test or the
   * preview may push answers later). A prompt with no answer left throws UnansweredPrompt.
   */
  promptAnswers?: PromptAnswer[];
  /** What Session.getTemporaryActiveUserKey gives (a key per user, no identity). */
  temporaryUserKey?: string;
}

export interface PromptAnswer {
  text?: string;
  /** The button pressed (default OK); CLOSE is the dialog's close box. */
  button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
}

/** A Ui.prompt nobody answered: the preview shows the question and runs the action again with the answer. */
export class UnansweredPrompt extends Error {
  override name = 'UnansweredPrompt';
  constructor(
    readonly title: string,
    readonly prompt: string,
  ) {
    super(`No answer was given to the prompt "${prompt}"`);
  }
}

export function createGasFake(options: GasFakeOptions = {}) {
  const log = new CallLog();
  const authMode = options.authMode ?? 'FULL';
  const spreadsheet = new FakeSpreadsheet(log, options.spreadsheet);
  const menus: FakeMenu[] = [];
  const sidebars: FakeHtmlOutput[] = [];
  const alerts: { title: string; prompt: string; buttons: string }[] = [];
  const prompts: { title: string; prompt: string; buttons: string }[] = [];
  const promptAnswers = options.promptAnswers ?? [];
  const documentProperties = new FakeProperties('DocumentProperties', log);
  const userProperties = new FakeProperties('UserProperties', log);
  const lock = new FakeLockState();
  const htmlFiles = options.htmlFiles ?? {};
  /** Whether a custom function is running: Sheets then refuses what needs the user's authorization. */
  const execution = { customFunction: false };

  /**
   * "Custom functions never ask users to authorize access to personal data. Consequently, they can
   * only call services that do not have access to personal data": Cache, HTML (not displayed), JDBC,
   * Language, Lock, Maps, Properties, Spreadsheet ("Read only (can use most get*() methods, but not
   * set*())"), URL Fetch, Utilities, XML
   * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
   */
  const customFunctionMay = (what: string) => {
    if (execution.customFunction) throw new Error(`Exception: You do not have permission to call ${what}.`);
  };
  log.guard = (service, method) => {
    const changes = /^(set|insert|delete|add|clear|activate|append|remove|hide|sort|copy|move|protect)/;
    if (['Spreadsheet', 'Sheet', 'Range'].includes(service) && changes.test(method))
      customFunctionMay(`${service}.${method}`);
  };

  // In AuthMode.NONE (an add-on not yet enabled in this file) only the menu may be built.
  const authorized = (what: string) => {
    if (authMode === 'NONE') {
      throw new Error(
        `Exception: You do not have permission to call ${what}. Required permissions are not granted in AuthMode.NONE.`,
      );
    }
  };

  const ui = {
    createAddonMenu() {
      customFunctionMay('Ui.createAddonMenu');
      log.record('Ui', 'createAddonMenu', []);
      return new FakeMenuBuilder({ title: 'add-on', kind: 'addon', items: [], added: false }, menus, log);
    },
    createMenu(caption: string) {
      log.record('Ui', 'createMenu', [caption]);
      return new FakeMenuBuilder({ title: caption, kind: 'custom', items: [], added: false }, menus, log);
    },
    showSidebar(output: FakeHtmlOutput) {
      log.record('Ui', 'showSidebar', [output.getTitle()]);
      authorized('Ui.showSidebar');
      sidebars.push(output);
    },
    alert(title: string, prompt?: string, buttons?: string) {
      customFunctionMay('Ui.alert');
      log.record('Ui', 'alert', [title, prompt, buttons]);
      alerts.push({ title, prompt: prompt ?? '', buttons: buttons ?? 'OK' });
      return buttons === 'YES_NO' ? (options.alertAnswer ?? 'YES') : 'OK';
    },
    /**
     * Ui.prompt(title, prompt, buttons): "Opens an input dialog box in the user's editor with the given
     * title, message, and set of buttons"; the script waits for the answer, a PromptResponse whose
     * getResponseText is "the text that the user entered in the dialog's input field" and whose
     * getSelectedButton is the button pressed, Button.CLOSE for the title bar's close box
     * (https://developers.google.com/apps-script/reference/base/ui#prompt(String,String,ButtonSet),
     * https://developers.google.com/apps-script/reference/base/prompt-response). A custom function may
     * not open one; the buttons must be one of the set's.
     */
    prompt(title: string, prompt?: string, buttons?: string) {
      customFunctionMay('Ui.prompt');
      log.record('Ui', 'prompt', [title, prompt, buttons]);
      authorized('Ui.prompt');
      const set = buttons ?? 'OK';
      prompts.push({ title, prompt: prompt ?? '', buttons: set });
      const answer = promptAnswers.shift();
      if (!answer) throw new UnansweredPrompt(title, prompt ?? '');
      const button = answer.button ?? 'OK';
      const allowed = button === 'CLOSE' || set.split('_').includes(button);
      if (!allowed) throw new Error(`fake: the prompt's buttons are ${set}; ${button} cannot be pressed`);
      return { getResponseText: () => answer.text ?? '', getSelectedButton: () => button };
    },
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' },
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' },
  };

  const globals = {
    SpreadsheetApp: {
      getUi() {
        customFunctionMay('SpreadsheetApp.getUi');
        log.record('SpreadsheetApp', 'getUi', []);
        return ui;
      },
      getActiveSpreadsheet() {
        log.record('SpreadsheetApp', 'getActiveSpreadsheet', []);
        authorized('SpreadsheetApp.getActiveSpreadsheet');
        return spreadsheet;
      },
      getActive() {
        log.record('SpreadsheetApp', 'getActive', []);
        authorized('SpreadsheetApp.getActive');
        return spreadsheet;
      },
      flush() {
        log.record('SpreadsheetApp', 'flush', []);
      },
      ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' },
      /**
       * SpreadsheetApp.newDataValidation(): a builder; requireValueInList(values, showDropdown) "sets the
       * data validation rule to require that the input is equal to one of the given values", and
       * setAllowInvalid(false) rejects other input
       * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder). Only the
       * list criterion the add-on uses is modeled; an empty list is refused rather than guessed at.
       */
      newDataValidation() {
        log.record('SpreadsheetApp', 'newDataValidation', []);
        const rule: { values?: string[]; showDropdown: boolean; allowInvalid: boolean } = {
          showDropdown: true,
          allowInvalid: true,
        };
        const builder = {
          requireValueInList(values: string[], showDropdown = true) {
            if (!Array.isArray(values) || values.length === 0)
              throw new Error('fake: requireValueInList needs a list of values');
            rule.values = values.map(String);
            rule.showDropdown = showDropdown;
            return builder;
          },
          setAllowInvalid(allowInvalid: boolean) {
            rule.allowInvalid = allowInvalid;
            return builder;
          },
          build() {
            if (!rule.values) throw new Error('fake: a data validation rule needs a criterion');
            return { criteria: 'VALUE_IN_LIST', ...rule, values: [...rule.values] };
          },
        };
        return builder;
      },
      newConditionalFormatRule() {
        log.record('SpreadsheetApp', 'newConditionalFormatRule', []);
        const rule: { formula?: string; background?: string; ranges?: string[] } = {};
        const builder = {
          whenFormulaSatisfied(formula: string) {
            rule.formula = formula;
            return builder;
          },
          setBackground(color: string) {
            rule.background = color;
            return builder;
          },
          setRanges(ranges: { getA1Notation(): string }[]) {
            rule.ranges = ranges.map((r) => r.getA1Notation());
            return builder;
          },
          build() {
            return { ...rule };
          },
        };
        return builder;
      },
    },
    HtmlService: {
      createHtmlOutputFromFile(name: string) {
        log.record('HtmlService', 'createHtmlOutputFromFile', [name]);
        const content = htmlFiles[name];
        if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(content, log);
      },
    },
    PropertiesService: {
      getDocumentProperties() {
        log.record('PropertiesService', 'getDocumentProperties', []);
        authorized('PropertiesService.getDocumentProperties');
        return documentProperties;
      },
      getUserProperties() {
        log.record('PropertiesService', 'getUserProperties', []);
        authorized('PropertiesService.getUserProperties');
        return userProperties;
      },
    },
    LockService: {
      getDocumentLock() {
        log.record('LockService', 'getDocumentLock', []);
        authorized('LockService.getDocumentLock');
        return new FakeLock(lock, log);
      },
    },
    Session: {
      /**
       * "Gets a temporary key that is unique to the active user but does not reveal the user identity";
       * unlike getActiveUser it needs no userinfo.email scope
       * (https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()).
       */
      getTemporaryActiveUserKey() {
        customFunctionMay('Session.getTemporaryActiveUserKey');
        log.record('Session', 'getTemporaryActiveUserKey', []);
        return options.temporaryUserKey ?? 'fake-user-key';
      },
      getActiveUserLocale() {
        customFunctionMay('Session.getActiveUserLocale');
        log.record('Session', 'getActiveUserLocale', []);
        return options.userLocale ?? 'zh_CN';
      },
    },
    ScriptApp: {
      AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', FULL: 'FULL' },
    },
  };

  /** Server calls to stop the way Apps Script stops a call past its 6 minutes (failServerCall). */
  const stops: { name: string; from: number; to: number; afterServiceCalls: number }[] = [];
  const serverCalls = new Map<string, number>();
  /** The server calls stopped so far ("appendTabRows #3"), for tests to check a stop did happen. */
  const stoppedCalls: string[] = [];

  /**
   * The `nth` call of server function `name` from now (and the `times - 1` after it) is stopped after
   * `afterServiceCalls` service calls, as Apps Script stops an execution past its run time: what it
   * did until then stays done, the rest is not done, and google.script.run hands the sidebar's failure
   * handler an Error whose message is "Exceeded maximum execution time". With afterServiceCalls past
   * what the call makes, the call completes and only its answer is lost.
   */
  const failServerCall = (
    name: string,
    nth: number,
    { times = 1, afterServiceCalls = 0 }: { times?: number; afterServiceCalls?: number } = {},
  ) => {
    const done = serverCalls.get(name) ?? 0;
    stops.push({ name, from: done + nth, to: done + nth + times - 1, afterServiceCalls });
  };

  /**
   * One server call, as google.script.run makes it: one execution of `run`, stopped if a test asked
   * for it; the document lock is released when the execution ends, whatever it did ("a lock is
   * released when the script ends": LockService, https://developers.google.com/apps-script/reference/lock/lock).
   */
  const serverCall = <T>(name: string, run: () => T): T => {
    const count = (serverCalls.get(name) ?? 0) + 1;
    serverCalls.set(name, count);
    const stop = stops.find((s) => s.name === name && count >= s.from && count <= s.to);
    if (stop) stoppedCalls.push(`${name} #${count}`);
    log.deadline = stop ? stop.afterServiceCalls : null;
    log.stopped = false;
    try {
      const value = run();
      if (stop) throw new Error(EXCEEDED_MAXIMUM_EXECUTION_TIME);
      return value;
    } finally {
      log.deadline = null;
      log.stopped = false;
      lock.held = false;
    }
  };

  return {
    globals,
    failServerCall,
    serverCall,
    stoppedCalls,
    log,
    spreadsheet,
    menus,
    sidebars,
    alerts,
    prompts,
    promptAnswers,
    documentProperties,
    userProperties,
    lock,
    authMode,
    execution,
  };
}

export type GasFake = ReturnType<typeof createGasFake>;
