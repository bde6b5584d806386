import type { RealKeycloakOptions } from '../src/keycloak/real.ts';
import { realKeycloakOptions } from '../src/keycloak/real.ts';

/** The real Keycloak `npm run test:keycloak` started (KEYCLOAK_URL). */
export function realKeycloak(): RealKeycloakOptions {
  const url = process.env.KEYCLOAK_URL;
  if (!url) throw new Error('KEYCLOAK_URL is not set: run these tests with `npm run test:keycloak`');
  return realKeycloakOptions(url);
}
