// What a service's own Dockerfile says about its image: the ports it EXPOSEs and the paths it
// fills with COPY and ADD, along the stage chain that builds `build.target` (or the last stage).
import * as path from 'node:path';
import { parseDockerfile, type Instruction } from '../../dockerfile/parser';
import type { BuildSpec } from '../parse/model';
import { portRange } from '../parse/specs';
import type { ComposeContext } from './context';

export interface ExposedPort {
  start: number;
  end: number;
  protocol: string;
}

export interface FilledPath {
  path: string;
  line: number;
  instruction: string;
}

export interface DockerfileFacts {
  file: string;
  /** Undefined when an EXPOSE uses a variable or the chain has none (the base image may expose). */
  exposed: ExposedPort[] | undefined;
  filled: FilledPath[];
}

interface Stage {
  base: string;
  alias: string | undefined;
  body: Instruction[];
}

function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.name === 'FROM') {
      const words = ins.args.map((w) => w.value);
      stages.push({
        base: words[0] ?? '',
        alias: words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined,
        body: [],
      });
    } else stages.at(-1)?.body.push(ins);
  }
  return stages;
}

/** The target stage and the earlier stages it is built FROM, base first. */
function chain(stages: Stage[], target: string | undefined): Stage[] {
  let index = target ? stages.findIndex((s) => s.alias === target.toLowerCase()) : stages.length - 1;
  if (index < 0) return [];
  const out: Stage[] = [];
  for (let hops = 0; index >= 0 && hops < stages.length; hops++) {
    const stage = stages[index];
    out.unshift(stage);
    const base = stage.base.toLowerCase();
    index = stages.slice(0, index).findIndex((s) => s.alias === base);
  }
  return out;
}

function destination(ins: Instruction): string | undefined {
  const words = ins.json ?? ins.args.map((w) => w.value);
  return words.length >= 2 ? words.at(-1) : undefined;
}

function readFacts(file: string, source: string, target: string | undefined): DockerfileFacts {
  const stages = chain(stagesOf(parseDockerfile(source).instructions), target);
  let exposed: ExposedPort[] | undefined = [];
  let sawExpose = false;
  const filled: FilledPath[] = [];
  let workdir = '/';
  for (const stage of stages) {
    for (const ins of stage.body) {
      if (ins.name === 'EXPOSE') {
        sawExpose = true;
        for (const w of ins.args) {
          const [ports, protocol = 'tcp'] = w.value.split('/');
          const range = portRange(ports);
          if (!range) exposed = undefined;
          else exposed?.push({ ...range, protocol: protocol.toLowerCase() });
        }
      } else if (ins.name === 'WORKDIR' && !ins.argsText.includes('$')) {
        workdir = path.posix.resolve(workdir, ins.argsText.trim());
      } else if (ins.name === 'COPY' || ins.name === 'ADD') {
        const dest = destination(ins);
        if (dest && !dest.includes('$')) {
          filled.push({
            path: path.posix.resolve(workdir, dest),
            line: ins.range.start.line + 1,
            instruction: `${ins.keyword} ${ins.argsText}`.trim(),
          });
        }
      }
    }
  }
  return { file, exposed: sawExpose ? exposed : undefined, filled };
}

/** The facts for a service's build, or undefined when there is no readable local Dockerfile. */
export function dockerfileFacts(
  ctx: ComposeContext,
  build: BuildSpec | undefined,
): DockerfileFacts | undefined {
  if (!build) return undefined;
  if (build.inline !== undefined)
    return ctx.memo(`inline:${build.range.start.line}`, () =>
      readFacts('dockerfile_inline', build.inline ?? '', build.target),
    );
  const dir = ctx.dir;
  if (!dir || !ctx.host || /^[a-z]+:\/\/|^git@|\$/.test(build.context)) return undefined;
  const file = path.resolve(dir, build.context, build.dockerfile ?? 'Dockerfile');
  return ctx.memo(`dockerfile:${file}:${build.target ?? ''}`, () => {
    const source = ctx.host?.readText(file);
    return source === undefined ? undefined : readFacts(file, source, build.target);
  });
}
