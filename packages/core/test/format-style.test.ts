/** Reading a file's code style, and writing code in it. */
import * as assert from 'node:assert/strict';
import { OmnichannelDocument } from '../src/document';
import { callback, DEFAULT_STYLE, detectStyle, quoted, statement } from '../src/format/style';

function styleOf(text: string) {
  return detectStyle(new OmnichannelDocument('form.js', text).sourceFile);
}

describe('code style', () => {
  it('reads tabs, single quotes, no semicolons and function callbacks', () => {
    const style = styleOf([
      'function onLoad(context) {',
      "\tconst form = context.getFormContext()",
      "\tform.getAttribute('title').addOnChange(function () {",
      "\t\tlog('changed')",
      '\t})',
      '}',
    ].join('\n'));
    assert.deepEqual(style, { ...DEFAULT_STYLE, indentUnit: '\t', quote: "'", semicolons: false, callbacks: 'function' });
  });

  it('reads two-space indentation, double quotes, semicolons, arrows and CRLF', () => {
    const style = styleOf('function f() {\r\n  if (a) {\r\n    run("x", () => done());\r\n  }\r\n}\r\n');
    assert.deepEqual(style, { ...DEFAULT_STYLE, indentUnit: '  ', newline: '\r\n' });
  });

  it('ignores the one-space indent of a JSDoc body', () => {
    assert.equal(styleOf('/**\n * Doc.\n * More.\n */\nfunction f() {\n    go();\n}\n').indentUnit, '    ');
  });

  it('keeps the defaults for a file too small to tell', () => {
    assert.deepEqual(styleOf(''), DEFAULT_STYLE);
  });

  it('writes callbacks, statements and strings in the style', () => {
    const arrow = { ...DEFAULT_STYLE, indentUnit: '  ', semicolons: false };
    assert.equal(callback(arrow, ['error'], ['log(error)'], ''), 'error => log(error)');
    assert.equal(callback(arrow, [], ['a()', 'b()'], '  '), '() => {\n    a()\n    b()\n  }');
    assert.equal(callback(arrow, [], ['aVeryLongCall()'], '', 10), '() => {\n  aVeryLongCall()\n}', 'too long for one line');
    const fn = { ...DEFAULT_STYLE, indentUnit: '\t', callbacks: 'function' as const };
    assert.equal(callback(fn, ['error'], ['log(error)'], '\t'), 'function (error) {\n\t\tlog(error);\n\t}');
    assert.equal(statement(arrow, 'go()'), 'go()');
    assert.equal(quoted({ ...DEFAULT_STYLE, quote: "'" }, "it's"), "'it\\'s'");
  });
});
