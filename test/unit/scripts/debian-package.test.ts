import { describe, expect, it } from 'vitest';
import { ensureDebianTool } from '../../../scripts/local/debian-package';

describe('ensureDebianTool', () => {
  it('looks for a tool once per process, however many local servers start', () => {
    let looked = 0;
    const tool = {
      name: `found-once-${Math.random()}`,
      debianPackage: 'unused',
      isPresent: () => {
        looked++;
        return true;
      },
      howTo: 'unused',
    };
    const lines: string[] = [];
    ensureDebianTool(tool, (line) => lines.push(line));
    ensureDebianTool(tool, (line) => lines.push(line));
    ensureDebianTool(tool, (line) => lines.push(line));
    expect(looked).toBe(1);
    expect(lines).toEqual([]);
  });
});
