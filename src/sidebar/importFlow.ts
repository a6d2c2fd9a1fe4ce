import Papa from 'papaparse';
import { fastReplyName, type Language, type Naming } from '../core/engine/catalog';
import { RatesError, type RateTable } from '../core/engine/currencies';
import { RATES_TAB, readRateTable } from '../core/engine/rateTable';
import { proposals, type Settings } from '../core/engine/settings';
import { decodeBytes } from '../core/import/decode';
import { fieldLabel } from '../core/import/fields';
import { importTable, type TableImport } from '../core/import/importer';
import type { Kind } from '../core/import/records';
import { ImportError, type ImportWarning, isRefusal } from '../core/import/warnings';
import { languageOf } from '../core/lib/language';
import { consultationSpan } from '../core/payPeriod/payRecord';
import { type ImportRecord, importRecord } from '../core/pipeline/importRecord';
import { lowSampleFigures, lowSampleList } from '../core/pipeline/lowSampleText';
import { LISTED_ROWS, type Note } from '../core/pipeline/notes';
import { runPipeline } from '../core/pipeline/pipeline';
import { agentZonesAcross, zonedExports, zoneOfExport } from '../core/pipeline/zones';
import {
  cellCount,
  gridCells,
  layoutOf,
  MAX_CELLS_PER_CALL,
  rowBlocks,
  SPREADSHEET_CELL_LIMIT,
  type TabLayout,
} from '../core/sheets/chunks';
import { noteWords } from '../core/sheets/headerNotes';
import { readSettingsBook, SettingsTabError } from '../core/sheets/settingsTab';
import { buildTabs, type Tab } from '../core/sheets/tabs';
import {
  EDITED_TAB,
  type ImportProgress,
  newImportToken,
  type Preferences,
  type SidebarContext,
  type TabLink,
  type WriteTabsResult,
} from '../core/sidebarApi';
import { assertTimeZone } from '../core/time/zone';
import type { MessageKey, Messages } from './messages';
import { callServer, errorText, isPassing, retrying } from './serverCall';
import { buildSettingsForm, formPreferences, formSettings, showProposals } from './settingsForm';

/** The words for each reason no order could be credited to a chat (see matchProblem). */
const MATCH_MESSAGES: Record<'no-buyer-column' | 'no-buyer-in-common', MessageKey> = {
  'no-buyer-column': 'noBuyerColumn',
  'no-buyer-in-common': 'noBuyerInCommon',
};

type SourceKind = 'chats' | 'orders' | 'ratings';
const KINDS: SourceKind[] = ['chats', 'orders', 'ratings'];

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`sidebar element #${id} is missing`);
  return element as T;
}

/** Text from exports is only ever set as textContent: never inserted as HTML. */
function element(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Lets the browser paint (progress text) before a long synchronous step. */
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 30));

/** A tab of this spreadsheet as rows of text, read a block of rows at a time. */
async function wholeTab(name: string): Promise<string[][]> {
  const rows: string[][] = [];
  let next: number | null = 1;
  while (next !== null) {
    const block: Awaited<ReturnType<typeof callServer<'readTab'>>> = await callServer('readTab', name, next);
    for (const row of block.rows) rows.push(row);
    next = block.nextRow;
  }
  return rows;
}

/** A large import under way: what the sidebar keeps to resume it. */
interface ImportJob {
  token: string;
  tabs: Tab[];
  layouts: TabLayout[];
  replaceEdited: boolean;
  writing: string;
  record: ImportRecord;
}

/**
 * One export given in the sidebar. The first of each kind is keyed by its kind (#text-orders), the
 * next ones by kind and number (orders-2): a Shopee shop's orders and an Amazon shop's side by side,
 * each with its own source, mapping and zone, as the command line's several --orders FILE@ZONE.
 */
interface Source {
  key: string;
  kind: SourceKind;
  /** A file chosen, dropped, or a tab picked; else the pasted text is read. */
  file?: { name: string; text: string };
  /** The zone chosen in the mapping step, as FILE@ZONE gives it; forgotten with its source. */
  zone?: string;
}

