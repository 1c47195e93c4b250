// Import boundaries: the one-way rules of the architecture, checked by `npm run lint`.
// Each policy below says which imports are forbidden and why; anything not named is allowed.
import boundaries from 'eslint-plugin-boundaries';

/**
 * Referrals is one folder whose subfolders form a one-way chain: a subfolder may import those
 * listed before it, never one after it (a ticket knows nothing of how it was dispatched; the
 * after-commit follow-ups sit on top of everything they follow up).
 */
export const referralLayers = [
  'rules',
  'consent',
  'tickets',
  'delivery',
  'partners',
  'runtime',
  'dispatch',
  'holds',
  'request',
  'followups',
];

// Folders are matched from the project root; the first descriptor that matches a file wins.
const elements = [
  { type: 'web', pattern: 'web', partialMatch: false },
  { type: 'contracts', pattern: 'src/contracts', partialMatch: false },
  { type: 'routes', pattern: 'src/routes', partialMatch: false },
  {
    type: 'referrals-part',
    pattern: 'src/modules/referrals/*',
    capture: ['part'],
    partialMatch: false,
  },
  { type: 'module', pattern: 'src/modules/*', capture: ['module'], partialMatch: false },
  { type: 'realtime', pattern: 'src/realtime', partialMatch: false },
  // Reference vocabularies as JSON (countries, provinces, categories): data, not server code.
  { type: 'seed-data', pattern: 'db/seed-data', partialMatch: false },
  { type: 'db', pattern: 'db', partialMatch: false },
  { type: 'server', pattern: 'src', partialMatch: false },
  { type: 'workers', pattern: 'workers', partialMatch: false },
  { type: 'scripts', pattern: 'scripts', partialMatch: false },
  { type: 'test', pattern: 'test', partialMatch: false },
];

const layerPolicies = referralLayers.map((part, i) => ({
  from: { element: { type: 'referrals-part', captured: { part } } },
  disallow: {
    to: {
      element: {
        type: 'referrals-part',
        captured: { part: `{${[...referralLayers.slice(i + 1), '__none__'].join(',')}}` },
      },
    },
  },
  message: `referrals/${part} may only import the referrals subfolders before it: ${referralLayers.slice(0, i).join(', ') || 'none'}`,
}));

const policies = [
  {
    from: { element: { type: 'web' } },
    // db/seed-data holds JSON reference vocabularies (provinces, categories): data, not code.
    disallow: { to: { element: { type: '!{web,contracts,seed-data}' } } },
    message: 'web/ imports src/contracts and nothing else of the server',
  },
  {
    from: { element: { type: 'contracts' } },
    disallow: { to: { element: { type: '!{contracts,seed-data}' } } },
    // JSON reference data (db/seed-data: countries, provinces, categories) is vocabulary too.
    message: 'src/contracts is plain shared vocabulary: it imports nothing from src/modules or db/',
  },
  {
    from: { element: { type: 'routes' } },
    disallow: { to: { element: { type: 'db' } } },
    message: 'a route calls its module; it does not import db/ itself',
  },
  {
    from: { element: { type: 'routes' } },
    disallow: { to: { file: { categories: 'repository' } } },
    message: 'a route calls a service, never a repository',
  },
  {
    from: { element: { type: 'module', captured: { module: '{routing,presence}' } } },
    disallow: {
      to: { element: { type: 'module', captured: { module: '{voice,telephony}' } } },
    },
    message: 'routing routes tasks: it knows nothing of voice or telephony',
  },
  {
    from: { element: { type: 'module', captured: { module: 'routing' } } },
    disallow: {
      to: [
        { element: { type: 'module', captured: { module: '{chat,callbacks}' } } },
        { element: { type: 'realtime' } },
      ],
    },
    message: 'routing reaches channels through connectors and browsers through its notifier',
  },
  {
    from: { element: { type: 'module', captured: { module: 'voice' } } },
    disallow: {
      to: [
        { element: { type: 'module', captured: { module: '{chat,callbacks}' } } },
        { element: { type: 'realtime' } },
      ],
    },
    message: 'voice turns calls into tasks: call-backs reach it through a port, chat is a sibling',
  },
  {
    from: { element: { type: 'module', captured: { module: 'chat' } } },
    disallow: { to: { element: { type: 'module', captured: { module: 'voice' } } } },
    message: 'chat is a channel beside voice: both talk to routing, never to each other',
  },
  {
    from: { element: { type: 'module', captured: { module: 'telephony' } } },
    disallow: {
      to: [
        { element: { type: 'module', captured: { module: '!telephony' } } },
        { element: { type: 'referrals-part' } },
      ],
    },
    message: 'telephony is the Twilio adapter: it knows nothing of the domain',
  },
  {
    from: { element: { type: '{module,referrals-part}' } },
    disallow: { to: { element: { type: 'realtime' } } },
    message: 'modules reach browsers through notifier interfaces; only the root wires realtime',
  },
  {
    from: { element: { type: '!{routes,test}' } },
    disallow: { to: { element: { type: 'routes' } } },
    message: 'only the app (src/app.ts) imports src/routes',
  },
  // The one exception to the rule above; a later policy overrides an earlier one.
  { from: { file: { categories: 'app-root' } }, allow: { to: { element: { type: 'routes' } } } },
  ...layerPolicies,
  {
    from: { element: { type: 'module', captured: { module: 'referrals' } } },
    disallow: { to: { element: { type: 'referrals-part' } } },
    message: 'the files at the root of referrals are shared by every subfolder: they import none',
  },
];

export const boundariesConfig = {
  files: ['**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    'boundaries/elements': elements,
    'boundaries/files': [
      { category: 'repository', pattern: '**/*.repository.ts' },
      { category: 'app-root', pattern: 'src/app.ts' },
    ],
  },
  rules: {
    'boundaries/dependencies': ['error', { default: 'allow', policies }],
  },
};
