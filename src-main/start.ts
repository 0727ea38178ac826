import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// `npm start`: the desktop app when Electron's binary is (or can be made) available, else the
// headless host with the address of the UI to open in a browser.

const mainDir = dirname(fileURLToPath(import.meta.url));

function electronBinary(): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const locate = (): string | undefined => {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  };
  const found = locate();
  if (found !== undefined || process.env.TERMINAL_NO_ELECTRON === '1') return found;
  // Electron fetches its binary on first use; this fails fast on a machine without internet.
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return install.status === 0 ? locate() : undefined;
}

function runDesktop(binary: string): void {
  const child = spawn(binary, [join(mainDir, 'index.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function runHeadless(): void {
  process.stdout.write('The Electron binary is not available on this machine, so the terminal runs headless: open the address below in a browser.\n');
  const child = spawn(process.execPath, [join(mainDir, 'headless.js'), ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    if (!line.startsWith('READY ')) return;
    const ready = JSON.parse(line.slice('READY '.length)) as { url: string };
    process.stdout.write(`\n  Terminal UI: ${ready.url}\n\n  Press Ctrl+C to stop.\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (binary === undefined) runHeadless();
else runDesktop(binary);
