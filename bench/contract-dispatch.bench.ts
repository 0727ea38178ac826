import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { connectToHost } from '../src-main/cli/host-connection';
import { silentLogger } from '../src-main/core/logger';
import { startHeadlessHost } from '../src-main/host/headless-host';
import { median, percentile, round, type Benchmark } from './bench-harness';

const rounds = 5000;

/** Round trip of `app.ping` through the headless host's WebSocket, next to a raw ws echo. */
export const contractDispatchBenchmark: Benchmark = {
  name: 'contract-round-trip',
  async run() {
    const baseline = await rawEchoRoundTrips();
    const contract = await contractRoundTrips();
    return {
      rounds,
      rawWsP50Us: round(median(baseline) * 1000),
      rawWsP99Us: round(percentile(baseline, 99) * 1000),
      contractP50Us: round(median(contract) * 1000),
      contractP99Us: round(percentile(contract, 99) * 1000),
      p50RatioToRawWs: round(median(contract) / median(baseline)),
    };
  },
};

async function rawEchoRoundTrips(): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data.toString())));
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => client.once('open', resolve));
  const samples: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      client.once('message', () => resolve());
      client.send(JSON.stringify({ t: 'call', id: index, channel: 'app.ping', request: { nonce: 'x' } }));
    });
    samples.push(performance.now() - started);
  }
  client.close();
  server.close();
  return samples;
}

async function contractRoundTrips(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-contract-'));
  const host = await startHeadlessHost({ dataDir, port: 0, rendererDir: undefined, logger: silentLogger, broker: { kind: 'none' } });
  const connection = await connectToHost({ api: host.ready.api, token: host.ready.token });
  if (!connection.ok) throw new Error(connection.error.message);
  const samples: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const started = performance.now();
    const result = await connection.value.client.invoke('app.ping', { nonce: 'x' });
    if (!result.ok) throw new Error(result.error.message);
    samples.push(performance.now() - started);
  }
  connection.value.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return samples;
}
