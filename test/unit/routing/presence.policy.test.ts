import { describe, expect, it } from 'vitest';
import {
  releasesOnDisconnect,
  resumeOnReconnect,
  selfServiceStates,
} from '../../../src/modules/routing/presence/presence.policy';

describe('presence policy', () => {
  it('never lets a counsellor walk away from an offer or a live call', () => {
    expect(selfServiceStates).not.toContain('offered');
    expect(selfServiceStates).not.toContain('on_call');
    expect(selfServiceStates).toContain('wrap_up');
  });

  it('gives back an offer or availability when the connection drops, not a live call', () => {
    expect(releasesOnDisconnect('offered')).toBe('offer');
    expect(releasesOnDisconnect('available')).toBe('presence');
    expect(releasesOnDisconnect('on_call')).toBeNull();
    expect(releasesOnDisconnect('wrap_up')).toBeNull();
  });

  it('resumes only counsellors who were away because of the drop', () => {
    expect(resumeOnReconnect('away', 'disconnected')).toBe(true);
    expect(resumeOnReconnect('away', 'break')).toBe(false);
    expect(resumeOnReconnect('offline', null)).toBe(false);
  });
});