export class ImportFlow {
  private readonly sources: Source[] = [];
  private imports: { source: Source; result: TableImport }[] = [];
  /** Each export's chosen columns, by its key; remembered for the next import. */
  private overrides: Record<string, Record<string, string>> = {};

  constructor(
    private readonly messages: Messages,
    private readonly context: SidebarContext,
    private readonly showError: (error: unknown) => void,
  ) {}

  start(preferences: Preferences) {
    for (const [key, mapping] of Object.entries(preferences.mappings))
      if (mapping) this.overrides[key] = { ...mapping };
    buildSettingsForm(this.messages, this.context.timeZone, preferences.settings);
    const settingsStep = byId('step-settings');
    settingsStep.addEventListener('change', () => this.updateProposals());
    settingsStep.addEventListener('input', () => this.updateProposals());
    for (const kind of KINDS) {
      const group = element('div', undefined, 'source-group');
      group.id = `sources-${kind}`;
      const add = element('button', this.messages.addExport.replace('{kind}', this.messages[kind]), 'add');
      add.id = `add-${kind}`;
      (add as HTMLButtonElement).type = 'button';
      add.addEventListener('click', () => this.addSource(kind));
      byId('sources').append(group, add);
      this.addSource(kind);
      // The exports of the last import come back in as many boxes (their mappings remembered).
      for (const key of Object.keys(this.overrides).sort())
        if (key.startsWith(`${kind}-`)) this.addSource(kind, key);
    }
    byId('read').addEventListener('click', () => void this.readSoon());
    byId('compute').addEventListener('click', () => void this.compute());
    byId('step-source').hidden = false;
  }

  /** A box for one more export of `kind`, with its own key (the kind's first, then kind-2 …). */
  private addSource(kind: SourceKind, remembered?: string) {
    let key = remembered;
    for (let n = 1; key === undefined; n++) {
      const candidate = n === 1 ? kind : `${kind}-${n}`;
      if (!this.sources.some((s) => s.key === candidate)) key = candidate;
    }
    if (this.sources.some((s) => s.key === key)) return;
    const source: Source = { key, kind };
    this.sources.push(source);
    byId(`sources-${kind}`).append(this.sourceBlock(source));
  }

  /** An export given up: its box, its mapping and its zone go; the first of a kind stays. */
  private removeSource(source: Source, block: HTMLElement) {
    this.sources.splice(this.sources.indexOf(source), 1);
    delete this.overrides[source.key];
    block.remove();
  }

  /** The export's name in the sidebar: its kind, numbered from the second on (订单 2). */
  private label(source: Source): string {
    const number = /-(\d+)$/.exec(source.key)?.[1];
    return number ? `${this.messages[source.kind]} ${number}` : this.messages[source.kind];
  }

  /** A file chosen or dropped: read in the browser, its encoding detected (UTF-8, GB18030, UTF-16). */
  private async chooseFile(source: Source, file: File | undefined) {
    if (!file) return;
    try {
      const { text } = decodeBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      source.file = { name: file.name, text };
      delete source.zone;
      byId<HTMLTextAreaElement>(`text-${source.key}`).value = '';
    } catch (error) {
      // What the sidebar can say in its own language, it says so; the rest as the importer words it.
      const problem = error instanceof ImportError ? error.problem : undefined;
      this.showError(problem ? new Error(this.messages.bomNotUtf8.replace('{file}', problem.file)) : error);
    }
  }

