import { startRedisSentinel } from './support/redis-topology';
import { openRedis, redisReady, duplicateRedis } from '../src/infra/redis';
import { queueViews } from '../src/modules/routing/queue-view.repository';
const topo = await startRedisSentinel(2);
const r = openRedis(topo.url);
r.on('error', () => {});
await redisReady(r, 10000);
const sub = duplicateRedis(r, 'subscriber');
sub.on('error', () => {});
await sub.subscribe('chan');
const v = queueViews(r, 'p');
let busy = true;
const loop = (async () => { while (busy) { await v.view('1362', Date.now()).catch(() => {}); await new Promise((res) => setTimeout(res, 5)); } })();
const m = await topo.masterOf('x');
const t0 = Date.now();
topo.kill(m);
r.on('reconnecting', () => console.log('reconnecting', Date.now() - t0, r.status));
for (let i = 0; i < 40; i++) {
  await new Promise((res) => setTimeout(res, 500));
  const ok = await v.view('1362', Date.now()).then(() => 'ok', (e) => e.message.slice(0, 50));
  console.log(Date.now() - t0, ok, r.status);
  if (ok === 'ok') break;
}
busy = false; await loop;
r.disconnect(); sub.disconnect();
await topo.stop();
process.exit(0);
