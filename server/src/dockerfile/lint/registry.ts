import type { RuleMeta } from '../../../../common/rules';
import { addUrlChecksum } from '../rules/cache/addUrlChecksum';
import { installWithoutUpdate, packageUpgrade, updateAlone } from '../rules/cache/aptUpdate';
import { cacheBustEnv } from '../rules/cache/cacheBust';
import { copyAllBeforeInstall } from '../rules/cache/copyBeforeInstall';
import { debianFrontendEnv } from '../rules/correctness/debianFrontend';
import { invalidExecForm, shellFormCmd } from '../rules/correctness/execForm';
import { fromLatest } from '../rules/correctness/fromTag';
import { globalArgNotRedeclared } from '../rules/correctness/globalArg';
import { missingArguments, onbuildForbidden, unknownInstruction } from '../rules/correctness/instructions';
import { maintainerDeprecated } from '../rules/correctness/maintainer';
import { multipleCmd } from '../rules/correctness/multipleCmd';
import { notInFinalImage } from '../rules/correctness/notInFinalImage';
import { runCd } from '../rules/correctness/runCd';
import { copyFromUnknownStage, duplicateStageName } from '../rules/correctness/stageRefs';
import { undefinedVar } from '../rules/correctness/undefinedVar';
import { relativeWorkdir } from '../rules/correctness/workdir';
import { duplicateExpose } from '../rules/expose/duplicateExpose';
import {
  exposeInvalidPort,
  exposeMapping,
  exposeProtocol,
  exposeReversedRange,
} from '../rules/expose/exposeRules';
import { chownAfterCopy } from '../rules/layers/chownAfterCopy';
import { consecutiveRun } from '../rules/layers/consecutiveRun';
import { deletedLater } from '../rules/layers/deletedLater';
import { noInstallRecommends } from '../rules/layers/noInstallRecommends';
import { apkNoCache, aptListsLeft, pipNoCacheDir } from '../rules/layers/packageCache';
import { addInsecureUrl } from '../rules/security/addInsecureUrl';
import { chmod777, curlPipeShell, sudoInRun } from '../rules/security/runRisks';
import { copyAllNoDockerignore, secretFileCopied, secretInArgEnv } from '../rules/security/secrets';
import { lastUserRoot, noUser } from '../rules/security/user';
import { addInsteadOfCopy } from '../rules/style/addInsteadOfCopy';
import { aptNotAptGet } from '../rules/style/aptInScript';
import { fromAsCasing, instructionCasing, stageNameCasing } from '../rules/style/casing';
import { legacyKeyValue } from '../rules/style/legacyEnv';
import { anonymousVolume } from '../rules/volume/anonymousVolume';
import { copyIntoVolume } from '../rules/volume/copyIntoVolume';
import { duplicateVolume } from '../rules/volume/duplicateVolume';
import { volumeHostPath } from '../rules/volume/volumeHostPath';
import { volumeInvalidJson } from '../rules/volume/volumeJson';
import { writeUnderVolume } from '../rules/volume/writeUnderVolume';
import type { Rule } from './types';

/** Parse errors are reported under this id so that they can be configured like any rule. */
export const parseErrorRule: RuleMeta = {
  id: 'parse-error',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'The Dockerfile cannot be parsed',
      explanation: 'Docker would refuse to build this file; the message says why.',
    },
    'zh-cn': { title: 'Dockerfile 无法解析', explanation: 'Docker 会拒绝构建这个文件；消息说明了原因。' },
  },
};

export const lintLimitRule: RuleMeta = {
  id: 'lint-limit',
  aliases: [],
  category: 'correctness',
  severity: 'info',
  docs: {
    en: {
      title: 'Linting stopped at the instruction limit',
      explanation:
        'The file has more instructions than berth.lint.maxInstructions (1,000 by default; the largest of 211 real Dockerfiles Berth is tested on has 254). Berth checked the instructions up to here and left the rest, and skipped the rules that need the final stage, so that the editor stays responsive on machine-made files. Raise the setting (or pass --max-instructions to berth-lint; 0 reads everything) to check the whole file.',
    },
    'zh-cn': {
      title: '检查在指令上限处停止',
      explanation:
        '文件中的指令数超过了 berth.lint.maxInstructions（默认 1,000；Berth 测试所用的 211 个真实 Dockerfile 中最大的有 254 条）。Berth 只检查到这里为止的指令，其余部分未检查，并跳过了需要最终阶段的规则，以便编辑器在机器生成的文件上保持流畅。提高此设置（或给 berth-lint 传 --max-instructions；0 表示全部读取）即可检查整个文件。',
    },
  },
};

/**
 * Every rule, in the order in which findings at the same position are reported (berth-lint prints
 * them so). A rule's category is in its metadata and names its folder.
 */
export const allRules: readonly Rule[] = [
  consecutiveRun,
  aptListsLeft,
  apkNoCache,
  pipNoCacheDir,
  deletedLater,
  noInstallRecommends,
  chownAfterCopy,
  installWithoutUpdate,
  updateAlone,
  copyAllBeforeInstall,
  cacheBustEnv,
  addUrlChecksum,
  packageUpgrade,
  volumeInvalidJson,
  writeUnderVolume,
  copyIntoVolume,
  volumeHostPath,
  anonymousVolume,
  duplicateVolume,
  exposeInvalidPort,
  exposeProtocol,
  exposeMapping,
  exposeReversedRange,
  duplicateExpose,
  instructionCasing,
  fromAsCasing,
  stageNameCasing,
  maintainerDeprecated,
  multipleCmd,
  invalidExecForm,
  shellFormCmd,
  relativeWorkdir,
  fromLatest,
  duplicateStageName,
  copyFromUnknownStage,
  undefinedVar,
  unknownInstruction,
  missingArguments,
  runCd,
  onbuildForbidden,
  legacyKeyValue,
  notInFinalImage,
  globalArgNotRedeclared,
  debianFrontendEnv,
  lastUserRoot,
  noUser,
  secretFileCopied,
  copyAllNoDockerignore,
  secretInArgEnv,
  curlPipeShell,
  addInsecureUrl,
  chmod777,
  sudoInRun,
  addInsteadOfCopy,
  aptNotAptGet,
];

/** Every rule's metadata, parse errors included: for hovers, docs and `--list-rules`. */
export const allRuleMeta: readonly RuleMeta[] = [parseErrorRule, lintLimitRule, ...allRules];

export function findRule(idOrAlias: string): RuleMeta | undefined {
  const key = idOrAlias.toLowerCase();
  return allRuleMeta.find((r) => r.id === key || r.aliases.some((a) => a.toLowerCase() === key));
}