  /** Where one export comes from: pasted text, a file, or a tab of this spreadsheet. */
  private sourceBlock(source: Source): HTMLElement {
    const { key } = source;
    const block = element('div', undefined, 'source');
    block.id = `source-${key}`;
    const label = element('label', this.label(source)) as HTMLLabelElement;
    label.htmlFor = `text-${key}`;
    const text = document.createElement('textarea');
    text.id = `text-${key}`;
    text.rows = 3;
    text.placeholder = this.messages.pasteHere;
    text.addEventListener('input', () => {
      delete source.file;
      delete source.zone;
    });
    // The browser's own file button speaks the browser's language, not the sidebar's: it stays
    // hidden behind a button of ours, with the chosen file's name beside it.
    const file = document.createElement('input');
    file.id = `file-${key}`;
    file.type = 'file';
    file.accept = '.csv,.tsv,.txt';
    file.hidden = true;
    const chooser = element('button', this.messages.chooseFile) as HTMLButtonElement;
    chooser.type = 'button';
    chooser.id = `choose-${key}`;
    chooser.setAttribute('aria-controls', file.id);
    chooser.addEventListener('click', () => file.click());
    const chosen = element('span', this.messages.noFile, 'file-name');
    chosen.id = `file-name-${key}`;
    const fileRow = element('div', undefined, 'file-row');
    fileRow.append(chooser, chosen);
    file.addEventListener('change', () => {
      chosen.textContent = file.files?.[0]?.name ?? this.messages.noFile;
      void this.chooseFile(source, file.files?.[0]);
    });
    // A file dropped anywhere on the source's block is read like a chosen one.
    block.addEventListener('dragover', (event) => {
      event.preventDefault();
      block.classList.add('dragging');
    });
    block.addEventListener('dragleave', () => block.classList.remove('dragging'));
    block.addEventListener('drop', (event) => {
      event.preventDefault();
      block.classList.remove('dragging');
      const dropped = event.dataTransfer?.files[0];
      if (!dropped) return;
      chosen.textContent = dropped.name;
      void this.chooseFile(source, dropped);
    });
    const tabs = document.createElement('select');
    tabs.id = `tab-${key}`;
    tabs.append(new Option(this.messages.orTab, ''));
    for (const name of this.context.tabs) tabs.append(new Option(name, name));
    tabs.addEventListener('change', () => void this.chooseTab(source, tabs.value));
    block.append(label, text, file, fileRow, tabs);
    if (key !== source.kind) {
      const remove = element('button', this.messages.removeExport) as HTMLButtonElement;
      remove.type = 'button';
      remove.id = `remove-${key}`;
      remove.addEventListener('click', () => this.removeSource(source, block));
      block.append(remove);
    }
    return block;
  }

  /** An export already pasted into a tab of this spreadsheet: read like a file, a block of rows at a time. */
  private async chooseTab(source: Source, name: string) {
    delete source.zone;
    if (!name) {
      delete source.file;
      return;
    }
    try {
      source.file = { name, text: Papa.unparse(await wholeTab(name)) };
      byId<HTMLTextAreaElement>(`text-${source.key}`).value = '';
    } catch (error) {
      this.showError(error);
    }
  }

  private text(source: Source): { name: string; text: string } | null {
    if (source.file) return source.file;
    const text = byId<HTMLTextAreaElement>(`text-${source.key}`).value;
    return text.trim() === '' ? null : { name: this.label(source), text };
  }

  private zone(): string {
    return byId<HTMLInputElement>('set-tz').value.trim() || this.context.timeZone;
  }

  /**
   * An export's times are read in the zone chosen for it, else in its dialect's market's zone where the
   * market keeps one (a Shopee Taiwan report: Asia/Taipei), else in the settings' zone: as the command
   * line reads FILE@ZONE and FILE.
   */
  private readSource(source: Source): TableImport | null {
    const given = this.text(source);
    if (!given) return null;
    const chosen = source.zone;
    return importTable({
      file: given.name,
      text: given.text,
      kind: source.kind as Kind,
      timeZone: chosen ?? this.zone(),
      ...(chosen === undefined ? { marketZones: true } : {}),
      // Remembered choices: a column the next export lacks is mapped as usual, not refused.
      remembered: this.overrides[source.key] ?? {},
    });
  }

