// Section 7: an offering's Keycloak is found from its secret_options on every request.
import { beforeEach, describe, expect, it } from 'vitest';
import { A, B, demoSim, makeClient } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const G = '/api/offering-keycloak-groups/';
const secret = (uuid: string) => sim.store.offerings.get(uuid)!.secretOptions;
const testConnection = async () => (await api.post(`${G}test_connection/`, { offering_uuid: A })).body;
const FAILED = { status: 'error', error: 'Unable to connect to Keycloak.' };

describe('Keycloak resolved from secret_options', () => {
  it('a wrong password or user realm fails the login; the right one works again at once', async () => {
    expect(await testConnection()).toMatchObject({ status: 'ok' });
    secret(A).keycloak_password = 'wrong';
    expect(await testConnection()).toEqual(FAILED);
    secret(A).keycloak_password = 'alpha-s3cr3t';
    secret(A).keycloak_user_realm = 'alpha';
    expect(await testConnection()).toEqual(FAILED);
    delete secret(A).keycloak_user_realm;
    expect(await testConnection()).toMatchObject({ status: 'ok' });
  });

  it('another URL is an unreachable Keycloak; trailing slashes do not matter', async () => {
    secret(A).keycloak_url = 'https://keycloak.elsewhere.example.org/';
    expect(await testConnection()).toEqual(FAILED);
    expect((await api.get(`${G}remote_groups/?offering_uuid=${A}`)).body).toEqual({ error: 'Unable to list remote Keycloak groups.' });
    secret(A).keycloak_url = 'https://keycloak.alpha.example.org/auth';
    expect(await testConnection()).toMatchObject({ status: 'ok' });
  });

  it('a wrong realm fails every action', async () => {
    secret(A).keycloak_realm = 'nosuch';
    expect(await testConnection()).toEqual(FAILED);
    expect((await api.get(`${G}search_remote_users/?offering_uuid=${A}&q=al`)).body).toEqual({ error: 'Unable to search remote users.' });
  });

  it("the URL, realm and credentials of another offering show that realm's groups", async () => {
    Object.assign(secret(A), secret(B));
    const beta = (await api.post(`${G}test_connection/`, { offering_uuid: B })).body;
    expect(await testConnection()).toEqual(beta);
  });

  it('each of url, realm, username and password is needed', async () => {
    for (const key of ['keycloak_url', 'keycloak_realm', 'keycloak_username', 'keycloak_password']) {
      const saved = secret(A)[key];
      delete secret(A)[key];
      expect(await testConnection(), key).toEqual(FAILED);
      secret(A)[key] = saved!;
    }
    expect(await testConnection()).toMatchObject({ status: 'ok' });
  });
});
