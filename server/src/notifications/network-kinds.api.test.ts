import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookingMessages, bookings } from '../db/schema/bookings.ts';
import { networkRoles } from '../db/schema/memberships.ts';
import { networks } from '../db/schema/networks.ts';
import { notifications } from '../db/schema/notifications.ts';
import { reports } from '../db/schema/reports.ts';
import { users } from '../db/schema/users.ts';
import { type NewEvent, recordEvent } from '../events/record.ts';
import {
  addMember,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  makeService,
  makeStructureWithManager,
  makeUser,
  signIn,
  uniqueSuffix,
} from '../../test/factories.ts';
import { mailboxOf } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;
const nnbsp = '\u202f';

function record(event: NewEvent) {
  return db().transaction((tx) => recordEvent(tx, event));
}

/** Who was told of one event, on which channel: `userId:channel`, sorted. */
async function toldOf(eventId: number | null) {
  const rows = await db()
    .select({ recipientId: notifications.recipientId, channel: notifications.channel })
    .from(notifications)
    .where(eq(notifications.eventId, eventId!));
  return rows.map((row) => `${row.recipientId}:${row.channel}`).sort();
}

const both = (...ids: string[]) => ids.flatMap((id) => [`${id}:email`, `${id}:in_app`]).sort();
const emailOnly = (...ids: string[]) => ids.map((id) => `${id}:email`).sort();

async function moderatorOf(networkId: string, role: 'moderator' | 'admin' = 'moderator', name = 'Modératrice') {
  const user = await makeUser(db(), { name });
  await db().insert(networkRoles).values({ userId: user.id, networkId, role });
  return user;
}

type Inbox = { notifications: Array<{ kind: string; link: string; about: { title: string | null } }> };

async function bellOf(email: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/notifications',
    headers: await signIn(t.app, email),
  });
  expect(response.statusCode).toBe(200);
  return response.json<Inbox>().notifications;
}

/** A structure with a manager and a member, its network's moderator (also one of its members) and a listing. */
async function moderatedStructure() {
  const structure = await makeStructureWithManager(db(), { name: `Ressourcerie ${uniqueSuffix()}` });
  const member = await makeUser(db(), { name: 'Lou, membre' });
  await addMember(db(), member.id, structure.organisation.id);
  const moderator = await moderatorOf(structure.networkId);
  await addMember(db(), moderator.id, structure.organisation.id);
  const item = await makeItem(db(), { organisationId: structure.organisation.id, title: 'Remorque vélo' });
  return { ...structure, member, moderator, item };
}