  /** Says it is reading and lets the page paint before a large paste is parsed. */
  private async readSoon() {
    byId('step-compute').hidden = false;
    this.progress(1, this.messages.reading);
    await yieldToPage();
    const ok = this.readAll();
    this.progress(0, '');
    byId('step-compute').hidden = !ok;
  }

  readAll(): boolean {
    byId('error').hidden = true;
    try {
      this.imports = [];
      // Kind by kind, each kind's exports in the order given, as the command line reads its files.
      for (const kind of KINDS)
        for (const source of this.sources.filter((s) => s.kind === kind)) {
          const result = this.readSource(source);
          if (result) this.imports.push({ source, result });
        }
      if (this.imports.length === 0) throw new Error(this.messages.nothing);
    } catch (error) {
      this.showError(error);
      return false;
    }
    this.renderMappings();
    this.updateProposals();
    byId('step-mapping').hidden = false;
    byId('step-settings').hidden = false;
    return true;
  }

  private renderMappings() {
    const box = byId('mappings');
    box.replaceChildren();
    const language = languageOf(this.context.userLocale);
    for (const { source, result } of this.imports) {
      const { key, kind } = source;
      const section = element('div', undefined, 'mapping');
      section.id = `mapping-${key}`;
      section.append(element('strong', this.label(source)));
      const dialect = result.dialect
        ? `${this.messages.dialect} ${result.dialect.name.zh}`
        : this.messages.notRecognized;
      section.append(element('div', dialect, 'dialect'));
      section.append(this.zoneField(source, result));
      section.append(element('div', `${result.records.length} / ${result.rows} ${this.messages.rows}`));
      section.append(...this.rowProblems(result));
      for (const field of result.fields) {
        const row = element('label', undefined, 'field');
        // One language at a time: the field's name in the sidebar's language, its id as a tooltip.
        const name = element(
          'span',
          `${fieldLabel(kind, field.field, language)}${field.required ? ' *' : ''}`,
        );
        name.title = field.field;
        row.append(name);
        const select = document.createElement('select');
        select.dataset.kind = kind;
        select.dataset.key = key;
        select.dataset.field = field.field;
        select.append(new Option('—', ''));
        for (const column of result.header)
          select.append(new Option(column, column, false, column === field.column));
        select.title = field.column ? `${Math.round(field.confidence * 100)} % (${field.source})` : '';
        select.addEventListener('change', () => {
          const chosen = this.overrides[key] ?? {};
          this.overrides[key] = chosen;
          if (select.value) chosen[field.field] = select.value;
          else delete chosen[field.field];
          this.readAll();
        });
        row.append(
          select,
          element('span', field.column ? `${Math.round(field.confidence * 100)}%` : '', 'confidence'),
        );
        section.append(row);
      }
      section.append(this.previewTable(result));
      box.append(section);
    }
  }

  /**
   * The zone an export's times and days are read in, changeable: proposed from its dialect's market or
   * the settings, said which; another zone typed re-reads the export in it, an empty field goes back.
   */
  private zoneField(source: Source, result: TableImport): HTMLElement {
    const words = this.messages;
    const chosen = source.zone;
    const row = element('label', undefined, 'field zone');
    const input = document.createElement('input');
    input.id = `zone-${source.key}`;
    input.value = zoneOfExport(chosen, result, this.zone());
    const origin =
      chosen !== undefined
        ? words.zoneChosen
        : result.timeZone !== undefined && result.dialect
          ? words.zoneMarket.replace('{dialect}', result.dialect.name.zh)
          : words.zoneSettings;
    const said = element('span', origin, 'zone-source');
    said.id = `zone-source-${source.key}`;
    input.addEventListener('change', () => {
      const zone = input.value.trim();
      if (zone === '') delete source.zone;
      else {
        try {
          assertTimeZone(zone);
        } catch {
          this.showError(new Error(words.badZone.replace('{zone}', zone)));
          return;
        }
        source.zone = zone;
      }
      this.readAll();
    });
    row.append(element('span', words.zone), input, said);
    return row;
  }

