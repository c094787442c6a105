/**
 * The built-in seed used when the workspace has no `.omnichannel/simulator.json`: a support desk's
 * morning, with conversations in every interesting status so each link rule can be tried at once.
 */
import type { SimulatorData } from './types';

export const ACCOUNTS = {
  contoso: '74d65c7e-a046-4620-b802-f2b0381c7899',
  fabrikam: 'b526a563-0ee6-4354-878e-46d77f84ddb1',
  adventureWorks: 'e4ad6e09-bde8-4754-9f54-6139fd64e641',
};

export const CONTACTS = {
  mariaCampbell: '2729716a-5d2b-465e-888d-cd080dcfa5a2',
  yvonneMcKay: 'e40cdfdd-198e-4cd6-b6e3-09cba5091364',
  nancyAnderson: 'c2eac2ab-6fcc-42b1-93cb-28e3033971bb',
  sidneyHiggins: 'c30ee217-9262-4d68-a8b0-fc26e3a61bdb',
};

export const CASES = {
  printerJam: '7282041d-0cdb-42b4-b78b-c5e1b1fefe91',
  invoiceQuery: 'f366e596-f7b8-40f3-ac69-79ac36795f41',
  deliveryDelay: '3e91c564-4ab1-4c61-9a21-395003510ba4',
};

export const CONVERSATIONS = {
  focused: 'cac0dcce-6d4e-4d16-96fd-4c620006b2df',
  secondActive: '8f72e4b7-2fe7-4490-be4b-71733949046e',
  queued: '976611b9-ca3d-41a6-bda5-29cb1d1e1913',
  waiting: '52518942-e4a1-46ad-b11a-017d04c2c3eb',
  wrapUp: '2498683d-77b5-4dfc-85a1-a28a1f4e32ce',
  closed: 'ab7e8955-d98a-418d-bb74-688facafc3a9',
};

/** Deep-frozen so a caller can never change the built-in seed by accident. */
export const SAMPLE_DATA: SimulatorData = deepFreeze({
  focusedConversationId: CONVERSATIONS.focused,
  conversations: [
    {
      id: CONVERSATIONS.focused,
      title: 'Chat: printer keeps jamming on tray 2',
      statuscode: 2,
      createdOn: '2025-03-10T08:42:00Z',
      customer: { entity: 'contact', id: CONTACTS.mariaCampbell },
      case: null,
    },
    {
      id: CONVERSATIONS.secondActive,
      title: 'Voice: question about the March invoice',
      statuscode: 2,
      createdOn: '2025-03-10T08:55:00Z',
      customer: { entity: 'account', id: ACCOUNTS.fabrikam },
      case: { id: CASES.invoiceQuery },
    },
    {
      id: CONVERSATIONS.queued,
      title: 'Chat: order not delivered yet',
      statuscode: 1,
      createdOn: '2025-03-10T09:05:00Z',
      customer: null,
      case: null,
    },
    {
      id: CONVERSATIONS.waiting,
      title: 'SMS: waiting for a photo of the damaged parcel',
      statuscode: 3,
      createdOn: '2025-03-10T07:58:00Z',
      customer: { entity: 'contact', id: CONTACTS.nancyAnderson },
      case: { id: CASES.deliveryDelay },
    },
    {
      id: CONVERSATIONS.wrapUp,
      title: 'Chat: password reset for the partner portal',
      statuscode: 5,
      createdOn: '2025-03-10T07:31:00Z',
      customer: { entity: 'account', id: ACCOUNTS.adventureWorks },
      case: null,
    },
    {
      id: CONVERSATIONS.closed,
      title: 'Chat: opening hours over the holidays',
      statuscode: 4,
      createdOn: '2025-03-09T16:12:00Z',
      customer: { entity: 'contact', id: CONTACTS.sidneyHiggins },
      case: null,
    },
  ],
  records: {
    account: [
      { id: ACCOUNTS.contoso, name: 'Contoso Ltd' },
      { id: ACCOUNTS.fabrikam, name: 'Fabrikam, Inc.' },
      { id: ACCOUNTS.adventureWorks, name: 'Adventure Works Cycles' },
    ],
    contact: [
      { id: CONTACTS.mariaCampbell, name: 'Maria Campbell' },
      { id: CONTACTS.yvonneMcKay, name: 'Yvonne McKay' },
      { id: CONTACTS.nancyAnderson, name: 'Nancy Anderson' },
      { id: CONTACTS.sidneyHiggins, name: 'Sidney Higgins' },
    ],
    incident: [
      { id: CASES.printerJam, name: 'Printer jams on tray 2 (CAS-01024-Q8B2)' },
      { id: CASES.invoiceQuery, name: 'Invoice INV-20931 charged twice (CAS-01031-H3K9)' },
      { id: CASES.deliveryDelay, name: 'Parcel arrived damaged (CAS-01017-M1X4)' },
    ],
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
