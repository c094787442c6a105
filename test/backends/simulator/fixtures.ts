/** Ids from the built-in sample data, named for what each one is good for in a test. */
import { LinkError, type LinkErrorCode } from '../../../src/protocol/link';
import * as assert from 'node:assert/strict';

export const IDS = {
  contoso: '74d65c7e-a046-4620-b802-f2b0381c7899',
  fabrikam: 'b526a563-0ee6-4354-878e-46d77f84ddb1',
  mariaCampbell: '2729716a-5d2b-465e-888d-cd080dcfa5a2',
  yvonneMcKay: 'e40cdfdd-198e-4cd6-b6e3-09cba5091364',
  printerJam: '7282041d-0cdb-42b4-b78b-c5e1b1fefe91',
  invoiceQuery: 'f366e596-f7b8-40f3-ac69-79ac36795f41',
  /** Active (2), focused, customer = Maria Campbell, no case. */
  focused: 'cac0dcce-6d4e-4d16-96fd-4c620006b2df',
  /** Active (2), customer = Fabrikam, case = invoice query. */
  secondActive: '8f72e4b7-2fe7-4490-be4b-71733949046e',
  /** Open (1). */
  queued: '976611b9-ca3d-41a6-bda5-29cb1d1e1913',
  /** Waiting (3). */
  waiting: '52518942-e4a1-46ad-b11a-017d04c2c3eb',
  /** Wrap-up (5). */
  wrapUp: '2498683d-77b5-4dfc-85a1-a28a1f4e32ce',
  /** Closed (4). */
  closed: 'ab7e8955-d98a-418d-bb74-688facafc3a9',
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
