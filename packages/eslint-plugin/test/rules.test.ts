/**
 * Every rule through ESLint's own RuleTester: a case it reports, a case it leaves alone, and the exact text
 * `--fix` and each suggestion produce. RuleTester fails a case whose rule fixes without an `output`, or
 * suggests without `suggestions`, so a case without them also proves there is no autofix or suggestion.
 */
import { RuleTester } from 'eslint';
import plugin = require('../src/index');

const ID = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';
const REFRESH = 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()';
const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'script' } });

tester.run('omnichannel/invalid-entity-name', plugin.rules['invalid-entity-name'], {
  valid: [{ name: 'a link to "incident" is not reported', code: `Microsoft.Omnichannel.linkToConversation("incident", id);` }],
  invalid: [
    {
      name: '"case" is reported and --fix writes "incident"',
      code: `Microsoft.Omnichannel.linkToConversation("case", id);`,
      output: `Microsoft.Omnichannel.linkToConversation("incident", id);`,
      errors: [{ message: 'Use "incident": "case" is not a table linkToConversation accepts.', line: 1, column: 42, endColumn: 48 }],
    },
    {
      name: 'a custom table is reported with the three linkable tables as suggestions and no autofix',
      code: `Microsoft.Omnichannel.linkToConversation("new_project", id);`,
      errors: [{
        message: 'Use account, contact or incident: "new_project" cannot be linked.',
        suggestions: ['account', 'contact', 'incident'].map(name => ({
          desc: `Change to "${name}"`,
          output: `Microsoft.Omnichannel.linkToConversation("${name}", id);`,
        })),
      }],
    },
  ],
});

tester.run('omnichannel/invalid-record-id', plugin.rules['invalid-record-id'], {
  valid: [{ name: 'a lower-case GUID without braces is not reported', code: `Microsoft.Omnichannel.linkToConversation("incident", "${ID}");` }],
  invalid: [
    {
      name: 'a braced upper-case GUID is reported and --fix writes it lower case without braces',
      code: `Microsoft.Omnichannel.linkToConversation("incident", "{${ID.toUpperCase()}}");`,
      output: `Microsoft.Omnichannel.linkToConversation("incident", "${ID}");`,
      errors: [{ message: `Remove the braces from recordId: use "${ID}".` }],
    },
    {
      name: 'getId() passed straight in is reported with the normalisation as a suggestion, not an autofix',
      code: `Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId());`,
      errors: [{
        message: 'Remove the braces and lower the case of getId() for recordId.',
        suggestions: [{
          desc: 'Strip the braces and lower the case',
          output: `Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId().replace(/[{}]/g, "").toLowerCase());`,
        }],
      }],
    },
    {
      name: 'a literal that is no GUID at all is reported with nothing to fix',
      code: `Microsoft.Omnichannel.linkToConversation("incident", "case-42");`,
      errors: [{ message: 'Pass a GUID as recordId: "case-42" is not one.' }],
    },
  ],
});

tester.run('omnichannel/missing-ui-refresh', plugin.rules['missing-ui-refresh'], {
  valid: [
    { name: 'a link that refreshes the focused tab on success is not reported', code: `Microsoft.Omnichannel.linkToConversation("incident", id).then(() => ${REFRESH});` },
    {
      name: 'a link refreshed by a function named in the refreshFunctions option is not reported',
      code: `Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Utils.refreshUi());`,
      options: [{ refreshFunctions: ['Utils.refreshUi'] }],
    },
  ],
  invalid: [
    {
      name: 'an awaited link without a refresh is reported and the refresh after it is a suggestion',
      code: `async function link(id) {\n  await Microsoft.Omnichannel.linkToConversation("incident", id);\n}`,
      errors: [{
        message: 'Refresh the UI on success: linkToConversation only changes the database.',
        line: 2,
        suggestions: [{
          desc: `Refresh the UI on success: ${REFRESH}`,
          output: `async function link(id) {\n  await Microsoft.Omnichannel.linkToConversation("incident", id);\n  ${REFRESH};\n}`,
        }],
      }],
    },
    {
      name: 'the refreshCall option is the call the suggestion inserts',
      code: `Microsoft.Omnichannel.linkToConversation("incident", id);`,
      options: [{ refreshCall: 'refreshCaseTab();' }],
      errors: [{
        message: 'Refresh the UI on success: linkToConversation only changes the database.',
        suggestions: [{
          desc: 'Refresh the UI on success: refreshCaseTab()',
          output: `Microsoft.Omnichannel.linkToConversation("incident", id).then(() => refreshCaseTab());`,
        }],
      }],
    },
  ],
});

