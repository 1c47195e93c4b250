/**
 * What `npm audit --json` says about high and critical advisories, against the ones recorded
 * (with a reason) in audit-exceptions.json. Pure, so the decision is tested without the network.
 */
export type TAuditException = { advisory: string; package: string; reason: string };

export type TAuditVerdict =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'clean'; recorded: string[] }
  | { kind: 'unrecorded'; findings: string[]; recorded: string[] };

type TVia = string | { source?: number | string; url?: string; severity?: string; title?: string };
type TAuditJson = {
  message?: string;
  error?: unknown;
  statusCode?: number;
  vulnerabilities?: Record<string, { severity?: string; via?: TVia[] }>;
};

const SERIOUS = new Set(['high', 'critical']);

export function judgeAudit(raw: string, exceptions: TAuditException[]): TAuditVerdict {
  let audit: TAuditJson;
  try {
    audit = JSON.parse(raw) as TAuditJson;
  } catch {
    return { kind: 'unreachable', detail: 'npm audit gave no JSON answer' };
  }
  if (audit.error !== undefined || !audit.vulnerabilities)
    return { kind: 'unreachable', detail: audit.message ?? `status ${audit.statusCode ?? '?'}` };
  const findings: string[] = [];
  const recorded: string[] = [];
  for (const [pkg, vuln] of Object.entries(audit.vulnerabilities)) {
    for (const via of vuln.via ?? []) {
      // A string `via` points at another vulnerable package, reported under its own name.
      if (typeof via === 'string' || !SERIOUS.has(via.severity ?? '')) continue;
      const advisory = via.url ?? String(via.source);
      const line = `${pkg}: ${via.severity} ${advisory} ${via.title ?? ''}`.trim();
      const known = exceptions.some(
        (e) => e.package === pkg && e.advisory === advisory && e.reason.trim().length > 0,
      );
      (known ? recorded : findings).push(line);
    }
  }
  return findings.length ? { kind: 'unrecorded', findings, recorded } : { kind: 'clean', recorded };
}
