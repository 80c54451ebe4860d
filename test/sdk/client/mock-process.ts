// Runs the mock HTTP server in a child process, controlled over IPC, so a test can change this
// process's globals (remove Object.hasOwn, AbortSignal.any) without breaking the server, whose
// Node runtime (Request, Headers) needs them.
import { startMockServer } from '@bianmin/mock/server';

type Message = { id: number; op: 'latency'; ms: number } | { id: number; op: 'requests' } | { id: number; op: 'close' };

const server = await startMockServer({ port: 0, host: '127.0.0.1' });
process.send?.({ ready: true, url: server.url });
process.on('message', async (m: Message) => {
  if (m.op === 'latency') server.backend.scenario.latencyMs = m.ms;
  if (m.op === 'close') {
    await server.close();
    process.send?.({ id: m.id }, () => process.exit(0));
    return;
  }
  process.send?.({ id: m.id, requests: server.requests });
});
