import { runCli } from './cli/program';

// CLI entry (npm run cli): a client of a running terminal over its local API.
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error internal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