tester.run('omnichannel/unhandled-rejection', plugin.rules['unhandled-rejection'], {
  valid: [{ name: 'a call with a .catch is not reported', code: `Microsoft.Omnichannel.linkToConversation("incident", id).catch(e => console.error(e));` }],
  invalid: [
    {
      name: 'a call whose rejection nobody handles gets a .catch as a suggestion',
      code: `Microsoft.Omnichannel.linkToConversation("incident", id);`,
      errors: [{
        message: /^Handle the rejection/,
        suggestions: [{
          desc: 'Handle the rejection with .catch',
          // On one line it would pass 100 characters: the .catch goes on the next line, one level in.
          output: `Microsoft.Omnichannel.linkToConversation("incident", id)\n    .catch(error => console.error("linkToConversation failed:", error));`,
        }],
      }],
    },
    {
      name: 'an awaited call is wrapped in try/catch only as a suggestion, though the core writes it as one edit',
      code: `async function link(id) {\n  await Microsoft.Omnichannel.linkToConversation("incident", id);\n}`,
      errors: [{
        message: /^Handle the rejection/,
        suggestions: [{
          desc: 'Wrap in try/catch',
          output: `async function link(id) {\n  try {\n    await Microsoft.Omnichannel.linkToConversation("incident", id);\n  } catch (error) {\n    console.error("linkToConversation failed:", error);\n  }\n}`,
        }],
      }],
    },
  ],
});

tester.run('omnichannel/invalid-arguments', plugin.rules['invalid-arguments'], {
  valid: [{ name: 'a boolean literal for toSendBox is not reported', code: `Microsoft.Omnichannel.sendMessageToConversation("hello", false);` }],
  invalid: [
    {
      name: '"false" for a boolean is reported and --fix writes false',
      code: `Microsoft.Omnichannel.sendMessageToConversation("hello", "false");`,
      output: `Microsoft.Omnichannel.sendMessageToConversation("hello", false);`,
      errors: [{ message: /toSendBox/ }],
    },
    {
      name: 'a missing argument is reported with nothing to fix',
      code: `Microsoft.Omnichannel.linkToConversation("incident");`,
      errors: [{ message: 'Add recordId: linkToConversation needs 2 arguments, got 1.' }],
    },
  ],
});

tester.run('omnichannel/unknown-api-member', plugin.rules['unknown-api-member'], {
  valid: [{ name: 'a member the API has is not reported', code: `Microsoft.Omnichannel.getConversationId();` }],
  invalid: [
    {
      name: 'a misspelt member is reported and --fix renames it',
      code: `Microsoft.Omnichannel.linkToConverstion("incident", id);`,
      output: `Microsoft.Omnichannel.linkToConversation("incident", id);`,
      errors: [{ message: 'Did you mean linkToConversation? Microsoft.Omnichannel has no "linkToConverstion".' }],
    },
    {
      name: 'a member like no other is reported as undocumented, with the documented ones and nothing to fix',
      code: `Microsoft.Omnichannel.frobnicate();`,
      errors: [{ message: 'Prefer a documented member: frobnicate can change without notice.' }],
    },
  ],
});

tester.run('omnichannel/link-overridden', plugin.rules['link-overridden'], {
  valid: [{
    name: 'a customer link and a case link to one conversation are not reported',
    code: `Microsoft.Omnichannel.linkToConversation("account", a);\nMicrosoft.Omnichannel.linkToConversation("incident", c);`,
  }],
  invalid: [{
    name: 'a contact link right after an account link to the same conversation is reported on the second',
    code: `Microsoft.Omnichannel.linkToConversation("account", a);\nMicrosoft.Omnichannel.linkToConversation("contact", c);`,
    errors: [{ message: 'Keep only one customer (account or contact) link: this one replaces the link on line 1.', line: 2 }],
  }],
});
