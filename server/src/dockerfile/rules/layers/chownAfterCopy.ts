import type { Instruction } from '../../parser';
import type { Rule } from '../../lint/types';
import { absolute, copyParts, edit } from '../../lint/util';
import { type TextEdit, text } from '../../lint/report';

const ownerOrMode: ReadonlySet<string> = new Set(['chown', 'chmod']);

export const chownAfterCopy: Rule = {
  id: 'chown-after-copy',
  aliases: [],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: '`RUN chown/chmod` over files added by an earlier COPY/ADD',
      explanation:
        'Changing owner or mode copies every touched file into a new layer, so the bytes are stored twice. Set them while copying: `COPY --chown=user:group --chmod=755 src dst`.',
    },
    'zh-cn': {
      title: '对前面 COPY/ADD 加入的文件执行 `RUN chown/chmod`',
      explanation:
        '修改属主或权限会把涉及的每个文件复制到新的一层，字节被存了两份。请在复制时设置：`COPY --chown=user:group --chmod=755 src dst`。',
    },
  },
  check(ctx) {
    for (const stage of ctx.allStages) {
      const copies = new Map<string, { ins: Instruction; dest: string }>();
      // The WORKDIR is looked up only for the instructions that use it.
      for (const ins of stage.instructions) {
        if (ins.name === 'COPY' || ins.name === 'ADD') {
          const { dest } = copyParts(ins);
          const target =
            dest !== undefined && !/[$*]/.test(dest) ? absolute(dest, ctx.workdir(ins)) : undefined;
          if (target !== undefined && !copies.has(target)) copies.set(target, { ins, dest: target });
          continue;
        }
        if (ins.name !== 'RUN') continue;
        for (const { cmd, script } of ctx.commandsNamed(ins, ownerOrMode)) {
          const operands = cmd.args.filter((a) => !a.value.startsWith('-'));
          const mode = operands[0]?.value;
          const targets = operands.slice(1);
          if (mode === undefined || targets.length !== 1 || /[$*]/.test(targets[0].value)) continue;
          const target = absolute(targets[0].value, ctx.workdir(ins));
          const copy = copies.get(target);
          if (!copy) continue;
          const flagName = cmd.name === 'chown' ? 'chown' : 'chmod';
          const octal = /^[0-7]{3,4}$/.test(mode);
          if (flagName === 'chmod' && !octal) continue;
          const edits: TextEdit[] = [];
          const soleCommand =
            ctx.commands(ins).length === 1 && ins.json === undefined && ins.heredocs.length === 0;
          if (soleCommand && !copy.ins.flags.some((f) => f.name === flagName)) {
            edits.push(
              edit(
                { start: copy.ins.keywordRange.end, end: copy.ins.keywordRange.end },
                ` --${flagName}=${mode}`,
              ),
            );
            edits.push(
              edit(
                {
                  start: { line: ins.fullRange.start.line, character: 0 },
                  end: { line: ins.fullRange.end.line + 1, character: 0 },
                },
                '',
              ),
            );
          }
          ctx.report(
            script.locate(cmd.start, cmd.end),
            text(
              `${target} was added on line ${copy.ins.range.start.line + 1}; this ${cmd.name} stores its bytes a second time. Use \`${copy.ins.name} --${flagName}=${mode}\`.`,
              `${target} 是在第 ${copy.ins.range.start.line + 1} 行加入的；这次 ${cmd.name} 会把它的字节再存一份。请用 \`${copy.ins.name} --${flagName}=${mode}\`。`,
            ),
            edits.length > 0
              ? {
                  title: text(
                    `Use ${copy.ins.name} --${flagName} and remove this RUN`,
                    `改用 ${copy.ins.name} --${flagName} 并删除这条 RUN`,
                  ),
                  edits,
                }
              : undefined,
          );
        }
      }
    }
  },
};