  /**
   * What an export's rows lack, in the sidebar's language: no data rows; the rows refused (counted in
   * no figure), each by row, column and the importer's reason, those of a future time said again; the
   * rows counted with a caution. The command line and CS_INDICATORS list the same (pipeline notes).
   */
  private rowProblems(result: TableImport): HTMLElement[] {
    const words = this.messages;
    const problems: HTMLElement[] = [];
    if (result.rows === 0) problems.push(element('div', words.noRows, 'warn'));
    const list = (title: string, warnings: readonly ImportWarning[]) => {
      const box = element('div', undefined, 'warn');
      box.append(element('div', title.replace('{n}', String(warnings.length))));
      const items = element('ul', undefined, 'row-problems');
      for (const w of warnings.slice(0, LISTED_ROWS))
        items.append(
          element(
            'li',
            words.rowProblem
              .replace('{row}', String(w.row))
              .replace('{column}', w.column)
              .replace('{message}', w.message),
          ),
        );
      if (warnings.length > LISTED_ROWS)
        items.append(element('li', words.moreRows.replace('{n}', String(warnings.length - LISTED_ROWS))));
      box.append(items);
      problems.push(box);
    };
    const refused = result.warnings.filter(isRefusal);
    if (refused.length > 0) list(words.skipped, refused);
    const future = refused.filter((w) => w.code === 'future-time').length;
    if (future > 0) problems.push(element('div', words.futureTimes.replace('{n}', String(future)), 'warn'));
    const cautions = result.warnings.filter((w) => !isRefusal(w));
    if (cautions.length > 0) list(words.cautioned, cautions);
    return problems;
  }

  /** The first rows as the file has them, mapped columns only; a row that could not be read is marked. */
  private previewTable(result: TableImport): HTMLElement {
    const fields = result.fields.filter((f) => f.column !== null);
    const table = element('table', undefined, 'preview');
    const head = document.createElement('tr');
    head.append(element('th', '#'));
    for (const f of fields)
      head.append(element('th', fieldLabel(result.kind, f.field, this.messages.language as Language)));
    table.append(head);
    for (const sample of result.firstRows) {
      const problems = result.warnings.filter((w) => w.row === sample.row);
      const line = document.createElement('tr');
      line.append(element('td', String(sample.row)));
      for (const f of fields) {
        const problem = problems.find((w) => w.column === f.column);
        const cell = element('td', sample.cells[f.field] ?? '', problem ? 'warn-cell' : undefined);
        if (problem) cell.title = problem.message;
        line.append(cell);
      }
      if (problems.length > 0) {
        line.className = 'warn-row';
        line.title = problems.map((w) => `${w.column}: ${w.message}`).join('\n');
      }
      table.append(line);
    }
    const wrap = element('div', undefined, 'preview-wrap');
    wrap.append(table);
    return wrap;
  }

  private settings(): Settings {
    return formSettings(this.context.timeZone);
  }

  /** What the recognized platforms usually measure, against the settings as the form has them now. */
  private updateProposals() {
    let settings: Settings;
    try {
      settings = this.settings();
    } catch {
      return; // A field being typed is not a setting yet; compute says what is wrong.
    }
    const dialects = this.imports.map(({ result }) => result.dialect?.id);
    showProposals(proposals(dialects, settings), this.messages, () => this.updateProposals());
  }

  private progress(step: number, text: string) {
    byId<HTMLProgressElement>('progress').value = step;
    byId('progress-text').textContent = text;
  }

