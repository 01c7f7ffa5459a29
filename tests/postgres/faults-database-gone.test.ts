import net from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import { GET as health } from '@/app/api/health/route';
import { getDatabaseHandle, installDatabaseHandle, openPostgres, type DatabaseHandle } from '@/db/client';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { loose } from '../setup/server-actions';

/**
 * The database goes away under a running server and comes back (a PostgreSQL restart, a failover): a TCP proxy
 * between the app's pool and the server stands for the network path. Every connection of the app is terminated
 * (`pg_terminate_backend`, what a restart does to them), then the proxy refuses connections for a while. Meanwhile
 * actions answer a plain server_error and the health probe 503 (no exception, no hang); once the proxy listens
 * again, the very next action succeeds on the same pool and the probe says ok.
 */

const PROXY_PORT = Number(process.env.FAULT_PROXY_PORT ?? 3472);

class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(private readonly target: { host: string; port: number }) {}

  start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => server.once('error', reject).listen(PROXY_PORT, '127.0.0.1', () => resolve()));
  }

  /** Cuts every open connection and stops listening: new connections are refused. */
  stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

let proxy: TcpProxy;
let app: DatabaseHandle;
let previous: DatabaseHandle;
let direct: postgres.Sql;
let database: string;

beforeAll(async () => {
  previous = getDatabaseHandle();
  if (previous.kind !== 'postgres') throw new Error('the postgres project needs TEST_DATABASE_URL (a PostgreSQL server)');
  const url = new URL(previous.url);
  database = url.pathname.slice(1);
  direct = postgres(previous.url, { max: 1, onnotice: () => {} });
  proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  await proxy.start();
  url.host = `127.0.0.1:${PROXY_PORT}`;
  app = openPostgres(url.toString(), { max: 3 });
  installDatabaseHandle(app);
});

afterAll(async () => {
  installDatabaseHandle(previous);
  await app?.close();
  await proxy?.stop();
  await direct?.end();
});

const createRequirement = loose(requirementActions.createRequirement);
type Result = { ok: boolean; code?: string };
const probe = async () => (await health(new Request('http://localhost/api/health'))).status;

describe('the database goes away and comes back', () => {
  test('during the outage: server_error and 503, nothing written; after it: the next action and the probe work', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const input = (title: string) => ({ projectKey: project.key, title, priority: 'must' });
    expect(await createRequirement(input('Avant la panne'))).toMatchObject({ ok: true });
    expect(await probe()).toBe(200);

    // The path to the server goes (every connection cut, nothing listens any more), and the server ends the
    // sessions it held, as a restart does. In that order: a FATAL still in flight through the proxy while it cuts
    // its sockets was, under load, read by the driver a second later as the answer to its next query.
    await proxy.stop();
    await direct`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
    const quiet = console.error;
    console.error = () => {};
    try {
      for (const title of ['Pendant la panne 1', 'Pendant la panne 2']) {
        const started = Date.now();
        expect((await createRequirement(input(title))) as Result).toMatchObject({ ok: false, code: 'server_error' });
        expect(Date.now() - started, 'a refused connection is answered at once, not after a hang').toBeLessThan(10_000);
      }
      expect(await probe()).toBe(503);
    } finally {
      console.error = quiet;
    }

    await proxy.start();
    const started = Date.now();
    expect(await createRequirement(input('Après la panne'))).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await probe()).toBe(200);
    const titles = await direct<{ title: string }[]>`select title from requirements where project_id = ${project.id} order by number`;
    expect(titles.map((t) => t.title)).toEqual(['Avant la panne', 'Après la panne']);
  }, 60_000);
});
