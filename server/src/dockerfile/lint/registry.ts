import type { RuleMeta } from '../../../../common/rules';
import { addUrlChecksum } from '../rules/cache/addUrlChecksum';
import { installWithoutUpdate, packageUpgrade, updateAlone } from '../rules/cache/aptUpdate';
import { cacheBustEnv } from '../rules/cache/cacheBust';
import { copyAllBeforeInstall } from '../rules/cache/copyBeforeInstall';
import { apkUnpinned, gemUnpinned, goUnpinned, npmUnpinned, pipUnpinned } from '../rules/cache/languagePins';
import { dnfUnpinned, yumUnpinned, zypperUnpinned } from '../rules/cache/rpmPins';
import { zypperDistUpgrade } from '../rules/cache/zypperDistUpgrade';
import {
  aptGetWithoutYes,
  dnfWithoutYes,
  yumWithoutYes,
  zypperWithoutNonInteractive,
} from '../rules/correctness/assumeYes';
import { pointlessInContainer } from '../rules/correctness/containerCommands';
import { copyManyToFile, copyRelativeNoWorkdir } from '../rules/correctness/copyDestination';
import { envSelfReference } from '../rules/correctness/envSelfReference';
import { copyIgnoredFile } from '../rules/correctness/copyIgnoredFile';
import { debianFrontendEnv } from '../rules/correctness/debianFrontend';
import { invalidExecForm, shellFormCmd } from '../rules/correctness/execForm';
import { fromLatest } from '../rules/correctness/fromTag';
import { globalArgNotRedeclared } from '../rules/correctness/globalArg';
import { missingArguments, onbuildForbidden, unknownInstruction } from '../rules/correctness/instructions';
import { maintainerDeprecated } from '../rules/correctness/maintainer';
import { multipleCmd } from '../rules/correctness/multipleCmd';
import { archiveExtractedAfterCopy } from '../rules/layers/archiveExtractedAfterCopy';
import { aptUnpinned } from '../rules/cache/aptPins';
import { healthcheckMissing } from '../rules/correctness/healthcheckMissing';
import { inlineIgnorePragma } from '../rules/style/inlineIgnorePragma';
import { pipefail } from '../rules/correctness/pipefail';
import { fromPlatformConst } from '../rules/correctness/fromPlatformConst';
import { invalidDefaultArgInFrom } from '../rules/correctness/invalidDefaultArgInFrom';
import { noBuildStage } from '../rules/correctness/noBuildStage';
import { noEmptyContinuation } from '../rules/correctness/noEmptyContinuation';
import { reservedStageName } from '../rules/correctness/reservedStageName';
import { notInFinalImage } from '../rules/correctness/notInFinalImage';
import { runCd } from '../rules/correctness/runCd';
import { shellSymlink } from '../rules/correctness/shellSymlink';
import { copyFromUnknownStage, duplicateStageName } from '../rules/correctness/stageRefs';
import { undefinedArgInFrom } from '../rules/correctness/undefinedArgInFrom';
import { undefinedVar } from '../rules/correctness/undefinedVar';
import { relativeWorkdir } from '../rules/correctness/workdir';
import { duplicateExpose } from '../rules/expose/duplicateExpose';
import {
  exposeInvalidPort,
  exposeMapping,
  exposeProtocol,
  exposeProtoCasing,
  exposeReversedRange,
} from '../rules/expose/exposeRules';
import { chownAfterCopy } from '../rules/layers/chownAfterCopy';
import { consecutiveRun } from '../rules/layers/consecutiveRun';
import { copyWholeStage } from '../rules/layers/copyWholeStage';
import { curlAndWget } from '../rules/layers/curlAndWget';
import { deletedLater } from '../rules/layers/deletedLater';
import { noInstallRecommends } from '../rules/layers/noInstallRecommends';
import { apkNoCache, aptListsLeft } from '../rules/layers/packageCache';
import { pipNoCacheDir } from '../rules/layers/pipCache';
import { dnfCacheLeft, yumCacheLeft, zypperCacheLeft } from '../rules/layers/rpmCache';
import { useraddHighUid } from '../rules/layers/useraddLog';
import { yarnCacheLeft } from '../rules/layers/yarnCache';
import { addInsecureUrl } from '../rules/security/addInsecureUrl';
import { chmod777, curlPipeShell, sudoInRun } from '../rules/security/runRisks';
import { copyAllNoDockerignore, secretFileCopied, secretInArgEnv } from '../rules/security/secrets';
import { untrustedRegistry } from '../rules/security/untrustedRegistry';
import { lastUserRoot, noUser } from '../rules/security/user';
import { redundantTargetPlatform } from '../rules/style/redundantTargetPlatform';
import { addInsteadOfCopy } from '../rules/style/addInsteadOfCopy';
import { aptNotAptGet } from '../rules/style/aptInScript';
import { fromAsCasing, instructionCasing, stageNameCasing } from '../rules/style/casing';
import { labelKey } from '../rules/style/labelKey';
import { labelMissing } from '../rules/style/labelMissing';
import { labelEmpty, labelNotInSchema } from '../rules/style/labelSchema';
import {
  labelInvalidEmail,
  labelInvalidGitHash,
  labelInvalidSemver,
  labelInvalidSpdx,
  labelInvalidTime,
  labelInvalidUrl,
} from '../rules/style/labelValues';
import { legacyKeyValue } from '../rules/style/legacyEnv';
import { wgetProgress } from '../rules/style/wgetProgress';
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
  archiveExtractedAfterCopy,
  noInstallRecommends,
  chownAfterCopy,
  yumCacheLeft,
  dnfCacheLeft,
  zypperCacheLeft,
  yarnCacheLeft,
  useraddHighUid,
  curlAndWget,
  copyWholeStage,
  installWithoutUpdate,
  updateAlone,
  copyAllBeforeInstall,
  cacheBustEnv,
  addUrlChecksum,
  packageUpgrade,
  zypperDistUpgrade,
  aptUnpinned,
  apkUnpinned,
  npmUnpinned,
  gemUnpinned,
  goUnpinned,
  pipUnpinned,
  yumUnpinned,
  dnfUnpinned,
  zypperUnpinned,
  volumeInvalidJson,
  writeUnderVolume,
  copyIntoVolume,
  volumeHostPath,
  anonymousVolume,
  duplicateVolume,
  exposeInvalidPort,
  exposeProtocol,
  exposeProtoCasing,
  exposeMapping,
  exposeReversedRange,
  duplicateExpose,
  noBuildStage,
  noEmptyContinuation,
  instructionCasing,
  fromAsCasing,
  stageNameCasing,
  maintainerDeprecated,
  multipleCmd,
  healthcheckMissing,
  invalidExecForm,
  shellFormCmd,
  relativeWorkdir,
  fromLatest,
  duplicateStageName,
  reservedStageName,
  fromPlatformConst,
  copyFromUnknownStage,
  copyIgnoredFile,
  undefinedVar,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  unknownInstruction,
  missingArguments,
  runCd,
  onbuildForbidden,
  legacyKeyValue,
  notInFinalImage,
  globalArgNotRedeclared,
  debianFrontendEnv,
  aptGetWithoutYes,
  yumWithoutYes,
  dnfWithoutYes,
  zypperWithoutNonInteractive,
  pointlessInContainer,
  shellSymlink,
  pipefail,
  copyManyToFile,
  copyRelativeNoWorkdir,
  envSelfReference,
  lastUserRoot,
  noUser,
  secretFileCopied,
  copyAllNoDockerignore,
  secretInArgEnv,
  curlPipeShell,
  addInsecureUrl,
  untrustedRegistry,
  chmod777,
  sudoInRun,
  addInsteadOfCopy,
  redundantTargetPlatform,
  aptNotAptGet,
  wgetProgress,
  labelKey,
  labelMissing,
  labelNotInSchema,
  labelEmpty,
  labelInvalidUrl,
  labelInvalidTime,
  labelInvalidSpdx,
  labelInvalidGitHash,
  labelInvalidSemver,
  labelInvalidEmail,
  inlineIgnorePragma,
];

/** Every rule's metadata, parse errors included: for hovers, docs and `--list-rules`. */
export const allRuleMeta: readonly RuleMeta[] = [parseErrorRule, lintLimitRule, ...allRules];

export function findRule(idOrAlias: string): RuleMeta | undefined {
  const key = idOrAlias.toLowerCase();
  return allRuleMeta.find((r) => r.id === key || r.aliases.some((a) => a.toLowerCase() === key));
}
