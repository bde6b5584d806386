import { describe, expect, it } from 'vitest';
import {
  bracedTemplateFix,
  keycloakGroupName,
  safeSubstitute,
  templateError,
  templateValues,
  unknownTemplateVariables,
} from './group-name';

const values = templateValues({
  offering: { uuid: 'aa11', name: 'Alpha HPC', slug: 'alpha-hpc', customer_uuid: 'cc22', customer_name: 'Aurora' },
  organizationSlug: 'aurora',
  roleName: 'Project Member',
  resource: { uuid: 'rr33', name: 'prod', slug: 'prod', project_uuid: 'pp44', project_name: 'Genomics', project_slug: 'genomics' },
  scopeId: 'p-1',
});

describe('template check (utils.validate_group_name_template)', () => {
  it('accepts the fourteen names, plain or braced', () => {
    expect(templateError('${offering_uuid}_${role_name}')).toBeNull();
    expect(templateError('$offering_slug-$resource_slug-$role_name')).toBeNull();
    expect(templateError('no variables at all')).toBeNull();
  });

  it('refuses $offering_uuid_$role_name: \\w takes the underscore', () => {
    expect(templateError('$offering_uuid_$role_name')).toBe('Unknown template variables: offering_uuid_');
  });

  it('lists unknown names once, sorted, comma-separated; Unicode letters count as \\w', () => {
    expect(unknownTemplateVariables('${zeta}-$alpha-$alpha-$role_name')).toEqual(['alpha', 'zeta']);
    expect(templateError('$rôle')).toBe('Unknown template variables: rôle');
    // `$$` is no variable for the check either; a lone `$` neither.
    expect(templateError('cost: $$ and $')).toBeNull();
  });
});

describe('one-click fix', () => {
  it('braces the names of the trap', () => {
    expect(bracedTemplateFix('$offering_uuid_$role_name')).toBe('${offering_uuid}_${role_name}');
    expect(bracedTemplateFix('$project_slug_admins')).toBe('${project_slug}_admins');
  });

  it('offers nothing when there is nothing to fix, or the fix would still be refused', () => {
    expect(bracedTemplateFix('${offering_uuid}_${role_name}')).toBeNull();
    expect(bracedTemplateFix('$nonsense')).toBeNull();
  });
});

describe('names (utils.get_keycloak_group_name)', () => {
  it('default: offering_scope_role, offering_resource_role, offering_role', () => {
    expect(keycloakGroupName('', values)).toBe('aa11_p-1_Project Member');
    expect(keycloakGroupName(undefined, { ...values, scope_id: '' })).toBe('aa11_rr33_Project Member');
    expect(keycloakGroupName(null, { ...values, scope_id: '', resource_uuid: '' })).toBe('aa11_Project Member');
  });

  it('template: safe_substitute of every variable', () => {
    expect(keycloakGroupName('$organization_slug/${offering_slug}-${project_slug}-$resource_name-$scope_id-$role_name', values)).toBe(
      'aurora/alpha-hpc-genomics-prod-p-1-Project Member',
    );
  });

  it('safe_substitute leaves unknown and glued names as they are, and $$ becomes $', () => {
    expect(safeSubstitute('$offering_uuid_$role_name', values)).toBe('$offering_uuid_Project Member');
    expect(safeSubstitute('${nope} $$5 $ end$', values)).toBe('${nope} $5 $ end$');
    // Identifiers are ASCII for substitution: `$r` is replaced, `ôle` is text.
    expect(safeSubstitute('$rôle', { r: 'x' })).toBe('xôle');
  });

  it('without a resource its variables are empty', () => {
    const bare = templateValues({ offering: { uuid: 'aa11' }, organizationSlug: '', roleName: 'Viewer' });
    expect(keycloakGroupName('${resource_slug}|${project_name}|$role_name', bare)).toBe('||Viewer');
  });
});
