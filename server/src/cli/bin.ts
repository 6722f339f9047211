#!/usr/bin/env node
// berth-lint's bin: turns on Node's compile cache, then loads the CLI bundle beside it. The cache
// covers only modules loaded after it is on, which is why the CLI is a file of its own.
import { createRequire } from 'node:module';
import { enableCompileCache } from './compileCache';

enableCompileCache();
createRequire(__filename)('./berth-lint-cli.js');
