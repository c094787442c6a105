#!/usr/bin/env node
/** `omnichannel-language-server --stdio` (or `--node-ipc`, `--socket=<port>`): starts the server in this process. */
import './server';
