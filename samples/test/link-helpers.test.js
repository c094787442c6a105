// Unit tests of webresources/link-helpers.js against @omnichannel-tools/testing, as a project of your own
// would write them: `npm test` in this folder (mocha). The web resource is a classic browser script, so it
// is loaded the way the browser loads it, into a window of its own (Node's vm), with the Omnichannel test
// double installed on that window and the simulator seeded from the same .omnichannel/simulator.json that
// the extension's Simulator reads.
"use strict";

const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { installOmnichannel } = require("@omnichannel-tools/testing");

const SEED = path.join(__dirname, "..", ".omnichannel", "simulator.json");
const SCRIPT = path.join(__dirname, "..", "webresources", "link-helpers.js");

const PRINTER_CHAT = "7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6"; // focused, active
const VAT_CALL = "9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f"; // active, nothing linked
const REPLACEMENT_CHAT = "2b3c4d5e-6f70-4812-93a4-b5c6d7e8f901"; // waiting
const PRINTER_CASE = "c0ffee00-1234-4abc-9def-00112233aabb";
const FOURTH_COFFEE = "a1c2e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

/** A case form's formContext, as much of it as the helpers use: getId() returns "{UPPER-CASE}" as Dynamics does. */
function caseFormContext(caseId) {
  return { data: { entity: { getId: () => `{${caseId.toUpperCase()}}` } } };
}

describe("link-helpers.js", () => {
  let window;
  let omnichannel;
  let consoleErrors;

  beforeEach(() => {
    consoleErrors = [];
    window = vm.createContext({ console: { error: (...args) => consoleErrors.push(args.join(" ")), log() {} } });
    window.window = window;
    omnichannel = installOmnichannel({ seed: SEED, target: window });
    vm.runInContext(readFileSync(SCRIPT, "utf8"), window, { filename: SCRIPT });
  });

  afterEach(() => omnichannel.uninstall());

  const conversation = id => omnichannel.state().conversations.find(c => c.id === id);
  const methods = () => omnichannel.calls.map(c => c.method);

  it("links the form's case to the focused conversation, then refreshes the tab", async () => {
    await window.ContosoLinks.linkCaseFromForm(caseFormContext(PRINTER_CASE));

    assert.deepEqual(conversation(PRINTER_CHAT).case, { id: PRINTER_CASE });
    assert.deepEqual(omnichannel.calls[0].args, ["incident", PRINTER_CASE], "the braces are stripped and the case lowered");
    assert.deepEqual(methods(), ["linkToConversation", "getFocusedSession", "getFocusedTab", "refresh"], "the refresh comes after the link");
    assert.deepEqual(consoleErrors, []);
  });

  it("links an account to a conversation that is not focused", async () => {
    assert.equal(await window.ContosoLinks.linkAccount(FOURTH_COFFEE.toUpperCase(), VAT_CALL), true);

    assert.deepEqual(conversation(VAT_CALL).customer, { entity: "account", id: FOURTH_COFFEE });
    assert.equal(methods().at(-1), "refresh");
  });

  it("reports a failed link and does not refresh", async () => {
    omnichannel.failNext("linkToConversation", new Error("Service unavailable"));

    assert.equal(await window.ContosoLinks.linkAccount(FOURTH_COFFEE, VAT_CALL), false);

    assert.deepEqual(consoleErrors, ["Linking the account failed: Service unavailable"]);
    assert.deepEqual(methods(), ["linkToConversation"], "nothing refreshes after a failure");
    assert.equal(conversation(VAT_CALL).customer, null, "nothing was linked");
  });

  it("handles the rejection of a conversation that is not active", async () => {
    assert.equal(await window.ContosoLinks.linkAccount(FOURTH_COFFEE, REPLACEMENT_CHAT), false);

    assert.equal(omnichannel.calls[0].outcome.error.code, "conversation-not-active");
    assert.match(consoleErrors[0], /^Linking the account failed: .*is Waiting \(statuscode 3\)/);
    assert.deepEqual(methods(), ["linkToConversation"]);
  });

  it("unlinks the case and refreshes", async () => {
    await window.ContosoLinks.linkCaseFromForm(caseFormContext(PRINTER_CASE));
    const before = omnichannel.calls.length;

    await window.ContosoLinks.unlinkCase(PRINTER_CASE);

    assert.equal(conversation(PRINTER_CHAT).case, null);
    assert.deepEqual(methods().slice(before), ["unlinkFromConversation", "getFocusedSession", "getFocusedTab", "refresh"]);
  });
});