describe('a listing moderated by the network', () => {
  it('tells its structure’s members, in the bell and by email, never the moderator who acted', async () => {
    const scene = await moderatedStructure();
    const kinds = [
      'listing.approved',
      'listing.changes_requested',
      'listing.hidden',
      'listing.restored',
      'listing.archived',
    ] as const;
    for (const type of kinds) {
      const id = await record({
        type,
        actorId: scene.moderator.id,
        organisationId: scene.organisation.id,
        params: {
          listingType: 'item',
          listingId: scene.item.id,
          reason: 'Photos trompeuses',
          message: 'Ajoutez une photo',
        },
      });
      expect(await toldOf(id), type).toEqual(both(scene.manager.id, scene.member.id));
    }
    const bell = await bellOf(scene.member.email);
    expect(bell.map((notification) => [notification.kind, notification.link, notification.about.title])).toEqual([
      ['listing.archived', `/inventaire/materiel/${scene.item.id}`, 'Remorque vélo'],
      ['listing.restored', `/materiel/${scene.item.id}`, 'Remorque vélo'],
      ['listing.hidden', `/inventaire/materiel/${scene.item.id}`, 'Remorque vélo'],
      ['listing.changes_requested', `/inventaire/materiel/${scene.item.id}`, 'Remorque vélo'],
      ['listing.approved', `/materiel/${scene.item.id}`, 'Remorque vélo'],
    ]);
    const mails = await mailboxOf(t.connection, scene.manager.email);
    expect(mails.map((mail) => [mail.kind, mail.status, mail.subject])).toEqual([
      ['listing.approved', 'sent', `Annonce en ligne${nnbsp}: Remorque vélo`],
      ['listing.changes_requested', 'sent', `Modifications demandées${nnbsp}: Remorque vélo`],
      ['listing.hidden', 'sent', `Annonce masquée${nnbsp}: Remorque vélo`],
      ['listing.restored', 'sent', `Annonce de nouveau visible${nnbsp}: Remorque vélo`],
      ['listing.archived', 'sent', `Annonce archivée${nnbsp}: Remorque vélo`],
    ]);
    const archived = mails.at(-1)!;
    expect(archived.text).toContain('> Photos trompeuses');
    expect(archived.text).toContain(`http://mutua.test/inventaire/materiel/${scene.item.id}`);
    expect(mails[1]!.text).toContain('> Ajoutez une photo');
  });

  it('links a service to its own pages, and speaks English to an English reader', async () => {
    const scene = await moderatedStructure();
    await db().update(users).set({ locale: 'en' }).where(eq(users.id, scene.member.id));
    const service = await makeService(db(), { organisationId: scene.organisation.id, title: 'Atelier réparation' });
    await record({
      type: 'listing.restored',
      actorId: scene.moderator.id,
      organisationId: scene.organisation.id,
      params: { listingType: 'service', listingId: service.id },
    });
    expect((await bellOf(scene.member.email))[0]).toMatchObject({ link: `/services/${service.id}` });
    const [mail] = await mailboxOf(t.connection, scene.member.email);
    expect(mail).toMatchObject({ locale: 'en', subject: 'Listing visible again: Atelier réparation' });
    expect(mail!.text).toContain(`http://mutua.test/services/${service.id}`);
  });

  it('keeps the hidden and archived listings essential, the good news optional', async () => {
    const scene = await moderatedStructure();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me/notification-preferences',
      headers: await signIn(t.app, scene.member.email),
    });
    const essential = Object.fromEntries(
      response
        .json<{ preferences: Array<{ kind: string; essential: boolean }> }>()
        .preferences.map((p) => [p.kind, p.essential]),
    );
    expect(essential).toMatchObject({
      'listing.hidden': true,
      'listing.archived': true,
      'listing.restored': false,
      'report.resolved': false,
      'account.suspended': true,
      'account.reinstated': true,
      'account.deletion_scheduled': true,
      'network_role.changed': true,
    });
  });
});

describe('reports', () => {
  async function reportScene(target: 'item' | 'message' | 'organisation') {
    const scene = await lendingScene(t.app, db(), { title: 'Barnum 6×3 m' });
    const network = scene.lender.networkId;
    const moderator = await moderatorOf(network);
    const admin = await makeNetworkAdmin(db(), network);
    const elsewhere = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    const reporter = await moderatorOf(network, 'moderator', 'Modérateur qui signale');
    let targetId: string = scene.item.id;
    if (target === 'organisation') targetId = scene.lender.organisation.id;
    if (target === 'message') {
      const booking = await makeBooking(t.app, scene.borrower.headers, {
        itemId: scene.item.id,
        startDate: dayFromToday(10),
        endDate: dayFromToday(11),
      });
      const [message] = await db()
        .insert(bookingMessages)
        .values({
          bookingId: booking.id,
          authorId: scene.lender.manager.id,
          authorOrganisationId: scene.lender.organisation.id,
          body: 'Vous êtes vraiment\n  des incapables, je ne vous prêterai plus jamais rien, ni à vous ni à vos amis du quartier.',
        })
        .returning({ id: bookingMessages.id });
      targetId = message!.id;
    }
    const [report] = await db()
      .insert(reports)
      .values({
        targetType: target,
        targetId,
        organisationId: scene.lender.organisation.id,
        networkIds: [network],
        reporterId: reporter.id,
        reporterOrganisationId: scene.borrower.organisation.id,
        reasonCode: 'misleading',
        text: 'Les photos sont anciennes.',
      })
      .returning({ id: reports.id });
    return { scene, moderator, admin, elsewhere, reporter, reportId: report!.id };
  }

  it('brings a new report to the moderators and admins of its networks, not to the reporter nor to another network', async () => {
    const { scene, moderator, admin, reporter, reportId } = await reportScene('item');
    const id = await record({
      type: 'report.received',
      actorId: reporter.id,
      organisationId: scene.lender.organisation.id,
      params: { reportId },
    });
    expect(await toldOf(id)).toEqual(both(moderator.id, admin.id));
    expect((await bellOf(admin.email))[0]).toMatchObject({
      kind: 'report.received',
      link: `/admin/signalements/${reportId}`,
      about: { title: 'Barnum 6×3 m' },
    });
    const [mail] = await mailboxOf(t.connection, moderator.email);
    expect(mail!.subject).toBe(`Signalement${nnbsp}: annonce «${nnbsp}Barnum 6×3 m${nnbsp}»`);
    expect(mail!.text).toContain('Contenu trompeur');
    expect(mail!.text).toContain('> Les photos sont anciennes.');
    expect(mail!.text).toContain(`http://mutua.test/admin/signalements/${reportId}`);
  });

  it('names a reported message by its opening words, and a structure by its name', async () => {
    const message = await reportScene('message');
    await record({ type: 'report.received', actorId: message.reporter.id, params: { reportId: message.reportId } });
    const [mail] = await mailboxOf(t.connection, message.moderator.email);
    expect(mail!.subject).toMatch(/^Signalement\u202f: message «\u202fVous êtes vraiment des incapables, .*…\u202f»$/);
    expect(mail!.subject!.length).toBeLessThan(120);

    const organisation = await reportScene('organisation');
    await record({
      type: 'report.received',
      actorId: organisation.reporter.id,
      params: { reportId: organisation.reportId },
    });
    const [aboutStructure] = await mailboxOf(t.connection, organisation.admin.email);
    expect(aboutStructure!.subject).toBe(
      `Signalement${nnbsp}: structure «${nnbsp}${organisation.scene.lender.organisation.name}${nnbsp}»`,
    );
  });

  it('tells the reporter what became of their report, and nobody else', async () => {
    const { scene, moderator, reporter, reportId } = await reportScene('item');
    const id = await record({
      type: 'report.resolved',
      actorId: moderator.id,
      userId: reporter.id,
      params: { reportId, outcome: 'hidden' },
    });
    expect(await toldOf(id)).toEqual(both(reporter.id));
    expect((await bellOf(reporter.email))[0]).toMatchObject({
      link: '/notifications',
      about: { title: 'Barnum 6×3 m' },
    });
    const [mail] = await mailboxOf(t.connection, reporter.email);
    expect(mail!.subject).toBe(`Votre signalement a été traité${nnbsp}: annonce «${nnbsp}Barnum 6×3 m${nnbsp}»`);
    expect(mail!.text).toContain('Elle a masqué ce que vous avez signalé');
    expect(mail!.text).not.toContain(scene.lender.manager.name);
  });
});

