#!/usr/bin/env node
// berth-lint's bin: loads the CLI bundle beside it with V8's code cache. NODE_DISABLE_COMPILE_CACHE
// turns the cache off, as it does Node's own.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir, runWithCodeCache } from './codeCache';
import { quickRun } from './jit';

// The cache holds code compiled under these flags; V8 refuses it under others.
quickRun();
// A run that only prints its version, help or rule list compiles little of the CLI: a cache
// made from it would be taken, and stay thin.
const informational = new Set(['-h', '--help', '-v', '--version', '--list-rules']);
const cache = process.env.NODE_DISABLE_COMPILE_CACHE
  ? undefined
  : {
      dir: codeCacheDir(process.platform, process.env, homedir()),
      write: !process.argv.slice(2).some((arg) => informational.has(arg)),
    };
runWithCodeCache(join(__dirname, 'berth-lint-cli.js'), cache);
