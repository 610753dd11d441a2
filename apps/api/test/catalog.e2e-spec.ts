import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShowCatalog } from '../src/catalog/showCatalog';
import { adminPost, createBasics, generalShow, seatedShow, smallSeatMap } from './catalogFixtures';
import { createTestApp, type TestApp } from './testApp';

describe('catalog', () => {
  describe('admin writes, public reads', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp();
      await createBasics(t);
    });
    afterAll(() => t.close());

    it('creates a city and lists it', async () => {
      const created = await adminPost(t, '/v1/admin/cities', { name: 'Rotterdam', country: 'NL', timeZone: 'Europe/Amsterdam' });
      expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Rotterdam', country: 'NL', timeZone: 'Europe/Amsterdam' });
      const cities = await t.http.get('/v1/cities').expect(200);
      expect(cities.body).toContainEqual(created.body);
      expect(cities.body).toContainEqual({ id: 'utrecht', name: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' });
    });

    it('creates a venue with its seat map and counts the seats', async () => {
      const created = await adminPost(t, '/v1/admin/venues', { id: 'small-hall', cityId: 'utrecht', name: 'Small Hall', kind: 'cinema', seatMap: smallSeatMap });
      expect(created.body).toEqual({ id: 'small-hall', cityId: 'utrecht', name: 'Small Hall', kind: 'cinema', capacity: 10, seatMap: smallSeatMap });
      const read = await t.http.get('/v1/venues/small-hall').expect(200);
      expect(read.body).toEqual(created.body);
      const grounds = await t.http.get('/v1/venues/utrecht-park').expect(200);
      expect(grounds.body).toEqual({ id: 'utrecht-park', cityId: 'utrecht', name: 'utrecht Park', kind: 'festival', capacity: 0 });
    });

    it('schedules a seated show and serves it with defaults and its layout', async () => {
      const created = await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'sonora-utrecht-seated', startsAt: '2027-05-01T21:30:00+02:00' }));
      const expected = {
        id: 'sonora-utrecht-seated',
        eventId: 'sonora-tour',
        venueId: 'utrecht-hall',
        startsAt: '2027-05-01T19:30:00.000Z',
        timeZone: 'Europe/Amsterdam',
        kind: 'seated',
        holdSeconds: 600,
        maxTicketsPerCustomer: 10,
        tiers: [
          { tier: 'regular', price: 2500, currency: 'EUR' },
          { tier: 'vip', price: 4000, currency: 'EUR' },
        ],
        serviceFeePerTicket: 0,
        vatBasisPoints: 0,
        capacity: 10,
        venue: { id: 'utrecht-hall', name: 'utrecht Hall', cityId: 'utrecht', kind: 'theatre' },
        sections: [{ id: 'STALLS', name: 'Stalls', x: 0, y: 0, width: 100, height: 40, seats: 10 }],
      };
      expect(created.body).toEqual(expected);
      expect((await t.http.get('/v1/shows/sonora-utrecht-seated').expect(200)).body).toEqual(expected);
    });

    it('schedules a general-admission show split over tiers and shards', async () => {
      const created = await adminPost(
        t,
        '/v1/admin/shows',
        generalShow({
          id: 'sonora-park',
          holdSeconds: 120,
          maxTicketsPerCustomer: 4,
          tiers: [
            { tier: 'standing', price: 3_000, currency: 'EUR' },
            { tier: 'golden', price: 9_000, currency: 'EUR' },
          ],
          generalTiers: [
            { tier: 'standing', capacity: 4_500 },
            { tier: 'golden', capacity: 500 },
          ],
          shardCount: 8,
        }),
      );
      expect(created.body).toMatchObject({ id: 'sonora-park', kind: 'general', capacity: 5_000, holdSeconds: 120, maxTicketsPerCustomer: 4 });
      expect(created.body.sections).toBeUndefined();
      const definition = await t.app.get(ShowCatalog).get('sonora-park');
      expect(definition?.shards).toHaveLength(8);
      expect(definition?.shards.map((s) => (s.kind === 'general' ? s.tier : s.sectionId))).toEqual([...Array(7).fill('standing'), 'golden']);
      expect(definition?.eventName).toBe('Sonora Summer Tour');
    });

    it('creates a performer and an event and shows the event with its shows', async () => {
      await adminPost(t, '/v1/admin/performers', { id: 'quartet', name: 'The String Quartet' });
      const event = await adminPost(t, '/v1/admin/events', { id: 'quartet-night', name: 'Quartet Night', description: 'Haydn and Bartók', category: 'classical', performerId: 'quartet' });
      expect(event.body).toEqual({ id: 'quartet-night', name: 'Quartet Night', description: 'Haydn and Bartók', category: 'classical', performerId: 'quartet' });
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'quartet-2', eventId: 'quartet-night', startsAt: '2027-09-02T19:00:00Z' }));
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'quartet-1', eventId: 'quartet-night', venueId: 'ghent-hall', startsAt: '2027-09-01T19:00:00Z' }));
      const read = await t.http.get('/v1/events/quartet-night').expect(200);
      expect(read.body).toEqual({
        id: 'quartet-night',
        name: 'Quartet Night',
        description: 'Haydn and Bartók',
        category: 'classical',
        performer: { id: 'quartet', name: 'The String Quartet' },
        shows: [
          {
            id: 'quartet-1',
            venueId: 'ghent-hall',
            venue: { id: 'ghent-hall', name: 'ghent Hall', cityId: 'ghent', kind: 'theatre' },
            startsAt: '2027-09-01T19:00:00.000Z',
            timeZone: 'Europe/Brussels',
            kind: 'seated',
          },
          {
            id: 'quartet-2',
            venueId: 'utrecht-hall',
            venue: { id: 'utrecht-hall', name: 'utrecht Hall', cityId: 'utrecht', kind: 'theatre' },
            startsAt: '2027-09-02T19:00:00.000Z',
            timeZone: 'Europe/Amsterdam',
            kind: 'seated',
          },
        ],
      });
    });

    it('answers 404 for unknown shows, events and venues', async () => {
      expect((await t.http.get('/v1/shows/nope').expect(404)).body).toMatchObject({ error: 'not_found', message: expect.stringContaining('nope') });
      expect((await t.http.get('/v1/events/nope').expect(404)).body).toMatchObject({ error: 'not_found' });
      expect((await t.http.get('/v1/venues/nope').expect(404)).body).toMatchObject({ error: 'not_found' });
      await expect(t.app.get(ShowCatalog).get('nope')).resolves.toBeUndefined();
    });

    it('answers 404 naming a referenced entity that does not exist', async () => {
      const venue = await adminPost(t, '/v1/admin/venues', { cityId: 'atlantis', name: 'Hall', kind: 'arena' }, 404);
      expect(venue.body).toMatchObject({ error: 'not_found', message: 'City atlantis does not exist', details: { field: 'cityId' } });
      const event = await adminPost(t, '/v1/admin/events', { name: 'X', description: '', category: 'concert', performerId: 'ghost' }, 404);
      expect(event.body.message).toBe('Performer ghost does not exist');
      expect((await adminPost(t, '/v1/admin/shows', seatedShow({ eventId: 'ghost-event' }), 404)).body.message).toBe('Event ghost-event does not exist');
      expect((await adminPost(t, '/v1/admin/shows', seatedShow({ venueId: 'ghost-hall' }), 404)).body.message).toBe('Venue ghost-hall does not exist');
    });

    it('refuses an id that exists already with 409, for every kind', async () => {
      const again = await adminPost(t, '/v1/admin/cities', { id: 'utrecht', name: 'Utrecht again', country: 'NL', timeZone: 'Europe/Amsterdam' }, 409);
      expect(again.body).toMatchObject({ error: 'already_exists', message: 'City utrecht already exists' });
      await adminPost(t, '/v1/admin/venues', { id: 'utrecht-hall', cityId: 'utrecht', name: 'Again', kind: 'arena' }, 409);
      await adminPost(t, '/v1/admin/performers', { id: 'la-sonora', name: 'Again' }, 409);
      await adminPost(t, '/v1/admin/events', { id: 'sonora-tour', name: 'Again', description: '', category: 'concert', performerId: 'la-sonora' }, 409);
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'dup-show' }));
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'dup-show', startsAt: '2030-01-01T00:00:00Z' }), 409);
      // The first write stands.
      expect((await t.http.get('/v1/cities').expect(200)).body.filter((c: { id: string }) => c.id === 'utrecht')).toEqual([
        { id: 'utrecht', name: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' },
      ]);
    });

    it('creates one entity when the same id is sent twice at once', async () => {
      const body = { id: 'racing-performer', name: 'Racer' };
      const results = await Promise.all([1, 2, 3].map(() => t.http.post('/v1/admin/performers').set('Authorization', `Bearer ${t.adminToken}`).send(body)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    describe('authorisation', () => {
      const endpoints = ['cities', 'venues', 'performers', 'events', 'shows'];

      it.each(endpoints)('POST /v1/admin/%s needs a token (401)', async (path) => {
        const response = await t.http.post(`/v1/admin/${path}`).send({ name: 'x' }).expect(401);
        expect(response.body.error).toBe('unauthorized');
      });

      it.each(endpoints)('POST /v1/admin/%s refuses a customer token (401, token rejected)', async (path) => {
        const customer = await t.customer();
        const response = await t.http.post(`/v1/admin/${path}`).set('Authorization', customer.auth).send({ name: 'x' }).expect(401);
        expect(response.body.error).toBe('unauthorized');
      });
    });

    describe('bad bodies get a 400 naming the field', () => {
      async function rejected(path: string, body: object): Promise<{ message: string; body: Record<string, unknown> }> {
        const response = await adminPost(t, path, body, 400);
        expect(response.body.error).toBe('invalid_request');
        return { message: response.body.message as string, body: response.body };
      }

      it('a missing name', async () => {
        expect((await rejected('/v1/admin/cities', { country: 'NL', timeZone: 'Europe/Amsterdam' })).message).toContain('name');
        expect((await rejected('/v1/admin/performers', {})).message).toContain('name');
        expect((await rejected('/v1/admin/performers', { name: '   ' })).message).toContain('name');
      });

      it('an unknown field, also inside nested objects', async () => {
        expect((await rejected('/v1/admin/performers', { name: 'A', genre: 'jazz' })).message).toContain('genre');
        const map = { sections: [{ ...smallSeatMap.sections[0], colour: 'red' }] };
        expect((await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: map })).message).toContain('seatMap.sections.0.colour');
        expect((await rejected('/v1/admin/shows', seatedShow({ tiers: [{ tier: 'vip', price: 1, currency: 'EUR', discount: 5 }] }))).message).toContain('tiers.0.discount');
      });

      it('a bad id, city code or time zone', async () => {
        expect((await rejected('/v1/admin/cities', { id: 'Bad Id!', name: 'X', country: 'NL', timeZone: 'Europe/Amsterdam' })).message).toContain('id');
        expect((await rejected('/v1/admin/cities', { name: 'X', country: 'nl', timeZone: 'Europe/Amsterdam' })).message).toContain('country');
        expect((await rejected('/v1/admin/cities', { name: 'X', country: 'NL', timeZone: 'Mars/Olympus' })).message).toContain('timeZone');
      });

      it('a bad seat map: its shape, checked by the DTO', async () => {
        const badRow = { sections: [{ ...smallSeatMap.sections[0], rows: [{ row: '1', seats: 0, tier: 'regular' }] }] };
        expect((await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: badRow })).message).toContain('seatMap.sections.0.rows.0.seats');
        const badRange = { sections: [{ ...smallSeatMap.sections[0], rows: [{ row: '1', seats: [{ from: 1, to: 'ten' }], tier: 'regular' }] }] };
        expect((await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: badRange })).message).toContain('seatMap.sections.0.rows.0.seats');
        const noSections = { sections: [] };
        expect((await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: noSections })).message).toContain('seatMap.sections');
        const dashInLabel = { sections: [{ ...smallSeatMap.sections[0], id: 'A-1' }] };
        expect((await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: dashInLabel })).message).toContain('seatMap.sections.0.id');
      });

      it('a bad seat map: its rules, checked by the domain', async () => {
        const twice = { sections: [smallSeatMap.sections[0], smallSeatMap.sections[0]] };
        const duplicate = await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: twice });
        expect(duplicate.body).toMatchObject({ field: 'seatMap.sections[1].id', message: expect.stringContaining('duplicate section STALLS') });
        const overlapping = { sections: [{ ...smallSeatMap.sections[0], rows: [{ row: '1', seats: [{ from: 1, to: 5 }, { from: 4, to: 8 }], tier: 'regular' }] }] };
        expect((await rejected('/v1/admin/venues', { cityId: 'utrecht', name: 'H', kind: 'arena', seatMap: overlapping })).body.field).toBe('seatMap.sections[0].rows[0].seats[1]');
      });

      it('a negative or fractional price, a bad currency', async () => {
        expect((await rejected('/v1/admin/shows', seatedShow({ tiers: [{ tier: 'regular', price: -1, currency: 'EUR' }] }))).message).toContain('tiers.0.price');
        expect((await rejected('/v1/admin/shows', seatedShow({ tiers: [{ tier: 'regular', price: 9.99, currency: 'EUR' }] }))).message).toContain('tiers.0.price');
        expect((await rejected('/v1/admin/shows', seatedShow({ tiers: [{ tier: 'regular', price: 1, currency: 'euro' }] }))).message).toContain('tiers.0.currency');
      });

      it('a bad date', async () => {
        expect((await rejected('/v1/admin/shows', seatedShow({ startsAt: 'next friday' }))).message).toContain('startsAt');
        expect((await rejected('/v1/admin/shows', seatedShow({ startsAt: '2027-02-30T19:00:00Z' }))).message).toContain('startsAt');
        expect((await rejected('/v1/admin/shows', seatedShow({ startsAt: '2027-05-01T19:00:00' }))).message).toContain('startsAt');
      });

      it('a show that does not fit its venue', async () => {
        // A tier of the seat map without a price.
        expect((await rejected('/v1/admin/shows', seatedShow({ tiers: [{ tier: 'regular', price: 1, currency: 'EUR' }] }))).body).toMatchObject({ field: 'tiers' });
        expect((await rejected('/v1/admin/shows', seatedShow({ capacity: 100 }))).body).toMatchObject({ field: 'capacity' });
        expect((await rejected('/v1/admin/shows', seatedShow({ venueId: 'utrecht-park' }))).body).toMatchObject({ field: 'venueId' });
        expect((await rejected('/v1/admin/shows', generalShow({ capacity: undefined }))).body).toMatchObject({ field: 'capacity' });
        const split = generalShow({ generalTiers: [{ tier: 'standing', capacity: 10 }] });
        expect((await rejected('/v1/admin/shows', split)).body).toMatchObject({ field: 'generalTiers' });
      });
    });
  });

  describe('GET /v1/events search', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp();
      await createBasics(t);
      await adminPost(t, '/v1/admin/performers', { id: 'orchestra', name: 'Royal Orchestra' });
      await adminPost(t, '/v1/admin/events', { id: 'symphony', name: 'Symphony No. 9', description: 'Beethoven, with choir', category: 'classical', performerId: 'orchestra' });
      await adminPost(t, '/v1/admin/events', { id: 'no-shows', name: 'Announced later', description: 'Dates to follow', category: 'concert', performerId: 'orchestra' });
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'tour-utrecht', startsAt: '2027-03-10T19:00:00Z' }));
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'tour-ghent', venueId: 'ghent-hall', startsAt: '2027-04-10T19:00:00Z' }));
      await adminPost(t, '/v1/admin/shows', seatedShow({ id: 'symphony-ghent', eventId: 'symphony', venueId: 'ghent-hall', startsAt: '2027-03-20T19:00:00Z' }));
    });
    afterAll(() => t.close());

    const ids = (body: { items: Array<{ id: string }> }): string[] => body.items.map((item) => item.id);

    it('lists every event with performer, cities and next show, soonest first', async () => {
      const { body } = await t.http.get('/v1/events').expect(200);
      expect(body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
      expect(ids(body)).toEqual(['sonora-tour', 'symphony', 'no-shows']);
      expect(body.items[0]).toEqual({
        id: 'sonora-tour',
        name: 'Sonora Summer Tour',
        description: 'Cumbia all night',
        category: 'concert',
        performer: { id: 'la-sonora', name: 'La Sonora Dinámica' },
        cities: ['ghent', 'utrecht'],
        nextShowAt: '2027-03-10T19:00:00.000Z',
        nextShowTimeZone: 'Europe/Amsterdam',
      });
      expect(body.items[2]).toMatchObject({ cities: [], nextShowAt: null, nextShowTimeZone: null });
    });

    it('matches q case-insensitively in the name, description and performer name', async () => {
      expect(ids((await t.http.get('/v1/events?q=SYMPHONY').expect(200)).body)).toEqual(['symphony']);
      expect(ids((await t.http.get('/v1/events?q=beethoven').expect(200)).body)).toEqual(['symphony']);
      expect(ids((await t.http.get('/v1/events?q=DINÁMICA').expect(200)).body)).toEqual(['sonora-tour']);
      expect(ids((await t.http.get('/v1/events?q=royal').expect(200)).body)).toEqual(['symphony', 'no-shows']);
      // Wildcards are letters.
      expect((await t.http.get('/v1/events?q=%25').expect(200)).body.total).toBe(0);
    });

    it('filters by city', async () => {
      expect(ids((await t.http.get('/v1/events?city=utrecht').expect(200)).body)).toEqual(['sonora-tour']);
      const ghent = (await t.http.get('/v1/events?city=ghent').expect(200)).body;
      expect(ids(ghent)).toEqual(['symphony', 'sonora-tour']);
      // The next show is the next one in the city asked about.
      expect(ghent.items[1].nextShowAt).toBe('2027-04-10T19:00:00.000Z');
      expect((await t.http.get('/v1/events?city=nowhere').expect(200)).body.total).toBe(0);
    });

    it('filters by date range; a bare `to` date includes that day', async () => {
      expect(ids((await t.http.get('/v1/events?from=2027-03-15&to=2027-03-31').expect(200)).body)).toEqual(['symphony']);
      expect(ids((await t.http.get('/v1/events?to=2027-03-10').expect(200)).body)).toEqual(['sonora-tour']);
      expect(ids((await t.http.get('/v1/events?from=2027-04-01T00:00:00Z').expect(200)).body)).toEqual(['sonora-tour']);
      expect(ids((await t.http.get('/v1/events?from=2027-03-01&city=ghent&q=cumbia').expect(200)).body)).toEqual(['sonora-tour']);
      expect((await t.http.get('/v1/events?from=2028-01-01').expect(200)).body.total).toBe(0);
    });

    it('pages by 20', async () => {
      for (let i = 0; i < 22; i++) {
        await adminPost(t, '/v1/admin/events', { id: `paged-${String(i).padStart(2, '0')}`, name: `Paged ${String(i).padStart(2, '0')}`, description: 'paging', category: 'talk', performerId: 'orchestra' });
      }
      const first = (await t.http.get('/v1/events?q=paging').expect(200)).body;
      expect(first).toMatchObject({ page: 1, pageSize: 20, total: 22 });
      expect(first.items).toHaveLength(20);
      const second = (await t.http.get('/v1/events?q=paging&page=2').expect(200)).body;
      expect(ids(second)).toEqual(['paged-20', 'paged-21']);
      expect((await t.http.get('/v1/events?q=paging&page=3').expect(200)).body).toMatchObject({ items: [], total: 22, page: 3 });
    });

    it.each([
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['page=1001', 'page'],
      ['from=yesterday', 'from'],
      ['to=2027-13-01', 'to'],
      ['from=2027-05-01T10:00', 'from'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['city=Not%20An%20Id', 'city'],
      ['sort=name', 'sort'],
      ['from=2027-05-02&to=2027-05-01', 'to'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const response = await t.http.get(`/v1/events?${query}`).expect(400);
      expect(response.body.error).toBe('invalid_request');
      expect(response.body.message).toContain(field);
    });
  });

  describe('demo catalog', () => {
    let dataDir: string;

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'catalog-demo-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    const catalogEventCount = async (t: TestApp): Promise<number> => (await t.store.readAll()).filter((e) => e.streamId.startsWith('catalog-')).length;

    it('seeds the cinema, arena, stadium and festival shows once, and not again on restart', async () => {
      const first = await createTestApp({ dataDir, seedDemo: true });
      let seeded: number;
      try {
        const catalog = first.app.get(ShowCatalog);
        const showIds = await catalog.listShowIds();
        const cinema = showIds.filter((id) => id.startsWith('cinema-hall-'));
        expect(cinema.filter((id) => id.startsWith('cinema-hall-1-')).length).toBeGreaterThanOrEqual(2);
        expect(cinema.filter((id) => id.startsWith('cinema-hall-2-')).length).toBeGreaterThanOrEqual(2);
        const arena = showIds.filter((id) => id.startsWith('arena-'));
        expect(arena).toHaveLength(1);
        expect(showIds).toContain('festival-2027');

        const festival = (await first.http.get('/v1/shows/festival-2027').expect(200)).body;
        expect(festival).toMatchObject({ kind: 'general', capacity: 1_000_000, venue: { id: 'festival-grounds', cityId: 'city-boom' } });
        const cinemaShow = (await first.http.get(`/v1/shows/${cinema[0]}`).expect(200)).body;
        expect(cinemaShow).toMatchObject({ kind: 'seated', holdSeconds: 300, maxTicketsPerCustomer: 10, venue: { kind: 'cinema' } });
        expect(cinemaShow.tiers.map((tier: { tier: string }) => tier.tier)).toEqual(expect.arrayContaining(['regular', 'vip']));
        const arenaShow = (await first.http.get(`/v1/shows/${arena[0]}`).expect(200)).body;
        expect(arenaShow).toMatchObject({ kind: 'seated', capacity: 19_880 });
        expect(arenaShow.tiers.map((tier: { tier: string }) => tier.tier).sort()).toEqual(['economy', 'regular', 'vip']);
        expect(arenaShow.sections).toHaveLength(20);

        const stadium = showIds.filter((id) => id.startsWith('stadium-'));
        expect(stadium).toHaveLength(1);
        const stadiumShow = (await first.http.get(`/v1/shows/${stadium[0]}`).expect(200)).body;
        expect(stadiumShow).toMatchObject({ kind: 'seated', capacity: 200_000, venue: { id: 'stadium', kind: 'stadium', cityId: 'city-london' } });
        expect(stadiumShow.sections).toHaveLength(66);
        const stadiumPlan = await catalog.get(stadium[0]);
        expect(stadiumPlan?.shards.reduce((sum, shard) => sum + (shard.kind === 'seated' ? shard.units.length : 0), 0)).toBe(200_000);

        const festivalPlan = await catalog.get('festival-2027');
        expect(festivalPlan?.shards).toHaveLength(64);
        expect(festivalPlan?.shards.every((shard) => shard.kind === 'general')).toBe(true);
        expect(festivalPlan?.shards.reduce((sum, shard) => sum + (shard.kind === 'general' ? shard.count : 0), 0)).toBe(1_000_000);
        expect(festivalPlan?.eventName).toBe('Global Festival 2027');
        // Planned once, then served from memory.
        expect(await catalog.get('festival-2027')).toBe(festivalPlan);
        const cinemaPlan = await catalog.get(cinema[0]);
        expect(cinemaPlan?.shards).toHaveLength(1);
        expect(cinemaPlan?.venue.id).toMatch(/^cinema-hall-[12]$/);

        const cities = (await first.http.get('/v1/cities').expect(200)).body.map((c: { id: string }) => c.id);
        expect(cities).toEqual(expect.arrayContaining(['city-amsterdam', 'city-london', 'city-boom']));
        expect((await first.http.get('/v1/events?city=city-amsterdam').expect(200)).body.total).toBe(2);
        seeded = await catalogEventCount(first);
      } finally {
        await first.close();
      }

      const second = await createTestApp({ dataDir, seedDemo: true });
      try {
        expect(await catalogEventCount(second)).toBe(seeded);
        expect((await second.http.get('/v1/shows/festival-2027').expect(200)).body.capacity).toBe(1_000_000);
      } finally {
        await second.close();
      }
    });
  });
});
