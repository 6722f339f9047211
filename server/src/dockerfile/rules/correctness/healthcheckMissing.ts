import type { BuildStage } from '../../semantics/stages';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

export const healthcheckMissing: Rule = {
  id: 'healthcheck-missing',
  aliases: ['DL3057'],
  category: 'correctness',
  severity: 'off',
  docs: {
    en: {
      title: 'No HEALTHCHECK for the image of this stage',
      explanation:
        'Without a `HEALTHCHECK`, Docker only knows whether a container\'s process runs, not whether it still answers: a server that hangs stays "Up", a `depends_on: condition: service_healthy` never starts its dependant, and Swarm never replaces the task. Add `HEALTHCHECK CMD …` (with a command the image has, e.g. `wget -q --spider http://localhost:8080/health || exit 1`), or `HEALTHCHECK NONE` to say the image needs none. As hadolint\'s DL3057, a stage counts as checked when it has a `HEALTHCHECK`, is built on a stage that has one, or a stage built on it has one; every other stage is reported at its `FROM`, so a build stage that no checked stage builds on is reported too. That is why the rule is off, as in hadolint: turn it on with a severity, in `berth.lint.severity` (`"DL3057": "warning"`), a `.hadolint.yaml` `override` (`warning: [DL3057]`) or `berth-lint --warning DL3057`.',
    },
    'zh-cn': {
      title: '这个阶段的镜像没有 HEALTHCHECK',
      explanation:
        '没有 `HEALTHCHECK` 时，Docker 只知道容器的进程还在不在，不知道它还能不能响应：卡死的服务仍显示 "Up"，`depends_on: condition: service_healthy` 的依赖方永远不会启动，Swarm 也不会替换这个任务。加上 `HEALTHCHECK CMD …`（用镜像里有的命令，例如 `wget -q --spider http://localhost:8080/health || exit 1`），或者用 `HEALTHCHECK NONE` 表明不需要。与 hadolint 的 DL3057 一样，一个阶段本身有 `HEALTHCHECK`、基于有 `HEALTHCHECK` 的阶段、或者有基于它的阶段带 `HEALTHCHECK` 时都算已检查；其余阶段都在其 `FROM` 处报告，所以没有被任何已检查阶段使用的构建阶段也会被报告。因此这条规则与 hadolint 一样默认关闭：给它一个严重级别即可打开，例如 `berth.lint.severity`（`"DL3057": "warning"`）、`.hadolint.yaml` 的 `override`（`warning: [DL3057]`）或 `berth-lint --warning DL3057`。',
    },
  },
  check(ctx) {
    // In file order, as hadolint decides: a stage inherits the check of the stage it is built
    // on as that stage stands at its FROM, and a HEALTHCHECK covers every stage it is built on.
    const checked = new Set<BuildStage>();
    for (const stage of ctx.stages) {
      if (stage.parent && checked.has(stage.parent)) checked.add(stage);
      if (!stage.instructions.some((ins) => ins.name === 'HEALTHCHECK')) continue;
      for (let s: BuildStage | undefined = stage; s && !checked.has(s); s = s.parent) checked.add(s);
    }
    for (const stage of ctx.stages) {
      if (checked.has(stage)) continue;
      ctx.report(
        stage.from.keywordRange,
        text(
          'No HEALTHCHECK for this stage: neither it, a stage it is built on, nor a stage built on it has one. Add `HEALTHCHECK CMD …`, or `HEALTHCHECK NONE` if none is wanted.',
          '这个阶段没有 HEALTHCHECK：它自己、它所基于的阶段、以及基于它的阶段都没有。请加上 `HEALTHCHECK CMD …`；如果不需要，写 `HEALTHCHECK NONE`。',
        ),
      );
    }
  },
};
