// The layering `npm run lint` enforces: what each part of Berth may import. Paths are from the
// repository root; type-only imports count too (tsPreCompilationDeps).
const vscodeModules = '^node_modules/(@types/vscode|vscode-languageclient|vscode-jsonrpc)/';
/** Tree presentation: the tree glue in views/ and each feature's tree/ folder. */
const treePresentation = '^client/src/(views|[^/]+/tree)/';
/** Commands: the command framework in commands/ and each feature's commands/ folder. */
const commands = '^client/src/(commands|[^/]+/commands)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-never-vscode',
      comment:
        'The engine layer runs under node:test and will run beside other engines: it never imports vscode, nor anything that does.',
      severity: 'error',
      from: { path: '^client/src/engine/' },
      to: { path: vscodeModules, reachable: true },
    },
    {
      name: 'engine-stands-alone',
      comment:
        'The engine layer imports only itself (and node and npm packages, and the address arithmetic the language server shares): everything else builds on it.',
      severity: 'error',
      from: { path: '^client/src/engine/' },
      to: { path: '^(client|server|common)/', pathNot: '^(client/src/engine/|common/ip\\.ts$)' },
    },
    {
      name: 'pure-parts-never-vscode',
      comment:
        "Shared helpers, each feature's tree presentation and each feature's engine work (core/) stay vscode-free, so node:test checks them.",
      severity: 'error',
      from: { path: '^client/src/(shared/|[^/]+/tree/|[^/]+/core/|views/(project|hintsAndActions)\\.ts$)' },
      to: { path: vscodeModules, reachable: true },
    },
    {
      name: 'views-never-commands',
      comment: 'Tree presentation projects the model; commands act on it. A view never imports a command.',
      severity: 'error',
      from: { path: treePresentation },
      to: { path: commands, reachable: true },
    },
    {
      name: 'server-never-client',
      comment: 'The language server and berth-lint share only common/ with the extension.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'cli-never-language-server',
      comment: 'berth-lint runs without the language-server process: cli/ never imports lsp/ or main.ts.',
      severity: 'error',
      from: { path: '^server/src/cli/' },
      to: { path: '^server/src/(lsp/|main\\.ts$)' },
    },
    {
      name: 'client-never-server',
      comment: 'The extension talks to the language server over LSP; it shares only common/ with it.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'common-stands-alone',
      comment: 'common/ is what both sides share, so it imports neither.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules that import each other cannot be read, tested or moved one at a time.',
      severity: 'error',
      from: { path: '^(client/src|server/src|common)/' },
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
