import { AppError } from '../../errors/catalogue';
import type { TActor } from './actor';
import { permissionsTable, type TAction, type TScope } from './permissions.table';

/** What a record says about where it belongs; every field optional so any record can describe itself. */
export type TScopedResource = {
  ownerIds?: ReadonlyArray<string | null | undefined>;
  hotline?: string | null;
  organisationKeys?: ReadonlyArray<string>;
  provinceCode?: string | null;
};

/** The reach of an action for this actor, or null when the role has no grant at all. */
export function scopeOf(actor: Pick<TActor, 'role'>, action: TAction): TScope | null {
  const grants: Partial<Record<string, TScope>> = permissionsTable[action];
  return grants[actor.role] ?? null;
}

function within(actor: TActor, scope: TScope, resource: TScopedResource): boolean {
  const owns = (resource.ownerIds ?? []).includes(actor.userId);
  switch (scope) {
    case 'all':
      return true;
    case 'own':
      return owns;
    case 'hotline':
      return owns || (!!resource.hotline && actor.hotlines.includes(resource.hotline));
    case 'organisation':
      return (
        !!actor.organisationKey && (resource.organisationKeys ?? []).includes(actor.organisationKey)
      );
    case 'province':
      return !!actor.provinceCode && resource.provinceCode === actor.provinceCode;
  }
}

/**
 * The one permission check. Without a resource it answers "may this role do this at all"
 * (routes check that before loading anything); with one, whether the record is in reach.
 */
export function can(actor: TActor, action: TAction, resource?: TScopedResource): boolean {
  const scope = scopeOf(actor, action);
  if (!scope) return false;
  return resource ? within(actor, scope, resource) : true;
}

export function isAction(value: unknown): value is TAction {
  return typeof value === 'string' && Object.hasOwn(permissionsTable, value);
}

/**
 * Throws unless the actor may do `action` on the record. A record the actor cannot even see
 * answers 404 (its existence is not confirmed); one they can see but not change answers 403.
 */
export function assertCan(
  actor: TActor,
  action: TAction,
  resource: TScopedResource,
  viewAction?: TAction,
): void {
  if (can(actor, action, resource)) return;
  if (viewAction && can(actor, viewAction, resource)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}
