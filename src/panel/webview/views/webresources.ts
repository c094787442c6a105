/**
 * The Web resources section: the workspace's mapped files, each with its web resource name, when it was
 * last published or pulled here and the outcome of its latest publish or pull, with Publish and Pull per
 * file and Publish All. The actions are the palette's commands (the host runs them); what blocks them
 * (no folder, only the Simulator, the Simulator active, an untrusted workspace, a sign-in) is said once,
 * with the button that takes the next step; while a run goes on (started here or anywhere else) the buttons
 * are disabled and the run is named. Problems of the mapping file are listed with file, line and the fix,
 * each with a button that opens it there.
 */
import type { WebResourceFileItem, WebResourceOutcomeItem, WebResourcesMessage, WebResourcesRemedy } from '../../../protocol/webview';
import { h, icon, replaceChildren } from '../dom';

export interface WebResourcesActions {
  publish(file: string): void;
  pull(file: string): void;
  publishAll(): void;
  map(file: string): void;
  openProblem(index: number): void;
  signIn(): void;
  selectEnvironment(): void;
  manageTrust(): void;
  openFolder(): void;
  addEnvironment(): void;
}

export interface WebResourcesView {
  readonly element: HTMLElement;
  update(message: WebResourcesMessage): void;
}

/** The button of each next step; a click runs the action of the same name. */
const REMEDIES: Record<Exclude<WebResourcesRemedy, 'none'>, { label: string; icon: string }> = {
  openFolder: { label: 'Open Folder…', icon: 'folder-opened' },
  addEnvironment: { label: 'Add Environment…', icon: 'add' },
  selectEnvironment: { label: 'Switch…', icon: 'cloud' },
  manageTrust: { label: 'Manage Trust', icon: 'shield' },
  signIn: { label: 'Sign In', icon: 'account' },
};

const OUTCOME_WORDS: Record<WebResourceOutcomeItem['status'], { label: string; icon: string; tone: 'success' | 'neutral' | 'failure' }> = {
  published: { label: 'Published', icon: 'pass', tone: 'success' },
  unchanged: { label: 'Unchanged', icon: 'pass', tone: 'success' },
  pulled: { label: 'Pulled', icon: 'pass', tone: 'success' },
  skipped: { label: 'Not published', icon: 'circle-slash', tone: 'neutral' },
  conflict: { label: 'Conflict', icon: 'warning', tone: 'failure' },
  failed: { label: 'Failed', icon: 'error', tone: 'failure' },
};

export function webResourcesView(actions: WebResourcesActions): WebResourcesView {
  const publishAll = h('vscode-button', { id: 'webresources-publish-all', icon: 'cloud-upload', title: 'Omnichannel: Publish All Mapped Web Resources' }, 'Publish All');
  publishAll.addEventListener('click', () => actions.publishAll());
  const blocked = h('div', { id: 'webresources-blocked', class: 'problem', role: 'status', hidden: true });
  const running = h('div', { id: 'webresources-running', class: 'running', role: 'status', 'aria-live': 'polite', hidden: true });
  const notice = h('p', { id: 'webresources-notice', class: 'muted', hidden: true });
  const problems = h('ul', { id: 'webresources-problems', class: 'mapping-problems', 'aria-label': 'Problems of the mapping file', hidden: true });
  const unmapped = h('div', { id: 'webresources-unmapped', class: 'unmapped', hidden: true });
  const list = h('ul', { id: 'webresources-list', class: 'webresources', 'aria-label': 'Mapped files' });
  const element = h('vscode-collapsible', { heading: 'Web resources', open: true, id: 'webresources-section' },
    h('div', { class: 'webresources-body' }, blocked, running, notice, problems, unmapped,
      h('div', { class: 'webresources-actions' }, publishAll), list));

  return {
    element,
    update(message) {
      const disabled = message.blocked !== undefined || message.running !== undefined;
      renderBlocked(blocked, message.blocked, actions);
      running.hidden = message.running === undefined;
      replaceChildren(running, h('vscode-progress-ring', { 'aria-hidden': 'true' }), message.running ?? '');
      notice.hidden = message.notice === undefined;
      notice.textContent = message.notice ?? '';
      problems.hidden = message.problems.length === 0;
      replaceChildren(problems, ...message.problems.map(problem => {
        const open = h('vscode-button', { secondary: true, class: 'open-problem', title: 'Open the mapping file at this problem' }, 'Open');
        open.addEventListener('click', () => actions.openProblem(problem.index));
        return h('li', { class: 'mapping-problem' }, icon('error'), h('span', { class: 'problem-text' }, problem.text), open);
      }));
      unmapped.hidden = message.unmapped === undefined;
      if (message.unmapped !== undefined) {
        const file = message.unmapped;
        const map = h('vscode-button', { secondary: true, id: 'webresources-map', title: `Pick the web resource ${file} is, from the environment's JavaScript web resources` }, 'Map…');
        if (disabled) map.setAttribute('disabled', '');
        map.addEventListener('click', () => actions.map(file));
        replaceChildren(unmapped, h('span', { class: 'unmapped-text' }, h('span', { class: 'file' }, file), ' (open in the editor) is not mapped to a web resource.'), map);
      }
      const mapped = message.files.length > 0;
      publishAll.hidden = !mapped;
      if (disabled) publishAll.setAttribute('disabled', '');
      else publishAll.removeAttribute('disabled');
      replaceChildren(list, ...message.files.map(item => fileRow(item, disabled, actions)));
    },
  };
}

