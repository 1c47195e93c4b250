// Decided in src/contracts (the counsellor's preview in web/ computes the same subject).
export { referralSubjectFrom } from '../../contracts/referral-subject';
