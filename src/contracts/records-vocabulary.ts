// Closed lists of the case, person, consent and caller records, shared by db/schema (column enums),
// the staff API's schemas and the desk. Constants only: web/ imports this file.

export const caseStatuses = ['open', 'active', 'follow_up', 'closed', 'closed_referred'] as const;
export const caseRiskLevels = ['low', 'medium', 'high', 'imminent'] as const;
export const casePersonRoles = ['victim', 'possible_victim', 'caller', 'other_party'] as const;
export const consentGivers = ['self', 'parent_or_guardian', 'legal_representative'] as const;
export const consentMethods = [
  'verbal_phone',
  'verbal_in_person',
  'written',
  'electronic',
] as const;
export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const ageBands = ['0-11', '12-17', '18-24', '25-34', '35-49', '50+', 'unknown'] as const;
export const callerFlagKinds = [
  'at_risk',
  'prank',
  'do_not_call_back',
  'known_perpetrator',
] as const;
