// Every error shape Waldur produces, built in one place so the strings never drift.
//   1. {"detail": "..."}                 401, 403, 404, 405, 415, some 400s
//   2. {"field": ["msg", ...]}           serializer field errors
//   3. {"non_field_errors": ["msg"]}      serializer.validate errors
//   4. ["msg"]                            ValidationError("msg") raised in views
//   5. {"field": "msg"}                   ValidationError({"field": "msg"}) raised in views
//   6. {"error": "..."} / {"status": "error", "error": "..."}   Keycloak proxy actions

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonValue | undefined,
    readonly html?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export const MESSAGES = {
  notFound: 'Not found.',
  forbidden: 'You do not have permission to perform this action.',
  invalidToken: 'Invalid token.',
  tokenExpired: 'Token has expired.',
  invalidCredentials: 'Invalid username/password',
  invalidPage: 'Invalid page.',
  required: 'This field is required.',
  notNull: 'This field may not be null.',
  notBlank: 'This field may not be blank.',
  invalidUuid: 'Must be a valid UUID.',
  invalidString: 'Not a valid string.',
  invalidEmail: 'Enter a valid email address.',
  filterInvalidUuid: 'Enter a valid UUID.',
  offeringNotFound: 'Offering not found.',
  keycloakNotEnabled: 'Keycloak integration is not enabled for this offering.',
  simulatedFailure: 'Simulated failure.',
} as const;

export function detail(status: number, message: string): HttpError {
  return new HttpError(status, { detail: message });
}

export const notFound = (): HttpError => detail(404, MESSAGES.notFound);
export const forbidden = (): HttpError => detail(403, MESSAGES.forbidden);
export const methodNotAllowed = (method: string): HttpError => detail(405, `Method "${method}" not allowed.`);

/** Shape 2: serializer field errors. */
export function fieldErrors(errors: Record<string, string[]>): HttpError {
  return new HttpError(400, errors);
}
/** Shape 3. */
export function nonFieldError(message: string): HttpError {
  return new HttpError(400, { non_field_errors: [message] });
}
/** Shape 4. */
export function listError(message: string): HttpError {
  return new HttpError(400, [message]);
}
/** Shape 5. */
export function fieldError(field: string, message: string): HttpError {
  return new HttpError(400, { [field]: message });
}
/** Shape 6. */
export function proxyError(message: string, withStatus = false): HttpError {
  return new HttpError(400, withStatus ? { status: 'error', error: message } : { error: message });
}

/** Django's production 404 page for a URL that matches no route. */
export const DJANGO_NOT_FOUND_HTML = `<!doctype html>
<html lang="en">
<head>
  <title>Not Found</title>
</head>
<body>
  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
</body>
</html>
`;

/** What a broken reverse proxy in front of Waldur answers. */
export const PROXY_ERROR_HTML = `<html>
<head><title>500 Internal Server Error</title></head>
<body>
<center><h1>500 Internal Server Error</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/** Django's production 500 page: a simulator bug, or a Waldur code path that raises (a Rancher membership PATCH without role). */
export const DJANGO_SERVER_ERROR_HTML = `<!doctype html>
<html lang="en">
<head>
  <title>Server Error (500)</title>
</head>
<body>
  <h1>Server Error (500)</h1><p></p>
</body>
</html>
`;

export function htmlError(status: number, html: string): HttpError {
  return new HttpError(status, undefined, html);
}
