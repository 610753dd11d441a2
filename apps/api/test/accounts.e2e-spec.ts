import { createBasics, seatedShow, smallSeatMap } from './catalogFixtures';
import { createTestApp, type TestApp } from './testApp';

/**
 * Organisations, staff roles and per-user tokens, end to end on the embedded store:
 * who may do what, what each role sees of another organisation (nothing: 404), that a
 * revoked token stops at once, and that every change names who made it.
 */
describe('accounts and roles', () => {
  let t: TestApp;
  const admin = () => `Bearer ${t.adminToken}`;

  beforeAll(async () => {
    t = await createTestApp();
    await createBasics(t);
  });
  afterAll(() => t.close());

  const accountEvents = async () => (await t.store.readAll()).filter((e) => e.streamId.startsWith('account-'));

  it('an admin creates an organisation and its staff; each user has their own token and sees who they are', async () => {
    const org = await t.http.post('/v1/admin/organisations').set('Authorization', admin()).send({ id: 'northwind', name: 'Northwind Live' }).expect(201);
    expect(org.body).toEqual({ id: 'northwind', name: 'Northwind Live', createdAt: expect.any(String) });
    const manager = await t.staff('event_manager', { organisationId: 'northwind', name: 'Mia' });
    const me = await t.http.get('/v1/admin/me').set('Authorization', manager.auth).expect(200);
    expect(me.body).toEqual({ userId: manager.userId, name: 'Mia', role: 'event_manager', organisationId: 'northwind', showIds: [] });

    const detail = await t.http.get('/v1/admin/organisations/northwind').set('Authorization', manager.auth).expect(200);
    expect(detail.body.users).toEqual([expect.objectContaining({ userId: manager.userId, role: 'event_manager', createdBy: 'admin', tokens: [expect.objectContaining({ tokenId: manager.tokenId, issuedBy: 'admin' })] })]);
    // The log keeps a hash of the token's secret, never the token.
    const secret = manager.auth.split('.').pop()!;
    expect(JSON.stringify((await accountEvents()).map((e) => [e.data, e.metadata]))).not.toContain(secret);
  });

  it('an event manager builds its own organisation\'s venue, event and show, recorded as theirs', async () => {
    const manager = await t.staff('event_manager', { organisationId: 'acme' });
    const as = (path: string, body: object) => t.http.post(path).set('Authorization', manager.auth).send(body);
    await as('/v1/admin/venues', { id: 'acme-hall', cityId: 'utrecht', name: 'Acme Hall', kind: 'theatre', seatMap: smallSeatMap }).expect(201);
    const event = await as('/v1/admin/events', { id: 'acme-night', name: 'Acme Night', description: '', category: 'concert', performerId: 'la-sonora' }).expect(201);
    expect(event.body.organisationId).toBe('acme');
    await as('/v1/admin/shows', seatedShow({ id: 'acme-night-1', eventId: 'acme-night', venueId: 'acme-hall' })).expect(201);
    // A platform venue is open to every organisation.
    await as('/v1/admin/shows', seatedShow({ id: 'acme-night-2', eventId: 'acme-night', venueId: 'utrecht-hall' })).expect(201);

    const show = (await t.store.readStream('catalog-show-acme-night-1'))[0];
    expect(show.metadata).toMatchObject({ by: manager.userId });
    const venue = (await t.store.readStream('catalog-venue-acme-hall'))[0];
    expect(venue.data).toMatchObject({ organisationId: 'acme' });
  });

  it('another organisation\'s event manager gets 404 for its events, venues and staff, and cannot claim its organisation', async () => {
    const rival = await t.staff('event_manager', { organisationId: 'globex' });
    const as = (path: string, body: object) => t.http.post(path).set('Authorization', rival.auth).send(body);
    const onEvent = await as('/v1/admin/shows', seatedShow({ id: 'stolen', eventId: 'acme-night', venueId: 'utrecht-hall' })).expect(404);
    expect(onEvent.body).toMatchObject({ error: 'not_found', message: 'Event acme-night does not exist' });
    // Its own event in another organisation's venue: the venue is not there for it.
    await as('/v1/admin/events', { id: 'globex-gala', name: 'Gala', description: '', category: 'concert', performerId: 'la-sonora' }).expect(201);
    const onVenue = await as('/v1/admin/shows', seatedShow({ id: 'gala-1', eventId: 'globex-gala', venueId: 'acme-hall' })).expect(404);
    expect(onVenue.body.details).toMatchObject({ field: 'venueId' });
    await as('/v1/admin/events', { id: 'claimed', name: 'X', description: '', category: 'concert', performerId: 'la-sonora', organisationId: 'acme' }).expect(404);
    await t.http.get('/v1/admin/organisations/acme').set('Authorization', rival.auth).expect(404);
    await t.http.post('/v1/admin/organisations/acme/users').set('Authorization', rival.auth).send({ name: 'Spy', role: 'gate', showIds: ['acme-night-1'] }).expect(404);
    // Platform-owned events (the demo catalog's) are admins' only.
    await as('/v1/admin/shows', seatedShow({ id: 'sonora-x' })).expect(404);
    for (const id of ['stolen', 'gala-1', 'sonora-x']) expect(await t.store.readStream(`catalog-show-${id}`)).toEqual([]);
  });

  it('an event manager equips gate staff for its own shows only; other roles it may not create', async () => {
    const manager = await t.staff('event_manager', { organisationId: 'acme' });
    const post = (body: object) => t.http.post('/v1/admin/organisations/acme/users').set('Authorization', manager.auth).send(body);
    const gate = await post({ name: 'North gate', role: 'gate', showIds: ['acme-night-1'] }).expect(201);
    expect(gate.body).toMatchObject({ role: 'gate', showIds: ['acme-night-1'], createdBy: manager.userId });
    const token = await t.http.post(`/v1/admin/organisations/acme/users/${gate.body.userId}/tokens`).set('Authorization', manager.auth).send({ label: 'scanner 1' }).expect(201);
    const me = await t.http.get('/v1/admin/me').set('Authorization', `Bearer ${token.body.token}`).expect(200);
    expect(me.body).toMatchObject({ role: 'gate', showIds: ['acme-night-1'] });

    const before = (await accountEvents()).length;
    const auditor = await post({ name: 'Aud', role: 'auditor' }).expect(403);
    expect(auditor.body).toMatchObject({ error: 'not_permitted' });
    const foreignShow = await post({ name: 'G', role: 'gate', showIds: ['sonora-x-nope'] }).expect(404);
    expect(foreignShow.body.details).toMatchObject({ field: 'showIds[0]' });
    await post({ name: 'G', role: 'gate' }).expect(400);
    expect((await accountEvents()).length).toBe(before);
  });

  it('roles gate what a token may call: 403 names the roles; a wrong token is 401 "Token rejected"', async () => {
    const auditor = await t.staff('auditor', { organisationId: 'acme' });
    const refused = await t.http.post('/v1/admin/cities').set('Authorization', auditor.auth).send({ id: 'x', name: 'X', country: 'NL', timeZone: 'Europe/Amsterdam' }).expect(403);
    expect(refused.body).toMatchObject({ error: 'forbidden', message: expect.stringContaining('event_manager') });
    await t.http.post('/v1/admin/organisations').set('Authorization', auditor.auth).send({ id: 'mine', name: 'Mine' }).expect(403);
    const wrong = await t.http.get('/v1/admin/me').set('Authorization', `${auditor.auth}x`).expect(401);
    expect(wrong.body.message).toContain('Token rejected');
    const forged = auditor.auth.replace(/\.[^.]+$/, `.${'A'.repeat(32)}`);
    await t.http.get('/v1/admin/me').set('Authorization', forged).expect(401);
  });

  it('auditors and event managers read their own organisation\'s sales audit and chart, and no one else\'s', async () => {
    await t.http.post('/v1/admin/shows').set('Authorization', admin()).send(seatedShow({ id: 'platform-show' })).expect(201);
    for (const role of ['auditor', 'event_manager'] as const) {
      const own = await t.staff(role, { organisationId: 'acme' });
      const rival = await t.staff(role, { organisationId: 'globex' });
      for (const path of ['/v1/audit/shows/acme-night-1/sales', '/v1/audit/shows/acme-night-1/sales-over-time']) {
        await t.http.get(path).set('Authorization', own.auth).expect(200);
        await t.http.get(path).set('Authorization', rival.auth).expect(404);
        await t.http.get(path.replace('acme-night-1', 'platform-show')).set('Authorization', own.auth).expect(404);
      }
    }
    const gate = await t.staff('gate', { organisationId: 'acme', showIds: ['acme-night-1'] });
    await t.http.get('/v1/audit/shows/acme-night-1/sales').set('Authorization', gate.auth).expect(403);
  });

  it('a revoked token stops at once; the user\'s other tokens keep working; a disabled user\'s all stop', async () => {
    const manager = await t.staff('event_manager', { organisationId: 'acme' });
    const second = await t.http.post(`/v1/admin/organisations/acme/users/${manager.userId}/tokens`).set('Authorization', manager.auth).send({ label: 'laptop' }).expect(201);
    await t.http.delete(`/v1/admin/organisations/acme/users/${manager.userId}/tokens/${manager.tokenId}`).set('Authorization', manager.auth).expect(204);
    await t.http.get('/v1/admin/me').set('Authorization', manager.auth).expect(401);
    await t.http.get('/v1/admin/me').set('Authorization', `Bearer ${second.body.token}`).expect(200);
    const revoked = (await accountEvents()).find((e) => e.type === 'UserTokenRevoked' && (e.data as { tokenId: string }).tokenId === manager.tokenId);
    expect(revoked?.data).toMatchObject({ by: manager.userId });

    await t.http.delete(`/v1/admin/organisations/acme/users/${manager.userId}`).set('Authorization', admin()).expect(204);
    await t.http.get('/v1/admin/me').set('Authorization', `Bearer ${second.body.token}`).expect(401);
  });

  it('platform admins are users too, with their own revocable tokens', async () => {
    const ops = await t.staff('admin');
    await t.http.post('/v1/admin/organisations').set('Authorization', ops.auth).send({ id: 'initech', name: 'Initech' }).expect(201);
    const created = (await accountEvents()).find((e) => e.type === 'OrganisationCreated' && (e.data as { organisationId: string }).organisationId === 'initech');
    expect(created?.data).toMatchObject({ by: ops.userId });
    await t.http.post('/v1/admin/organisations/platform/users').set('Authorization', admin()).send({ name: 'X', role: 'auditor' }).expect(400);
  });

  it('bad input gets a 4xx naming the field, and nothing is written', async () => {
    const before = (await accountEvents()).length;
    const cases: Array<[string, object, number, string]> = [
      ['/v1/admin/organisations', { id: 'Bad Id', name: 'x' }, 400, 'id'],
      ['/v1/admin/organisations', { id: 'platform', name: 'x' }, 400, 'id'],
      ['/v1/admin/organisations', { id: 'ok-id', name: '' }, 400, 'name'],
      ['/v1/admin/organisations', { id: 'ok-id', name: 'x', extra: 1 }, 400, 'extra'],
      ['/v1/admin/organisations/acme/users', { name: 'x', role: 'boss' }, 400, 'role'],
      ['/v1/admin/organisations/acme/users', { name: 'x', role: 'admin' }, 400, 'role'],
      ['/v1/admin/organisations/acme/users', { name: 'x', role: 'gate', showIds: 'acme-night-1' }, 400, 'showIds'],
      ['/v1/admin/organisations/nope/users', { name: 'x', role: 'auditor' }, 404, ''],
      ['/v1/admin/organisations/acme/users/nobody/tokens', {}, 404, ''],
      ['/v1/admin/organisations/acme/users/bad%20id/tokens', {}, 400, 'userId'],
    ];
    for (const [path, body, status, field] of cases) {
      const response = await t.http.post(path).set('Authorization', admin()).send(body);
      expect([path, body, response.status]).toEqual([path, body, status]);
      if (field) expect(JSON.stringify(response.body)).toContain(field);
    }
    expect((await accountEvents()).length).toBe(before);
  });
});
