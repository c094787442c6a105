/**
 * The extension's Simulator and `@omnichannel-tools/testing`'s double are one simulator: the same
 * scenario gives the same outcomes and the same state through both, and both check seeds against the
 * one schema file the extension's `jsonValidation` points VS Code at.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { installOmnichannel, type OmnichannelDouble } from '@omnichannel-tools/testing';
import { SIMULATOR_SCHEMA, loadSimulatorSeed as packageLoader } from '@omnichannel-tools/testing/simulator';
import { checkSimulatorData, loadSimulatorSeed, SAMPLE_DATA, Simulator, type SimulatorData } from '../../../src/backends/simulator';
import { isLinkError } from '../../../src/protocol/link';
import { IDS } from './fixtures';

type Step =
  | { readonly call: 'linkToConversation' | 'unlinkFromConversation'; readonly args: readonly unknown[] }
  | { readonly focus: string | null };

const ACTIVE = 'cac0dcce-6d4e-4d16-96fd-4c620006b2df';
const SECOND_ACTIVE = '8f72e4b7-2fe7-4490-be4b-71733949046e';
const QUEUED = '976611b9-ca3d-41a6-bda5-29cb1d1e1913';
const CLOSED = 'ab7e8955-d98a-418d-bb74-688facafc3a9';

/** A morning's calls: good ones, every kind of bad argument, replaced links, focus moves, unlinks. */
const SCENARIO: readonly Step[] = [
  { call: 'linkToConversation', args: ['incident', IDS.printerJam] },
  { call: 'linkToConversation', args: ['incident', `{${IDS.printerJam.toUpperCase()}}`] },
  { call: 'linkToConversation', args: ['incident', IDS.printerJam, `{${ACTIVE}}`] },
  { call: 'linkToConversation', args: ['incident', IDS.printerJam.replace(/-/g, '')] },
  { call: 'linkToConversation', args: ['incident', ` ${IDS.printerJam}`] },
  { call: 'linkToConversation', args: ['Incident', IDS.printerJam] },
  { call: 'linkToConversation', args: ['incidents', IDS.printerJam] },
  { call: 'linkToConversation', args: ['case', IDS.printerJam] },
  { call: 'linkToConversation', args: [42, IDS.printerJam] },
  { call: 'linkToConversation', args: ['account', 42] },
  { call: 'linkToConversation', args: ['account', IDS.contoso] },
  { call: 'linkToConversation', args: ['account', IDS.contoso] },
  { call: 'linkToConversation', args: ['contact', IDS.yvonneMcKay.toUpperCase()] },
  { call: 'linkToConversation', args: ['account', IDS.contoso, CLOSED] },
  { call: 'linkToConversation', args: ['account', IDS.contoso, QUEUED] },
  { call: 'linkToConversation', args: ['account', '00000000-0000-4000-8000-000000000000'] },
  { call: 'linkToConversation', args: ['account', IDS.contoso, '00000000-0000-4000-8000-000000000000'] },
  { call: 'linkToConversation', args: ['incident', IDS.printerJam, SECOND_ACTIVE] },
  { focus: SECOND_ACTIVE },
  { call: 'unlinkFromConversation', args: ['incident', IDS.invoiceQuery] },
  { call: 'unlinkFromConversation', args: ['incident', IDS.printerJam] },
  { call: 'unlinkFromConversation', args: ['incident', IDS.printerJam] },
  { call: 'unlinkFromConversation', args: ['contact', IDS.mariaCampbell, CLOSED] },
  { focus: CLOSED },
  { call: 'linkToConversation', args: ['incident', IDS.invoiceQuery] },
  { focus: null },
  { call: 'linkToConversation', args: ['incident', IDS.invoiceQuery] },
  { call: 'linkToConversation', args: ['incident', IDS.invoiceQuery, ''] },
  { call: 'linkToConversation', args: ['incident', IDS.invoiceQuery, ACTIVE] },
];

type Outcome = { resolved: unknown } | { rejected: { code: string; functionName: string; message: string } };

async function settle(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { resolved: await promise };
  } catch (error) {
    assert.ok(isLinkError(error), `not a LinkError: ${String(error)}`);
    return { rejected: { code: error.code, functionName: error.functionName, message: error.message } };
  }
}

async function throughSimulator(seed: SimulatorData, linkableStatus: 'active' | 'open'): Promise<{ outcomes: Outcome[]; states: SimulatorData[] }> {
  const sim = new Simulator({ seed, linkableStatus });
  const outcomes: Outcome[] = [];
  const states: SimulatorData[] = [];
  for (const step of SCENARIO) {
    if ('focus' in step) {
      await sim.setFocusedConversation(step.focus);
    } else {
      const [entityLogicalName, recordId, conversationId] = step.args;
      const request = { entityLogicalName, recordId, conversationId } as Parameters<Simulator['link']>[0];
      outcomes.push(await settle(step.call === 'linkToConversation' ? sim.link(request) : sim.unlink(request)));
    }
    states.push(JSON.parse(JSON.stringify(sim.getState())) as SimulatorData);
  }
  return { outcomes, states };
}

