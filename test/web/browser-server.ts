// The server of the browser test: buildServer on a fresh library folder, on a free loopback port.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../pipeline/web/server.js';

export interface Started {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(dataDir: string): Promise<Started> {
  const app = await buildServer({ location: { data: dataDir }, workDir: dataDir, jobs: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}
