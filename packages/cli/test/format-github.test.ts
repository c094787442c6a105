/** `--format github`: one workflow command per problem, with GitHub's escaping, so pull requests get annotations. */
import * as assert from 'node:assert/strict';
import { escapeData, escapeProperty } from '../src/format-github';
import { BAD, afterTwoCustomerLinks, useTempDir } from './support';

const MIXED = afterTwoCustomerLinks(
  'Microsoft.Omnichannel.linkToConversation("100%", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").then(() => Microsoft.Apm.refreshTab("t"), e => e);',
);

describe('cli: --format github', () => {
  const t = useTempDir();

  it('prints ::error, ::warning and ::notice commands with file, line, col, endLine, endColumn and the rule as title', () => {
    t.write('web/m.js', MIXED);
    const r = t.cli('--format', 'github', 'web/m.js');
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, -1), [
      '::notice file=web/m.js,line=4,col=33,endLine=4,endColumn=51,title=omnichannel/link-overridden::' +
        'Keep only one customer (account or contact) link: this one replaces the link on line 3.',
      '::error file=web/m.js,line=8,col=42,endLine=8,endColumn=48,title=omnichannel/invalid-entity-name::' +
        'Use account, contact or incident: "100%25" cannot be linked.',
    ]);
    assert.match(lines.at(-1)!, /^2 problems \(1 error, 0 warnings, 1 info\) in 1 file\.$/);
    t.write('w.js', 'Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").catch(e => e);\n');
    assert.match(t.cli('--format', 'github', 'w.js').stdout, /^::warning file=w\.js,line=1,col=23,endLine=1,endColumn=41,title=omnichannel\/missing-ui-refresh::/m);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties, as GitHub requires', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,with:odd%\nname.js'), 'dir%2Cwith%3Aodd%25%0Aname.js');
    t.write('odd,name:1.js', BAD);
    assert.match(t.cli('--format', 'github', 'odd,name:1.js').stdout, /^::error file=odd%2Cname%3A1\.js,line=2,col=44,/m);
  });

  it('annotates files it could not read as errors, or warnings with --no-error-on-unreadable', () => {
    t.write('a.js', BAD);
    assert.match(t.cli('--format', 'github', 'a.js', '/dev/null').stdout, /^::error file=\/dev\/null,title=omnichannel-lint%3A cannot read::\/dev\/null: refused: it is a character device/m);
    assert.match(t.cli('--format', 'github', '--no-error-on-unreadable', 'a.js', '/dev/null').stdout, /^::warning file=\/dev\/null,title=omnichannel-lint%3A cannot read::/m);
  });
});