async function throughDouble(seed: SimulatorData, linkableStatus: 'active' | 'open'): Promise<{ outcomes: Outcome[]; states: SimulatorData[]; double: OmnichannelDouble }> {
  const target = {};
  const double = installOmnichannel({ target, seed, linkableStatus });
  const methods = double.Microsoft.Omnichannel as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const outcomes: Outcome[] = [];
  const states: SimulatorData[] = [];
  for (const step of SCENARIO) {
    if ('focus' in step) double.focus(step.focus);
    else outcomes.push(await settle(methods[step.call]!(...step.args)));
    states.push(double.state());
  }
  double.uninstall();
  return { outcomes, states, double };
}

describe('the extension Simulator and @omnichannel-tools/testing are one simulator', () => {
  for (const linkableStatus of ['active', 'open'] as const) {
    it(`the same scenario gives the same outcomes and states (linkableStatus ${linkableStatus})`, async () => {
      const sim = await throughSimulator(SAMPLE_DATA, linkableStatus);
      const double = await throughDouble(SAMPLE_DATA, linkableStatus);
      assert.equal(sim.outcomes.length, SCENARIO.filter(s => 'call' in s).length);
      for (let i = 0; i < sim.outcomes.length; i++) assert.deepEqual(double.outcomes[i], sim.outcomes[i], `call ${i} differs`);
      for (let i = 0; i < sim.states.length; i++) assert.deepEqual(double.states[i], sim.states[i], `state after step ${i} differs`);
      // The scenario exercises both kinds of outcome and the rules that matter.
      const codes = new Set(sim.outcomes.flatMap(o => ('rejected' in o ? [o.rejected.code] : [])));
      for (const code of ['invalid-record-id', 'invalid-conversation-id', 'invalid-entity-name', 'record-not-found', 'conversation-not-found', 'not-linked', 'no-focused-conversation']) {
        assert.ok(codes.has(code), `the scenario never hits ${code}`);
      }
      if (linkableStatus === 'active') assert.ok(codes.has('conversation-not-active'));
      assert.ok(sim.outcomes.some(o => 'resolved' in o && (o.resolved as { replaced?: unknown }).replaced !== undefined), 'no link replaced another');
    });
  }

  it('the double records the scenario call by call with the Simulator outcomes', async () => {
    const sim = await throughSimulator(SAMPLE_DATA, 'active');
    const { double } = await throughDouble(SAMPLE_DATA, 'active');
    assert.deepEqual(double.calls.map(c => c.method), SCENARIO.flatMap(s => ('call' in s ? [s.call] : [])));
    double.calls.forEach((call, i) => {
      const expected = sim.outcomes[i]!;
      if ('resolved' in expected) assert.deepEqual(call.outcome, { status: 'resolved', value: expected.resolved });
      else assert.equal((call.outcome as { error: { message: string } }).error.message, expected.rejected.message);
    });
  });
});

describe('one seed schema for the extension and the package', () => {
  const root = path.resolve(__dirname, '../../../..');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
  const url = manifest.contributes.jsonValidation.find(v => v.fileMatch === '**/.omnichannel/simulator.json')!.url;

  it("jsonValidation points at the package's schema file, the one the package publishes", () => {
    const published = require.resolve('@omnichannel-tools/testing/schemas/simulator.schema.json');
    assert.equal(realpathSync(path.join(root, url)), realpathSync(published));
  });

  it('the schema the engine validates with is that file', () => {
    assert.deepEqual(SIMULATOR_SCHEMA, JSON.parse(readFileSync(path.join(root, url), 'utf8')));
  });

  it("the extension's seed loader is the package's, and a bad seed fails the same way in both", () => {
    assert.equal(loadSimulatorSeed, packageLoader);
    const seed = { conversations: [{ id: `{${ACTIVE}}`, title: 'Chat', statuscode: 8 }] };
    const problems = checkSimulatorData(seed).problems;
    assert.deepEqual(problems, [
      'conversations[0].id must be a GUID like 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f (hyphenated, no braces) (got "{cac0dcce-6d4e-4d16-96fd-4c620006b2df}").',
      'conversations[0].statuscode must be an integer from 1 to 7 (got 8).',
    ]);
    assert.throws(() => installOmnichannel({ target: {}, seed }), (error: Error) => problems.every(p => error.message.includes(p)));
  });
});
