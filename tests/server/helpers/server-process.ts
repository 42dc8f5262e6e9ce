import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Real server and CLI processes (`node --import tsx server/src/<script>.ts`), as a user runs them. */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // The test run's own DATABASE_URL must not leak into a process meant for PGlite.
  return { ...process.env, DATABASE_URL: '', SUFLER_ADMIN_TOKEN: '', ...env };
}

function launch(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', `server/src/${script}.ts`, ...args], { cwd: ROOT, env: childEnv(env), stdio: 'pipe' });
}

/** Runs a CLI (admin, backup, restore, or a server expected to stop) to its end. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<ProcessResult> {
  const child = launch(script, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** The whole stdout so far (first start prints the admin token there). */
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<number | null>;
}

/** Starts `server/src/main.ts` and waits until it says where it listens. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = launch('main', [], { PORT: '0', ...env });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const early = (code: number | null): void => fail(new Error(`server exited with ${String(code)} before listening: ${err}${out.slice(-2000)}`));
    child.on('exit', early);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Sufler server on (http:\/\/\S+) /.exec(out);
      if (m?.[1] === undefined) return;
      child.off('exit', early);
      done({
        url: m[1],
        pid: child.pid ?? 0,
        output: () => out,
        async kill9() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
