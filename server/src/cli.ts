#!/usr/bin/env node
console.error('berth-lint: not built yet');
process.exit(2);
