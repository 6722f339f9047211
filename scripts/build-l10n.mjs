// Each area of the client keeps its Simplified Chinese strings in l10n/fragments/<area>.zh-cn.json
// (the key is the English text passed to vscode.l10n.t); VS Code wants one bundle per language.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, '..', 'l10n', 'fragments');
const bundle = {};
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.zh-cn.json'))
  .sort()) {
  const entries = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  for (const [key, value] of Object.entries(entries)) {
    if (key in bundle && bundle[key] !== value) {
      throw new Error(`l10n: "${key}" is translated differently in ${file} and an earlier fragment`);
    }
    bundle[key] = value;
  }
}
fs.writeFileSync(path.join(dir, '..', 'bundle.l10n.zh-cn.json'), JSON.stringify(bundle, null, 2) + '\n');
