import { describe, expect, it } from 'vitest';
import { reportScopeFor } from '../../../src/modules/reports/report-scope.policy';

const supervisor = { hotlines: ['1362', '1554'], provinceCode: null };

describe('what a report covers', () => {
  it('gives a national grant every hotline unless filtered', () => {
    expect(
      reportScopeFor({ actor: supervisor, grant: 'all', filters: {}, organisationHotlines: null }),
    ).toEqual({
      hotlines: null,
      provinceCode: null,
    });
    expect(
      reportScopeFor({
        actor: supervisor,
        grant: 'all',
        filters: { hotline: '1512', province: 'LA-SV' },
        organisationHotlines: null,
      }),
    ).toEqual({ hotlines: ['1512'], provinceCode: 'LA-SV' });
  });

  it("keeps a hotline grant to the actor's hotlines, whatever the filter asks", () => {
    expect(
      reportScopeFor({
        actor: supervisor,
        grant: 'hotline',
        filters: {},
        organisationHotlines: null,
      }).hotlines,
    ).toEqual(['1362', '1554']);
    expect(
      reportScopeFor({
        actor: supervisor,
        grant: 'hotline',
        filters: { hotline: '1512' },
        organisationHotlines: null,
      }).hotlines,
    ).toEqual([]);
  });

  it('turns an organisation filter into the hotlines it runs', () => {
    expect(
      reportScopeFor({
        actor: supervisor,
        grant: 'hotline',
        filters: { organisation: 'lwu' },
        organisationHotlines: ['1362'],
      }).hotlines,
    ).toEqual(['1362']);
    expect(
      reportScopeFor({
        actor: supervisor,
        grant: 'all',
        filters: { organisation: 'none' },
        organisationHotlines: [],
      }).hotlines,
    ).toEqual([]);
  });

  it('pins a province grant to the actor province', () => {
    const provincial = { hotlines: [], provinceCode: 'LA-CH' };
    expect(
      reportScopeFor({
        actor: provincial,
        grant: 'province',
        filters: {},
        organisationHotlines: null,
      }),
    ).toEqual({
      hotlines: null,
      provinceCode: 'LA-CH',
    });
    expect(
      reportScopeFor({
        actor: provincial,
        grant: 'province',
        filters: { province: 'LA-VT' },
        organisationHotlines: null,
      }).hotlines,
    ).toEqual([]);
  });
});
