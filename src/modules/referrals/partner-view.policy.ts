// Decided in src/contracts (the counsellor's preview in web/ shows the same view).
export { subjectForPartner } from '../../contracts/referral-subject';