  /**
   * One call for ordinary imports; blocks of rows for large ones (a 20 MB paste), each tab committed
   * in a call of its own, then the end. Says first how many cells the tabs will take (the spreadsheet
   * holds 10 million). Every call is repeated a few times when it fails for a passing reason; if it
   * still fails, the sidebar keeps the import and offers to resume it (from what the server has) or
   * to abandon it (every tab put back).
   */
  private async write(tabs: Tab[], replaceEdited: boolean, record: ImportRecord): Promise<WriteTabsResult> {
    const layouts = tabs.map(layoutOf);
    const writing = `${this.messages.writing} ${gridCells(layouts).toLocaleString('en-US')} ${this.messages.cells}`;
    this.progress(3, writing);
    const job: ImportJob = { token: newImportToken(), tabs, layouts, replaceEdited, writing, record };
    for (;;) {
      try {
        return await this.runImport(job);
      } catch (error) {
        if (!isPassing(error)) {
          await callServer('abortTabs', { token: job.token }).catch(() => undefined);
          throw error;
        }
        if (!(await this.askResume(error))) {
          this.progress(3, writing);
          await retrying(() => callServer('abortTabs', { token: job.token }));
          throw new Error(this.messages.abandoned);
        }
        this.progress(3, writing);
      }
    }
  }

  /** The import's calls, from where the server is: a resume skips the blocks and tabs it confirms. */
  private async runImport(job: ImportJob): Promise<WriteTabsResult> {
    const { token, tabs, layouts, replaceEdited, record } = job;
    if (cellCount(tabs) <= MAX_CELLS_PER_CALL)
      return retrying(() => callServer('writeTabs', { tabs, replaceEdited, token, record }));
    let held: ImportProgress = await retrying(() =>
      callServer('beginTabs', {
        token,
        names: layouts.map((l) => l.name),
        grids: layouts.map((l) => l.grid),
        replaceEdited,
        record,
      }),
    );
    const blocks = rowBlocks(tabs);
    for (const [i, block] of blocks.entries()) {
      // Once a tab is committed every row is in place; before, a block the server holds is skipped.
      if (held.committed.length > 0) break;
      if ((held.rows[block.name] ?? 0) >= block.startRow + block.rows.length - 1) continue;
      this.progress(3, `${job.writing} ${i + 1}/${blocks.length}`);
      held = await retrying(() => callServer('appendTabRows', { token, ...block }));
    }
    for (const layout of layouts) {
      if (held.committed.includes(layout.name)) continue;
      held = await retrying(() => callServer('commitTab', { token, tab: layout }));
    }
    return retrying(() => callServer('commitTabs', { token, tabs: layouts }));
  }

  /** After a call failed again and again: 继续导入 (resume) or 放弃 (abandon), asked in the sidebar. */
  private askResume(error: unknown): Promise<boolean> {
    const question = this.messages.interrupted.replace('{error}', errorText(error));
    return this.ask(
      'resume-import',
      question,
      ['resume-yes', this.messages.resume],
      ['resume-no', this.messages.abandon],
    );
  }

  /** Whether to replace tabs edited since the last import. */
  private askReplace(): Promise<boolean> {
    return this.ask(
      'confirm-replace',
      this.messages.confirmReplace,
      ['confirm-yes', this.messages.replaceYes],
      ['confirm-no', this.messages.replaceNo],
    );
  }

  /**
   * A question asked in the sidebar itself, under the progress: a sidebar's confirm() may be blocked
   * by the browser (the sidebar is a sandboxed frame). Resolves to whether the first answer was chosen.
   */
  private ask(
    id: string,
    question: string,
    first: [string, string],
    second: [string, string],
  ): Promise<boolean> {
    return new Promise((resolve) => {
      const box = element('div', undefined, 'confirm');
      box.id = id;
      box.setAttribute('role', 'alertdialog');
      const button = ([buttonId, label]: [string, string], answer: boolean) => {
        const node = element('button', label) as HTMLButtonElement;
        node.type = 'button';
        node.id = buttonId;
        node.addEventListener('click', () => {
          box.remove();
          resolve(answer);
        });
        return node;
      };
      const yes = button(first, true);
      box.append(element('p', question), yes, button(second, false));
      byId('step-compute').append(box);
      yes.focus();
    });
  }

