#!/usr/bin/env node
'use strict';
// The bundle is compiled before any of its code runs, so Node's compile cache (Node 22.1 and
// later; absent on 20) is switched on here, in a file of its own: later runs read the compiled
// code from the cache instead of compiling the bundle again.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
require('../dist/berth-lint.js');
