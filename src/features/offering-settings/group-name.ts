import { t } from '@lingui/core/macro';

/**
 * How Waldur (waldur_keycloak/utils.py) names the Keycloak group made by the first membership
 * of a (role, resource, scope ID), and how it checks the template before saving it. Pure, so the
 * preview beside the template field and the tests agree with the server to the character.
 */

/** `_ALLOWED_TEMPLATE_VARS`. */
export const TEMPLATE_VARIABLES = [
  'role_name',
  'scope_id',
  'offering_uuid',
  'offering_name',
  'offering_slug',
  'organization_uuid',
  'organization_name',
  'organization_slug',
  'resource_uuid',
  'resource_name',
  'resource_slug',
  'project_uuid',
  'project_name',
  'project_slug',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const ALLOWED: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** Python's `\$\{?(\w+)\}?` (there `\w` is any Unicode letter, digit or underscore). */
const CHECK = /\$\{?([\p{L}\p{N}_]+)\}?/gu;

/** The names the template uses that Waldur does not know, sorted as Python sorts them. */
export function unknownTemplateVariables(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(CHECK)) {
    const name = match[1] ?? '';
    if (!ALLOWED.has(name)) unknown.add(name);
  }
  return [...unknown].sort();
}

/** Waldur's own message for a refused template, or null when it would be accepted. */
export function templateError(template: string): string | null {
  const unknown = unknownTemplateVariables(template);
  const names = unknown.join(', ');
  return unknown.length > 0 ? t`Unknown template variables: ${names}` : null;
}

/**
 * The one-click fix for names glued to the text after them (`$offering_uuid_$role_name`, the
 * example in Waldur's own help text, reads as `offering_uuid_`): every plain `$name` whose
 * name starts with a known variable is braced, `${offering_uuid}_${role_name}`. Null when
 * nothing can be fixed that way.
 */
export function bracedTemplateFix(template: string): string | null {
  let fixedSomething = false;
  const fixed = template.replace(/\$(\{?)([\p{L}\p{N}_]+)(\}?)/gu, (whole, open: string, name: string, close: string) => {
    if (open) return whole;
    if (ALLOWED.has(name)) return `\${${name}}${close}`;
    const prefix = TEMPLATE_VARIABLES.filter((known) => name.startsWith(known)).sort((a, b) => b.length - a.length)[0];
    if (!prefix) return whole;
    fixedSomething = true;
    return `\${${prefix}}${name.slice(prefix.length)}${close}`;
  });
  return fixedSomething && templateError(fixed) === null ? fixed : null;
}

/**
 * Python's `string.Template(template).safe_substitute(values)`: `$$` is a dollar, `$name` and
 * `${name}` (ASCII identifiers) are replaced when known, anything else is left as it is.
 */
export function safeSubstitute(template: string, values: Record<string, string>): string {
  return template.replace(
    /\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g,
    (whole, escaped: string | undefined, named: string | undefined, braced: string | undefined) => {
      if (escaped) return '$';
      const key = named ?? braced ?? '';
      return Object.prototype.hasOwnProperty.call(values, key) ? (values[key] ?? '') : whole;
    },
  );
}

/** `utils.get_keycloak_group_name`: the template when set, else offering_[scope or resource_]role. */
export function keycloakGroupName(template: string | null | undefined, values: TemplateValues): string {
  if (template) return safeSubstitute(template, values);
  const parts = [values.offering_uuid];
  if (values.scope_id) parts.push(values.scope_id);
  else if (values.resource_uuid) parts.push(values.resource_uuid);
  parts.push(values.role_name);
  return parts.join('_');
}

type OfferingFacts = { uuid?: string; name?: string; slug?: string; customer_uuid?: string | null; customer_name?: string | null };
type ResourceFacts = {
  uuid?: string;
  name?: string;
  slug?: string;
  project_uuid?: string;
  project_name?: string;
  project_slug?: string;
  provider_slug?: string;
};

/**
 * `_get_template_variables`: the offering and its organization, and for a resource its own and
 * its project's uuid hex, name and slug ("" without one). The organization's slug is only on
 * resources (`provider_slug`), so `organizationSlug` comes from any resource of the offering.
 */
export function templateValues(input: {
  offering: OfferingFacts;
  organizationSlug: string;
  roleName: string;
  resource?: ResourceFacts | null;
  scopeId?: string;
}): TemplateValues {
  const { offering, resource } = input;
  return {
    role_name: input.roleName,
    scope_id: input.scopeId ?? '',
    offering_uuid: offering.uuid ?? '',
    offering_name: offering.name ?? '',
    offering_slug: offering.slug ?? '',
    organization_uuid: offering.customer_uuid ?? '',
    organization_name: offering.customer_name ?? '',
    organization_slug: input.organizationSlug,
    resource_uuid: resource?.uuid ?? '',
    resource_name: resource?.name ?? '',
    resource_slug: resource?.slug ?? '',
    project_uuid: resource?.project_uuid ?? '',
    project_name: resource?.project_name ?? '',
    project_slug: resource?.project_slug ?? '',
  };
}