function renderBlocked(element: HTMLElement, blocked: WebResourcesMessage['blocked'], actions: WebResourcesActions): void {
  element.hidden = blocked === undefined;
  if (!blocked) return;
  const next = blocked.remedy;
  const button = next === 'none' ? null : h('vscode-button', { secondary: true, id: `webresources-${next}`, icon: REMEDIES[next].icon }, REMEDIES[next].label);
  if (next !== 'none') button?.addEventListener('click', () => actions[next]());
  replaceChildren(element, h('span', {}, blocked.reason), button);
}

function fileRow(item: WebResourceFileItem, disabled: boolean, actions: WebResourcesActions): HTMLLIElement {
  const publish = h('vscode-button', { secondary: true, class: 'publish', title: `Publish ${item.file} to ${item.name}` }, 'Publish');
  const pull = h('vscode-button', { secondary: true, class: 'pull', title: `Pull ${item.name} into ${item.file}` }, 'Pull');
  for (const button of [publish, pull]) if (disabled) button.setAttribute('disabled', '');
  publish.addEventListener('click', () => actions.publish(item.file));
  pull.addEventListener('click', () => actions.pull(item.file));
  const state = item.last
    ? `Last ${item.last.action} ${when(item.last.at)}`
    : 'Not published or pulled from here yet';
  return h('li', { class: `webresource${item.active ? ' active' : ''}`, 'data-file': item.file, 'aria-label': `${item.file}: ${item.name}` },
    h('div', { class: 'webresource-title' }, icon('file-code'), h('span', { class: 'file', title: item.source ? `${item.file} (compiled from ${item.source})` : item.file }, item.file),
      item.active ? h('vscode-badge', { class: 'open-badge' }, 'open') : null),
    h('div', { class: 'webresource-name muted', title: 'The web resource' }, item.name),
    h('div', { class: 'webresource-state muted' }, state),
    item.outcome ? outcomeLine(item.outcome) : null,
    h('div', { class: 'webresource-buttons' }, publish, pull),
  );
}

function outcomeLine(outcome: WebResourceOutcomeItem): HTMLElement {
  const words = OUTCOME_WORDS[outcome.status];
  // "Published new_/…" says it already; "new_/… was changed in …" needs "Conflict: " in front.
  const label = outcome.message.toLowerCase().startsWith(words.label.toLowerCase()) ? null : h('strong', {}, `${words.label}: `);
  return h('div', { class: `webresource-outcome outcome-${words.tone}`, role: 'status', 'data-status': outcome.status },
    icon(words.icon), h('span', {}, label, outcome.message, h('span', { class: 'muted' }, ` (${when(outcome.at)})`)));
}

/** "at 14:32" today, else the date and time, in the person's locale. */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const today = new Date().toDateString() === date.toDateString();
  return today ? `at ${date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : `on ${date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}`;
}