describe('a person’s account', () => {
  it('tells a suspended person by email only, with the reason and the network to talk to, and no more of their structure’s news', async () => {
    const scene = await moderatedStructure();
    const admin = await makeNetworkAdmin(db(), scene.networkId);
    await db()
      .update(users)
      .set({ suspendedAt: new Date(), suspensionReason: 'Messages insultants' })
      .where(eq(users.id, scene.member.id));
    const id = await record({
      type: 'account.suspended',
      actorId: admin.id,
      userId: scene.member.id,
      params: { reason: 'Messages insultants' },
    });
    expect(await toldOf(id)).toEqual(emailOnly(scene.member.id));
    const [mail] = await mailboxOf(t.connection, scene.member.email);
    expect(mail!.subject).toBe('Votre compte Mutua est suspendu');
    expect(mail!.text).toContain('> Messages insultants');
    const [network] = await db().select({ name: networks.name }).from(networks).where(eq(networks.id, scene.networkId));
    expect(mail!.text).toContain(`écrivez à l’équipe du réseau${nnbsp}: ${network!.name}.`);
    expect(mail!.text).not.toContain('/connexion');

    const hidden = await record({
      type: 'listing.hidden',
      actorId: scene.moderator.id,
      organisationId: scene.organisation.id,
      params: { listingType: 'item', listingId: scene.item.id, reason: null },
    });
    expect(await toldOf(hidden)).toEqual(both(scene.manager.id));
  });

  it('tells a reinstated person by email, with the way back in', async () => {
    const person = await makeUser(db(), { name: 'Alix' });
    const id = await record({ type: 'account.reinstated', actorId: null, userId: person.id, params: {} });
    expect(await toldOf(id)).toEqual(emailOnly(person.id));
    const [mail] = await mailboxOf(t.connection, person.email);
    expect(mail!.subject).toBe('Votre compte Mutua est rétabli');
    expect(mail!.text).toContain('http://mutua.test/connexion');
  });

  it('tells when a deleted account is erased, in Paris time, and how to cancel, even when the person asked it', async () => {
    const person = await makeUser(db(), { name: 'Sacha' });
    // 23:30 UTC on 31 December is already 0:30 on 1 January in Paris.
    const eraseAfter = new Date('2026-12-31T23:30:00.000Z');
    await db()
      .update(users)
      .set({ deletionRequestedAt: new Date('2026-12-01T10:00:00.000Z'), eraseAfter })
      .where(eq(users.id, person.id));
    const id = await record({
      type: 'account.deletion_scheduled',
      actorId: person.id,
      userId: person.id,
      params: { eraseAfter: eraseAfter.toISOString() },
    });
    expect(await toldOf(id)).toEqual(emailOnly(person.id));
    const [mail] = await mailboxOf(t.connection, person.email);
    expect(mail!.subject).toBe('Suppression de votre compte Mutua programmée');
    expect(mail!.text).toContain('à partir du vendredi 1er janvier 2027 à 0\u00a0h\u00a030 (heure de Paris)');
    expect(mail!.text).toContain('Se connecter pour annuler');
    expect(mail!.text).toContain('http://mutua.test/connexion');
  });

  it('sends nothing about a deletion cancelled before its email went', async () => {
    const person = await makeUser(db(), { name: 'Maël' });
    await record({
      type: 'account.deletion_scheduled',
      actorId: person.id,
      userId: person.id,
      params: { eraseAfter: '2027-01-30T10:00:00.000Z' },
    });
    const [mail] = await mailboxOf(t.connection, person.email);
    expect(mail).toMatchObject({ status: 'skipped', subject: null });
  });
});

