/**
 * The panel's Web resources section, host side, through the real message handler: actions run one at a
 * time (also beside one the palette started), the section says what runs before and after, a second
 * action is refused with a sentence, and a refused file (one the section did not list) reaches the
 * webview as an error instead of a crash.
 */
import * as assert from 'node:assert/strict';
import { PanelController, type PanelServices } from '../../src/panel/host/controller';
import { createMemoryHistory } from '../../src/panel/host/history';
import type { WebResourceSectionServices } from '../../src/panel/host/webresources';
import type { HostToWebview, WebResourcesMessage } from '../../src/protocol/webview';

const LISTED = 'webresources/case-form.js';

function setup() {
  const sent: HostToWebview[] = [];
  const ran: string[] = [];
  let release: () => void = () => undefined;
  /** The window's run, as a palette command would hold it. */
  const window: { running: string | undefined } = { running: undefined };
  const webResources: WebResourceSectionServices = {
    snapshot: async () => ({ files: [{ file: LISTED, name: 'new_/scripts/case-form.js' }], problems: [] }),
    publish: file => {
      if (file !== LISTED) throw new Error(`${file} is not a mapped file of this workspace (any more).`);
      ran.push(`publish ${file}`);
      return new Promise<void>(resolve => { release = resolve; });
    },
    pull: async file => { ran.push(`pull ${file}`); },
    publishAll: async () => { ran.push('publishAll'); },
    map: async file => { ran.push(`map ${file}`); },
    openProblem: async index => { ran.push(`open ${index}`); },
    manageTrust: async () => { ran.push('trust'); },
    openFolder: async () => { ran.push('open folder'); },
    addEnvironment: async () => { ran.push('add environment'); },
    running: () => window.running,
  };
  const services: PanelServices = {
    environment: () => ({ name: 'Contoso Dev', kind: 'dataverse', url: 'https://contoso-dev.crm.dynamics.com' }),
    getBackend: () => { throw new Error('not expected'); },
    runLink: async () => { throw new Error('not expected'); },
    history: createMemoryHistory(),
    refreshCall: () => 'refreshUi()',
    signInNeeded: () => true,
    signIn: async () => undefined,
    openSettings: async () => undefined,
    selectEnvironment: async () => undefined,
    writeClipboard: async () => undefined,
    insertAtCursor: async () => undefined,
    log: () => undefined,
    webResources,
  };
  const controller = new PanelController(services, message => { sent.push(message); });
  const sections = () => sent.filter((m): m is WebResourcesMessage => m.type === 'webResources');
  return { controller, sent, ran, sections, window, release: () => release() };
}

describe('panel: Web resources section', function () {
  it('is sent with the panel state', async function () {
    const { controller, sections } = setup();
    await controller.handle({ type: 'ready' });
    assert.deepEqual(sections().map(s => s.files.map(f => f.file)), [[LISTED]]);
  });

  it('says what runs while a publish runs, refuses a second action with a sentence, and clears when done', async function () {
    const { controller, sent, ran, sections, release } = setup();
    const first = controller.handle({ type: 'publishWebResource', file: LISTED });
    await new Promise(resolve => setImmediate(resolve));
    assert.equal(sections().at(-1)?.running, `Publishing ${LISTED}…`);
    await controller.handle({ type: 'pullWebResource', file: LISTED });
    assert.match(sent.filter(m => m.type === 'error').map(m => (m as { message: string }).message).join(), /^Publishing webresources\/case-form\.js is still running: wait for it to finish\.$/);
    assert.deepEqual(ran, [`publish ${LISTED}`], 'the pull did not run');
    release();
    await first;
    assert.equal(sections().at(-1)?.running, undefined);
  });

  it('shows a run started elsewhere (the palette\'s Publish All) and refuses a panel action meanwhile with the same sentence', async function () {
    const { controller, sent, ran, sections, window } = setup();
    window.running = 'Publishing every mapped file…';
    await controller.handle({ type: 'ready' });
    assert.equal(sections().at(-1)?.running, 'Publishing every mapped file…');
    await controller.handle({ type: 'publishAllWebResources' });
    assert.deepEqual(ran, [], 'the panel\'s Publish All did not run');
    assert.match(sent.filter(m => m.type === 'error').map(m => (m as { message: string }).message).join(), /^Publishing every mapped file is still running: wait for it to finish\.$/);
    window.running = undefined;
    await controller.sendWebResources();
    assert.equal(sections().at(-1)?.running, undefined);
  });

  it('an action that throws (here: a file the section did not list) reaches the webview as an error, and the running state clears', async function () {
    const { controller, sent, ran, sections } = setup();
    await controller.handle({ type: 'publishWebResource', file: '../../etc/passwd' });
    assert.deepEqual(ran, []);
    const error = sent.find(m => m.type === 'error');
    assert.match(error?.type === 'error' ? error.message : '', /\.\.\/\.\.\/etc\/passwd is not a mapped file of this workspace/);
    assert.equal(sections().at(-1)?.running, undefined);
  });

  it('passes Open, Manage Trust, Open Folder and Add Environment through without a running state', async function () {
    const { controller, ran, sections } = setup();
    await controller.handle({ type: 'openMappingProblem', index: 2 });
    await controller.handle({ type: 'manageTrust' });
    await controller.handle({ type: 'openFolder' });
    await controller.handle({ type: 'addEnvironment' });
    assert.deepEqual(ran, ['open 2', 'trust', 'open folder', 'add environment']);
    assert.equal(sections().length, 0);
  });
});
