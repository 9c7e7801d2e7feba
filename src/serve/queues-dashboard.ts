// The queue's dashboard (Bull Board) at /admin/queues, inside the review server: the server's login hook covers
// it like every other page. Read-only: retrying or removing jobs stays with the CLI and BullMQ's own tools, so no
// state-changing route bypasses the server's CSRF check.
import type { FastifyInstance } from 'fastify';
import { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { connectRedis, queueTarget, QUEUE_NAME } from '../queue/config.js';

export const QUEUES_PATH = '/admin/queues';
/** Bull Board's React UI needs inline styles; scripts still come only from the server itself. */
const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

/** Mount the dashboard for the queue at `queueUrl` (redis://…?prefix=…). */
export async function registerQueuesDashboard(app: FastifyInstance, queueUrl: string): Promise<void> {
  const target = queueTarget(queueUrl);
  const redis = await connectRedis(target);
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: target.prefix });
  const adapter = new FastifyAdapter();
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: true })], serverAdapter: adapter });
  adapter.setBasePath(QUEUES_PATH);
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', async (_req, reply) => {
        reply.header('content-security-policy', DASHBOARD_CSP);
      });
      await scope.register(adapter.registerPlugin());
    },
    { prefix: QUEUES_PATH },
  );
  app.addHook('onClose', async () => {
    await queue.close();
    redis.disconnect();
  });
}
