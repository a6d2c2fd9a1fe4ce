import type { SidebarContext } from '../core/sidebarApi';
import { ImportFlow } from './importFlow';
import { type Messages, messagesFor } from './messages';
import { callServer, errorText } from './serverCall';
import { showWhatIf } from './whatIf';

// Text from the spreadsheet (names of tabs, the file) is set with textContent only, never as HTML.
function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`sidebar element #${id} is missing`);
  return element;
}

/** One language at a time: the page's words and its lang attribute (the settings' choices: settingsForm). */
function applyMessages(messages: Messages) {
  document.documentElement.lang = messages.language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = messages[element.dataset.text as keyof Messages] ?? '';
  }
}

function showContext(context: SidebarContext, messages: Messages) {
  byId('status').textContent = messages.connected;
  byId('spreadsheet-name').textContent = context.spreadsheetName;
  byId('time-zone').textContent = context.timeZone;
  byId('tabs').textContent = context.tabs.join('、');
  byId('context').hidden = false;
  byId('error').hidden = true;
}

let started = false;

/** A failed connection hides the context; a failed import step only shows its message. */
function showError(error: unknown, messages: Messages, connection = true) {
  byId('error-message').textContent = connection ? messages.failed + errorText(error) : errorText(error);
  byId('error').hidden = false;
  byId('retry').hidden = !connection;
  if (connection) {
    byId('status').textContent = '';
    byId('context').hidden = true;
  }
}

async function load() {
  // zh-CN until the server reports the user's locale (the product's default language).
  let messages = messagesFor(undefined);
  applyMessages(messages);
  byId('error').hidden = true;
  try {
    const context = await callServer('getSidebarContext');
    messages = messagesFor(context.userLocale);
    applyMessages(messages);
    showContext(context, messages);
    // Opened by 按设置重新计算: the pay what-if first; it applies only when asked.
    if (context.whatIf) void showWhatIf(messages, (error) => showError(error, messages, false));
    if (!started) {
      started = true;
      const shown = messages;
      // Remembered mappings help but are not needed: start afresh if they cannot be read.
      const preferences = await callServer('loadPreferences').catch(() => ({ settings: {}, mappings: {} }));
      new ImportFlow(shown, context, (error) => showError(error, shown, false)).start(preferences);
    }
  } catch (error) {
    showError(error, messages);
  }
}

byId('retry').addEventListener('click', () => void load());
void load();
