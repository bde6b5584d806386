import { describe, expect, it } from 'vitest';
import { offeringPermission } from './offering-permission';

describe('offering permission', () => {
  it('lets staff manage any offering', () => {
    expect(offeringPermission({ customer_name: 'Org' }, { is_staff: true })).toEqual({ canManage: true, reason: null });
  });

  it('treats secret options as the sign of a manager', () => {
    expect(offeringPermission({ secret_options: { keycloak_url: 'x' } }, { is_staff: false }).canManage).toBe(true);
  });

  it('says why others cannot manage, naming the organization', () => {
    const result = offeringPermission({ secret_options: {}, customer_name: 'Acme' }, { is_staff: false });
    expect(result.canManage).toBe(false);
    expect(result.reason).toContain('Acme’s owners');
    expect(offeringPermission({ customer_name: 'Acme' }, null).canManage).toBe(false);
  });

  it('holds actions back without a reason while the user is unknown', () => {
    expect(offeringPermission({ customer_name: 'Acme' }, undefined)).toEqual({ canManage: false, reason: null });
  });
});
