/* global document, location, history */
// The floor page's only script (the app server's CSP forbids inline scripts): one fetch of the
// same list the groups tab asks for first, rendered as plain table rows whose names are buttons
// that work: a click opens the group's panel and names it in the URL (`?group=`), as the app does.
(() => {
  const offering = new URLSearchParams(location.search).get('offering') || '';
  const token = sessionStorage.getItem('waldur-kc.token') || '';
  const body = document.querySelector('tbody');
  const status = document.getElementById('status');
  const panel = document.getElementById('group');
  const open = (group) => {
    const url = new URL(location.href);
    url.searchParams.set('group', group.uuid);
    history.pushState(null, '', url);
    panel.hidden = false;
    panel.querySelector('h2').textContent = group.name || '(no name)';
    panel.querySelector('p').textContent =
      `${group.role_name} · ${group.resource_name || 'no resource'} · ${group.backend_id || 'not linked'}`;
  };
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const cell = (row, text) => {
    const td = row.insertCell();
    td.textContent = text;
    return td;
  };
  fetch(`/api/offering-keycloak-groups/?offering_uuid=${encodeURIComponent(offering)}&page=1&page_size=10`, {
    headers: { Authorization: `Token ${token}`, Accept: 'application/json' },
  })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      status.textContent = `${response.headers.get('X-Result-Count')} groups`;
      return response.json();
    })
    .then((groups) => {
      for (const group of groups) {
        const row = body.insertRow();
        const name = document.createElement('button');
        name.type = 'button';
        name.textContent = group.name || '(no name)';
        name.addEventListener('click', () => open(group));
        row.insertCell().append(name);
        cell(row, `${group.role_name} · ${group.role_scope_type ? `Scope: ${group.role_scope_type}` : 'Offering-wide'}`);
        cell(row, group.resource_name || '—');
        cell(row, group.scope_id || '—');
        cell(row, group.backend_id ? `Linked ${group.backend_id}` : 'Not linked');
        cell(row, date.format(new Date(group.created)));
      }
    })
    .catch((error) => {
      status.textContent = `Could not load the groups: ${error.message}`;
    });
})();
