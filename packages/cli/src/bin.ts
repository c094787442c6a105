#!/usr/bin/env node
/** `omnichannel-lint [options] <files, folders or globs>`: the CLI's entry point; see `cli.ts`. */
import { run } from './cli';

process.exitCode = run(process.argv.slice(2), process.cwd(), s => process.stdout.write(s), s => process.stderr.write(s));
