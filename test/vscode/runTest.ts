// Runs the in-extension-host suite (out/vscode-suite/index.js) in desktop VS Code through
// @vscode/test-electron: the VS Code at $BERTH_VSCODE_PATH, or one downloaded into .vscode-test/.
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..');

/** A desktop VS Code executable, or why none can be had here (fails fast when offline). */
export async function findDesktopVSCode(): Promise<{ executable: string } | { missing: string }> {
  const given = process.env.BERTH_VSCODE_PATH;
  if (given) return { executable: given };
  try {
    const executable = await downloadAndUnzipVSCode({
      cachePath: path.join(repoRoot, '.vscode-test'),
      version: 'stable',
      timeout: 20_000,
    });
    return { executable };
  } catch (error) {
    return {
      missing: `no desktop VS Code: BERTH_VSCODE_PATH is unset and the download failed (${(error as Error).message})`,
    };
  }
}

/** Runs the suite on `workspace`; resolves with VS Code's exit code. */
export async function runSuiteInDesktopVSCode(
  executable: string,
  workspace: string,
  env: Record<string, string>,
): Promise<number> {
  return runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'vscode-suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--disable-gpu'],
    extensionTestsEnv: env,
  });
}
