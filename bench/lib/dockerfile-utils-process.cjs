// dockerfile-utils as one process over many Dockerfiles, the way berth-lint runs: load the
// library, validate each file named on the command line, print every diagnostic as JSON.
// (Its own bin lints one file per process.)
'use strict';
const fs = require('node:fs');
const { validate } = require('dockerfile-utils');

const results = process.argv
  .slice(2)
  .map((file) => ({ file, diagnostics: validate(fs.readFileSync(file, 'utf8')) }));
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
