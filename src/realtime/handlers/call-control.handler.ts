import {
  ZCallAddParty,
  ZCallHold,
  ZCallMonitor,
  ZCallMute,
  ZCallRef,
  ZCallTransfer,
  ZEmpty,
} from '../../contracts/realtime';
import { can } from '../../modules/auth/permissions.policy';
import {
  addParty,
  hangUp,
  holdCaller,
  monitorCall,
  muteCounsellor,
  stopMonitoring,
  transferToCounsellor,
  transferToQueue,
} from '../../modules/voice/conference/call-control.service';
import type { TLiveCallContext } from '../../modules/voice/conference/live-call.context';
import { handle } from '../handle';
import type { TSocket } from '../realtime.server';

export function callControlHandlers(socket: TSocket, ctx: TLiveCallContext): void {
  const control = (a: Parameters<typeof can>[0]) => can(a, 'routing.call-control');
  const done = (callSid: string) => ({ callSid });
  handle(
    socket,
    ctx.log,
    'call:hold',
    ZCallHold,
    async (actor, p) => done((await holdCaller(ctx, actor, p.callSid, p.hold), p.callSid)),
    control,
  );
  handle(
    socket,
    ctx.log,
    'call:mute',
    ZCallMute,
    async (actor, p) => done((await muteCounsellor(ctx, actor, p.callSid, p.muted), p.callSid)),
    control,
  );
  handle(
    socket,
    ctx.log,
    'call:transfer',
    ZCallTransfer,
    async (actor, p) => {
      if (p.to.kind === 'queue') await transferToQueue(ctx, actor, p.callSid, p.to);
      else await transferToCounsellor(ctx, actor, p.callSid, p.to.userId);
      return done(p.callSid);
    },
    control,
  );
  handle(
    socket,
    ctx.log,
    'call:add-party',
    ZCallAddParty,
    (actor, p) => addParty(ctx, actor, p.callSid, { role: p.role, to: p.to }),
    control,
  );
  handle(
    socket,
    ctx.log,
    'call:hangup',
    ZCallRef,
    async (actor, p) => done((await hangUp(ctx, actor, p.callSid), p.callSid)),
    control,
  );
  handle(
    socket,
    ctx.log,
    'call:monitor',
    ZCallMonitor,
    (actor, p) => monitorCall(ctx, actor, p.callSid, p.mode),
    (a) => can(a, 'routing.monitor'),
  );
  handle(
    socket,
    ctx.log,
    'call:monitor-stop',
    ZEmpty,
    (actor) => stopMonitoring(ctx, actor),
    (a) => can(a, 'routing.monitor'),
  );
}
