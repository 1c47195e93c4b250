/**
 * Copies the part of Twilio's API description we test against into the repository, so that CI on a
 * fresh clone (where ../shared does not exist) checks the simulator against the same contract.
 * Keeps the operations on the resources the simulator implements and every component schema.
 * Twilio Conversations likewise, for the chat channel.
 * Run: npx tsx scripts/vendor/twilio-oai-subset.ts [path to twilio-oai folder]
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESOURCES =
  /\/(Calls|Queues|Members|Conferences|Participants|Messages|Recordings)(\/|\.json)/;
const source = process.argv[2] ?? join(import.meta.dirname, '../../../shared/twilio-oai');
const target = join(import.meta.dirname, '../../test/fixtures/twilio-oai');

const spec = JSON.parse(readFileSync(join(source, 'twilio_api_v2010.json'), 'utf8')) as {
  paths: Record<string, unknown>;
};
const paths = Object.fromEntries(Object.entries(spec.paths).filter(([p]) => RESOURCES.test(p)));
writeFileSync(
  join(target, 'twilio_api_v2010.subset.json'),
  JSON.stringify({ ...spec, paths }) + '\n',
);
copyFileSync(join(source, 'LICENSE'), join(target, 'LICENSE'));
console.log(`kept ${Object.keys(paths).length} of ${Object.keys(spec.paths).length} paths`);

// Conversations (chat): a service's conversations and their messages.
const CONVERSATIONS =
  /^\/v1\/(Services\/\{ChatServiceSid\}\/)?Conversations(\/\{[A-Za-z]*Sid\}(\/Messages(\/\{Sid\})?)?)?$/;
const chat = JSON.parse(readFileSync(join(source, 'twilio_conversations_v1.json'), 'utf8')) as {
  paths: Record<string, unknown>;
};
const chatPaths = Object.fromEntries(
  Object.entries(chat.paths).filter(([p]) => CONVERSATIONS.test(p)),
);
writeFileSync(
  join(target, 'twilio_conversations_v1.subset.json'),
  JSON.stringify({ ...chat, paths: chatPaths }) + '\n',
);
console.log(
  `kept ${Object.keys(chatPaths).length} of ${Object.keys(chat.paths).length} chat paths`,
);