describe('a role in a network', () => {
  it('tells the person in the bell and by email, with the administration to open, not when they changed their own', async () => {
    const network = await makeNetwork(db(), 'Réseau des ressourceries');
    const admin = await makeNetworkAdmin(db(), network.id);
    const person = await makeUser(db(), { name: 'Inès' });
    const granted = await record({
      type: 'network_role.changed',
      actorId: admin.id,
      userId: person.id,
      params: { networkId: network.id, role: 'moderator' },
    });
    expect(await toldOf(granted)).toEqual(both(person.id));
    expect((await bellOf(person.email))[0]).toMatchObject({
      link: '/admin',
      about: { title: 'Réseau des ressourceries' },
    });
    const revoked = await record({
      type: 'network_role.changed',
      actorId: admin.id,
      userId: person.id,
      params: { networkId: network.id, role: null },
    });
    expect((await bellOf(person.email))[0]).toMatchObject({ link: '/' });
    const mails = await mailboxOf(t.connection, person.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Vous modérez le réseau Réseau des ressourceries',
      'Votre rôle dans le réseau Réseau des ressourceries a pris fin',
    ]);
    expect(mails[0]!.text).toContain('http://mutua.test/admin');
    expect(mails[1]!.text).not.toContain('http://mutua.test/admin');
    expect(await toldOf(revoked)).toEqual(both(person.id));
    const own = await record({
      type: 'network_role.changed',
      actorId: admin.id,
      userId: admin.id,
      params: { networkId: network.id, role: null },
    });
    expect(await toldOf(own)).toEqual([]);
  });
});

describe('a request closed because the person who made it was suspended', () => {
  it('tells both sides, but not the suspended person, and says why', async () => {
    const scene = await lendingScene(t.app, db());
    const colleague = await makeUser(db(), { name: 'Collègue de l’emprunteur' });
    await addMember(db(), colleague.id, scene.borrower.organisation.id);
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await db()
      .update(users)
      .set({ suspendedAt: new Date(), suspensionReason: 'Abus' })
      .where(eq(users.id, scene.borrower.manager.id));
    await db()
      .update(bookings)
      .set({ status: 'declined', declineCode: 'requester_suspended', expiresAt: null })
      .where(eq(bookings.id, booking.id));
    const id = await record({
      type: 'booking.declined',
      actorId: null,
      bookingId: booking.id,
      params: { party: 'system', fromStatus: 'requested', reasonCode: 'requester_suspended' },
    });
    expect(await toldOf(id)).toEqual(both(scene.lender.manager.id, colleague.id));
    const closed = (mails: Awaited<ReturnType<typeof mailboxOf>>) =>
      mails.find((mail) => mail.kind === 'booking.declined');
    const lender = closed(await mailboxOf(t.connection, scene.lender.manager.email));
    expect(lender!.subject).toBe(`Demande close${nnbsp}: ${scene.item.title}`);
    expect(lender!.text).toContain('La personne qui a fait la demande a été suspendue par le réseau');
    const borrower = closed(await mailboxOf(t.connection, colleague.email));
    expect(borrower!.text).toContain('La personne qui a fait cette demande pour votre structure a été suspendue');
    const rows = await db()
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.eventId, id!), eq(notifications.recipientId, scene.borrower.manager.id)));
    expect(rows).toEqual([]);
  });
});
