/** Ids from the built-in sample data, named for what each one is good for in a test. */
import { LinkError, type LinkErrorCode } from '../../../src/protocol/link';
import * as assert from 'node:assert/strict';
import * as SAMPLE from '@omnichannel-tools/testing/simulator';

export const IDS = {
  contoso: SAMPLE.ACCOUNTS.contoso,
  fabrikam: SAMPLE.ACCOUNTS.fabrikam,
  mariaCampbell: SAMPLE.CONTACTS.mariaCampbell,
  yvonneMcKay: SAMPLE.CONTACTS.yvonneMcKay,
  printerJam: SAMPLE.CASES.printerJam,
  invoiceQuery: SAMPLE.CASES.invoiceQuery,
  /** Active (2), focused, customer = Maria Campbell, no case. */
  focused: SAMPLE.CONVERSATIONS.focused,
  /** Active (2), customer = Fabrikam, case = invoice query. */
  secondActive: SAMPLE.CONVERSATIONS.secondActive,
  /** Open (1). */
  queued: SAMPLE.CONVERSATIONS.queued,
  /** Waiting (3). */
  waiting: SAMPLE.CONVERSATIONS.waiting,
  /** Wrap-up (5). */
  wrapUp: SAMPLE.CONVERSATIONS.wrapUp,
  /** Closed (4). */
  closed: SAMPLE.CONVERSATIONS.closed,
  unknown: '00000000-1111-2222-3333-444444444444',
};

/** Awaits a rejection and checks it is the API-shaped failure expected. */
export async function rejects(promise: Promise<unknown>, code: LinkErrorCode, message?: string | RegExp): Promise<LinkError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LinkError, `expected a LinkError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (typeof message === 'string') assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected a rejection with ${code}, but the call succeeded`);
}
