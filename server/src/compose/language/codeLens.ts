// Above each network and volume key: what the engine has for it, and a click that shows it in
// Berth's view.
import type { CodeLens } from 'vscode-languageserver/node';
import { composeCommands, type EngineFacts, type RevealArgs } from '../../../../common/compose';
import type { RuleLanguage } from '../../../../common/rules';
import type { ComposeFile, ResourceDecl } from '../parse/model';
import { engineName } from '../project';

const words = {
  notCreated: { en: 'not created yet', 'zh-cn': '尚未创建' },
  missing: { en: 'does not exist on the engine', 'zh-cn': '引擎中不存在' },
  attached: {
    en: (n: number) => `${n} container${n === 1 ? '' : 's'} attached`,
    'zh-cn': (n: number) => `${n} 个容器已连接`,
  },
  using: {
    en: (n: number) => `used by ${n} container${n === 1 ? '' : 's'}`,
    'zh-cn': (n: number) => `${n} 个容器在使用`,
  },
};

function lens(decl: ResourceDecl, title: string, reveal: RevealArgs | undefined): CodeLens {
  return {
    range: decl.keyRange,
    command: reveal
      ? { title, command: composeCommands.reveal, arguments: [reveal] }
      : { title, command: '' },
  };
}

export function composeCodeLenses(
  file: ComposeFile,
  projectName: string,
  facts: EngineFacts | undefined,
  lang: RuleLanguage,
  /** The engine the facts are from, when the client has several. */
  engine?: string,
): CodeLens[] {
  const on = engine === undefined ? {} : { engine };
  if (!facts) return [];
  const out: CodeLens[] = [];
  for (const decl of file.networks) {
    const name = engineName(decl, projectName);
    if (name === undefined) continue;
    const network = facts.networks.find((n) => n.name === name);
    if (!network) {
      out.push(lens(decl, decl.external ? words.missing[lang] : words.notCreated[lang], undefined));
      continue;
    }
    const title = [words.attached[lang](network.containers), ...network.subnets].join(' · ');
    out.push(lens(decl, title, { kind: 'network', id: network.id, ...on }));
  }
  for (const decl of file.volumes) {
    const name = engineName(decl, projectName);
    if (name === undefined) continue;
    const volume = facts.volumes.find((v) => v.name === name);
    if (!volume) {
      out.push(lens(decl, decl.external ? words.missing[lang] : words.notCreated[lang], undefined));
      continue;
    }
    out.push(
      lens(decl, [words.using[lang](volume.containers), volume.driver].join(' · '), {
        kind: 'volume',
        id: volume.name,
        ...on,
      }),
    );
  }
  return out;
}