  /** Each tab written as a link: a click brings the tab to the front; the URL also opens it elsewhere. */
  private showLinks(links: TabLink[]) {
    const summary = byId('summary');
    summary.replaceChildren();
    for (const link of links) {
      const anchor = element('a', link.name) as HTMLAnchorElement;
      anchor.href = link.url;
      anchor.target = '_blank';
      anchor.rel = 'noopener';
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        callServer('showTab', link.name).catch((error) => this.showError(error));
      });
      const item = element('li');
      item.append(anchor);
      summary.append(item);
    }
  }

  /** The team's 设置, or an error that says nothing was written and lists each cell to fix. */
  private teamSettings(rows: string[][]) {
    try {
      return readSettingsBook(rows);
    } catch (error) {
      if (!(error instanceof SettingsTabError)) throw error;
      throw new Error(`${this.messages.settingsInvalid}\n${error.message}`);
    }
  }

  /**
   * The pipeline's notes under the links: no order matched (a conversion of 0, or none, would read
   * as a fact about the agents) and unmarked auto replies (which would pass for fast agents). Skipped
   * rows are shown at 2. Columns, beside the rows themselves.
   */
  private showNotes(notes: readonly Note[], naming: Naming) {
    const match = notes.find((n) => n.kind === 'no-buyer-column' || n.kind === 'no-buyer-in-common');
    const note = byId('match-note');
    note.textContent = match ? this.messages[MATCH_MESSAGES[match.kind as keyof typeof MATCH_MESSAGES]] : '';
    note.hidden = match === undefined;
    const auto = notes.find((n) => n.kind === 'suspected-auto-replies');
    const autoNote = byId('auto-note');
    autoNote.textContent = auto
      ? this.messages.suspectedAutoReplies
          .replace('{n}', String(auto.consultations))
          .replace('{seconds}', String(auto.withinSeconds))
          .replace('{min}', String(auto.sameTextConsultations))
          .replace('{fast}', fastReplyName(auto, this.messages.language as Language))
      : '';
    autoNote.hidden = auto === undefined;
    const low = notes.find((n) => n.kind === 'low-sample');
    const lowNote = byId('low-sample-note');
    const language = this.messages.language as Language;
    lowNote.textContent = low
      ? this.messages.lowSample
          .replace('{n}', String(lowSampleFigures(low)))
          .replace('{min}', String(low.minSample))
          .replace('{list}', lowSampleList(low, language, naming))
      : '';
    lowNote.hidden = low === undefined;
    const afterSales = notes.find((n) => n.kind === 'after-sales-as-inquiries');
    const afterSalesNote = byId('after-sales-note');
    afterSalesNote.textContent = afterSales
      ? this.messages.afterSalesAsInquiries
          .replace('{n}', String(afterSales.consultations))
          .replaceAll('{days}', String(afterSales.lookBackDays))
      : '';
    afterSalesNote.hidden = afterSales === undefined;
    const short = notes.find((n) => n.kind === 'platform-window-short');
    const shortNote = byId('platform-window-note');
    shortNote.textContent = short
      ? this.messages.platformWindowShort
          .replace('{platform}', short.platform)
          .replaceAll('{window}', String(short.windowDays))
          .replaceAll('{days}', String(short.dataDays))
      : '';
    shortNote.hidden = short === undefined;
  }

  /** Runs `work` with the 汇率 tab's rates (none without the tab); its mistakes said as the tab's. */
  private async withRates<T>(work: (rates: RateTable | undefined) => Promise<T>): Promise<T> {
    try {
      const rates = this.context.tabs.includes(RATES_TAB)
        ? readRateTable(await wholeTab(RATES_TAB), RATES_TAB)
        : undefined;
      return await work(rates);
    } catch (error) {
      if (!(error instanceof RatesError)) throw error;
      throw new Error(`${this.messages.ratesInvalid}\n${error.message}`);
    }
  }

  async compute() {
    byId('step-compute').hidden = false;
    byId('summary').replaceChildren();
    byId('match-note').hidden = true;
    byId('low-sample-note').hidden = true;
    byId('auto-note').hidden = true;
    byId('after-sales-note').hidden = true;
    byId('platform-window-note').hidden = true;
    try {
      this.progress(1, this.messages.reading);
      await yieldToPage();
      if (!this.readAll()) return;
      const settings = this.settings();
      this.progress(2, this.messages.computing);
      await yieldToPage();
      // Each export in its own zone: a shop in another market keeps its clock for days and times.
      const reportZone = settings.timeZone;
      const zoned = this.imports.map(({ source, result }) => ({
        kind: source.kind,
        imported: result,
        zone: zoneOfExport(source.zone, result, reportZone),
      }));
      const read = <K extends SourceKind>(kind: K) => {
        const own = zoned.filter((z) => z.kind === kind) as unknown as {
          imported: TableImport<K>;
          zone: string;
        }[];
        return own.length > 0 ? zonedExports(own, reportZone) : undefined;
      };
      // An agent account in chat exports of two zones is refused, as the command line refuses it.
      const agentZones = agentZonesAcross(
        zoned
          .filter((z) => z.kind === 'chats')
          .map(({ imported, zone }) => ({
            file: imported.file,
            zone,
            agents: (imported as TableImport<'chats'>).records.map((m) => m.agent),
          })),
        reportZone,
      );
      // A 汇率 tab converts orders of several currencies into one (docs/decisions.md); a rate it
      // cannot read, or one it lacks, stops the import before anything is written.
      const { report, notes } = await this.withRates(async (rates) =>
        runPipeline(
          {
            chats: read('chats'),
            orders: read('orders'),
            ratings: read('ratings'),
            ...(agentZones.size > 0 ? { agentZones } : {}),
          },
          settings,
          Date.now(),
          rates,
        ),
      );
      // What 按设置重新计算 checks 汇率 against: each export read, and the money figures' one currency.
      const record = importRecord(report, zoned);
      // The team's 设置 decides the scheme; it is read, never overwritten by an import.
      const { rows: settingsRows, appeals } = await callServer('readSettingsTab');
      // The last pay period closed before these data: each indicator gets its change since then.
      const previous = await callServer('previousClosedPeriod', consultationSpan(report.consultations));
      // Headers (and their notes) in the spreadsheet's language, whoever is importing.
      const language = languageOf(this.context.spreadsheetLocale);
      const tabs = buildTabs(report, {
        settings: settingsRows ? this.teamSettings(settingsRows) : undefined,
        // Native formulas: 绩效 works without the add-on (a copy, an .xlsx download, a teammate) and
        // needs no custom-function call per cell.
        formulas: 'native',
        language,
        // Each indicator header's definition and settings, as its note.
        noteWords: noteWords(language, report.settings),
        // With a 申诉 tab, 绩效's figures read the appeals accepted for the report's period.
        appeals: appeals === true,
        ...(previous ? { previous } : {}),
      });
      let written: WriteTabsResult;
      try {
        written = await this.write(tabs, false, record);
      } catch (error) {
        if (!errorText(error).includes(EDITED_TAB) || !(await this.askReplace())) throw error;
        written = await this.write(tabs, true, record);
      }
      // Every export given is remembered by its key, so the next import offers as many boxes.
      for (const { source } of this.imports) this.overrides[source.key] ??= {};
      await callServer('savePreferences', {
        settings: formPreferences(),
        mappings: this.overrides,
      });
      const used = `${written.cells.toLocaleString('en-US')} / ${SPREADSHEET_CELL_LIMIT.toLocaleString('en-US')}`;
      this.progress(4, `${this.messages.done}${written.written.join('、')} (${used} ${this.messages.cells})`);
      this.showLinks(written.links);
      this.showNotes(notes, report.settings);
    } catch (error) {
      this.progress(0, '');
      this.showError(error);
    }
  }
}
