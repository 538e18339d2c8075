// Starts a Jalon binary on a free port with a fresh SQLite database and the demo data, and
// stops it with SIGTERM. Used by the browser and API-document tests.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export async function startServer(binary) {
  const root = resolve(new URL('../..', import.meta.url).pathname);
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-'));
  const db = `sqlite:${join(dir, 'jalon.db')}`;
  const env = { ...process.env, JALON_DB: db, JALON_WEB_DIR: join(root, 'web'), JALON_DATA_DIR: join(root, 'data'),
                ASAN_OPTIONS: 'detect_leaks=0' };
  const proc = spawn(resolve(binary), ['--port', '0', 'serve', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('server did not start:\n' + out + stderr)), 60000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/écoute sur (http:\/\/[0-9.:]+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited (${code}):\n${out}${stderr}`)); });
  });
  return {
    url,
    // The latest e-mails sent to `to`, read with the command-line tool.
    outbox(to) {
      const out = execFileSync(resolve(binary), ['--db', db, 'outbox', '--to', to, '--limit', '5'],
                               { env: { ...env }, encoding: 'utf8' });
      return out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    },
    async stop() {
      const exited = new Promise((ok) => proc.on('exit', (code, signal) => ok({ code, signal })));
      proc.kill('SIGTERM');
      const result = await exited;
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
    stderr: () => stderr,
  };
}
