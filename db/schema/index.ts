// One file per aggregate; this index is what drizzle and drizzle-kit read.
export * from './reference';
export * from './hotlines';
export * from './staff';
export * from './partners';
export * from './referrals';
export * from './tickets';
export * from './calls';
export * from './telephony-settings';
export * from './audit';
export * from './cases';
export * from './contacts';
export * from './people';
export * from './consent';
export * from './retention';
export * from './routing';
export * from './report-aggregates';
export * from './drafts';
