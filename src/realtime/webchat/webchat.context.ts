import type { Redis } from 'ioredis';
import type { Namespace, Socket } from 'socket.io';
import type { TChatInbox } from '../../contracts/chat';
import type { TWebchatClientToServer, TWebchatServerToClient } from '../../contracts/webchat';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import type { TWebchatDirectory } from '../../modules/webchat/webchat-origins.repository';
import type { TWebchatLimits } from '../../modules/webchat/webchat-limits.repository';
import type { TWebchatUploads } from '../../modules/webchat/webchat-uploads.repository';
import type {
  TWebchatSession,
  TWebchatSessions,
} from '../../modules/webchat/webchat-sessions.repository';

/** What one visitor's socket carries. Plain data: the Redis adapter serialises it for other nodes. */
export type TWebchatSocketData = {
  hotline: { number: string; nameLo: string; nameEn: string; languages: string[] };
  visitorHash: string;
  session: TWebchatSession | null;
  token: string | null;
};

export type TWebchatNamespace = Namespace<
  TWebchatClientToServer,
  TWebchatServerToClient,
  never,
  TWebchatSocketData
>;
export type TWebchatSocket = Socket<
  TWebchatClientToServer,
  TWebchatServerToClient,
  never,
  TWebchatSocketData
>;

export type TWebchatLog = { error(obj: object, msg: string): void };

/** Everything the web chat namespace shares on one API node. */
export type TWebchatContext = {
  config: TConfig;
  db: TDatabase;
  redis: Redis;
  log: TWebchatLog;
  directory: TWebchatDirectory;
  sessions: TWebchatSessions;
  limits: TWebchatLimits;
  /** Files visitors attached, held encrypted until the chat module keeps them. */
  uploads: TWebchatUploads;
  /** The chat module's inbox once it is running (null: messages are refused, never dropped). */
  inbox: () => TChatInbox | null;
  /** Tells the visitor's counsellor she is typing (set once the desk push runs). */
  visitorTyping: (ref: string) => void;
};
