/**
 * Copies the part of Twilio's API description we test against into the repository, so that CI on a
 * fresh clone (where ../shared does not exist) checks the simulator against the same contract.
 * Keeps the operations on the resources the simulator implements and every component schema.
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
