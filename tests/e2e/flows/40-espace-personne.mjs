// A counsellor of the Mission Locale plans an appointment with a demo person who has an e-mail
// address and deposits a document (a renamed program is refused); the person asks for a link at
// /mon-espace, opens it from the e-mail, sees the appointment, downloads their data and cancels
// their coming; the counsellor's bell then counts the news. Every page goes through axe.
import { readFileSync } from 'node:fs';

export default async function ({ browser, server, check, audit, has, one, login }) {
  const subject = 'Préparer le forum de l\u2019emploi';
  // Three days from now, in Paris.
  const day = new Date(Date.now() + 3 * 86400e3).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

  const staffCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const staff = await login(staffCtx, 'conseil.ml-poitou@jalon-demo.fr');
  // Other flows may have rung this bell already (orientations): read what it says, in words.
  const bell = staff.getByRole('link', { name: /^Notifications \d+ non lues?$/ });
  check(await one(bell), 'the bell says how many notifications are unread, in words');
  const unread = Number((await bell.textContent()).match(/\d+/)[0]);
  await staff.goto(server.url + '/organisations/3/personnes?nom=moreau');
  await staff.getByRole('link', { name: 'Moreau Léna' }).click();
  await staff.getByRole('link', { name: 'Rendez-vous', exact: true }).click();
  check(await has(staff.getByText('Premier entretien : projet professionnel')), 'the demo person\u2019s past appointments are listed');
  await audit(staff, '40a-rendez-vous-personne');
  await staff.getByRole('link', { name: 'Nouveau rendez-vous' }).click();
  await staff.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  check(await one(staff.locator('.resume-erreurs')), 'an empty appointment form is refused with an error summary');
  await audit(staff, '40b-nouveau-rendez-vous-erreurs');
  await staff.fill('#date', day);
  await staff.fill('#time', '11:00');
  await staff.fill('#duration', '45');
  await staff.fill('#subject', subject);
  await staff.fill('#place', 'Mission Locale, 14 rue Carnot, Poitiers');
  await staff.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  check(await one(staff.getByText('Le rendez-vous est enregistré.')), 'the appointment is created');
  check(await one(staff.getByRole('cell', { name: 'prévu' })), 'the person is expected');
  await audit(staff, '40c-rendez-vous');
  await staff.getByRole('link', { name: 'Agenda', exact: false }).first().click();
  check(await has(staff.getByRole('link', { name: new RegExp('11:00 – ' + subject) })), 'the agenda lists it at 11:00');
  await audit(staff, '40d-agenda');
  await staff.getByRole('link', { name: "Statistiques d'absence" }).click();
  check(await has(staff.getByRole('rowheader', { name: 'Ensemble' })), 'the no-show statistics show a total');
  await audit(staff, '40e-statistiques');

  // Documents: a PDF is accepted, a program renamed "cv.pdf" is refused.
  await staff.goto(server.url + '/organisations/3/personnes?nom=moreau');
  await staff.getByRole('link', { name: 'Moreau Léna' }).click();
  await staff.getByRole('link', { name: 'Documents', exact: true }).click();
  await staff.selectOption('#kind', 'certificate');
  await staff.fill('#title', 'Attestation de formation');
  await staff.setInputFiles('#fichier', { name: 'attestation.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n') });
  await staff.getByRole('button', { name: 'Déposer le document' }).click();
  check(await one(staff.getByText('Le document « Attestation de formation » est déposé.')), 'a PDF is deposited');
  await staff.selectOption('#kind', 'cv');
  await staff.setInputFiles('#fichier', { name: 'cv.pdf', mimeType: 'application/pdf', buffer: readFileSync('/bin/true') });
  await staff.getByRole('button', { name: 'Déposer le document' }).click();
  check(await one(staff.locator('#fichier-erreur', { hasText: 'programme' })), 'a program renamed cv.pdf is refused, beside the field');
  await audit(staff, '40f-documents');

  // The person asks for a link and opens it from the e-mail.
  const personCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR', acceptDownloads: true });
  const person = await personCtx.newPage();
  await person.goto(server.url + '/');
  await person.getByRole('link', { name: 'Mon espace personnel' }).click();
  await audit(person, '40g-mon-espace');
  await person.fill('#email', 'Lena.Moreau@exemple.fr');
  await person.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  check(await one(person.getByText(/un e-mail contenant un lien de connexion vient de lui être envoyé/)), 'the answer does not say whether the address is known');
  const mail = server.outbox('lena.moreau@exemple.fr')[0];
  const link = mail?.body.match(/https?:\/\/\S+(\/mon-espace\/lien\/\S+)/)?.[1];
  check(Boolean(link), 'the e-mail holds a one-time link');
  await person.goto(server.url + link);
  await audit(person, '40h-lien');
  await person.getByRole('button', { name: 'Ouvrir mon espace' }).click();
  await person.waitForURL('**/mon-espace/accueil');
  check(await one(person.getByText('Bienvenue dans votre espace personnel.')), 'the link opens the person\u2019s space');
  const mine = person.locator('li', { hasText: subject });
  check(await one(mine), 'the person sees the appointment just made');
  check(await has(person.getByText('Mission Locale d\'Insertion du Poitou : organisation qui a créé la fiche')), 'and who sees their file, and why');
  await audit(person, '40i-espace');
  const [download] = await Promise.all([
    person.waitForEvent('download'),
    person.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click(),
  ]);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
  check(data.person?.email === 'lena.moreau@exemple.fr' && data.appointments.some((a) => a.subject === subject) &&
        data.documents.some((d) => d.title === 'Attestation de formation') && data.audit.length > 0,
        'the person downloads their data: record, appointments, documents, access log');
  // A used link does not open twice.
  const again = await personCtx.newPage();
  const reopened = await again.goto(server.url + link);
  check(reopened.status() === 410, 'the link serves once (410 afterwards)');
  await again.close();
  await mine.getByRole('button', { name: /Je ne pourrai pas venir/ }).click();
  check(await one(person.getByText(/votre conseiller est prévenu/)), 'the person cancels their coming');
  await person.setViewportSize({ width: 375, height: 740 });
  await audit(person, '40j-espace-telephone');
  await person.getByRole('button', { name: 'Se déconnecter' }).click();
  await person.waitForURL('**/mon-espace');
  await person.goto(server.url + '/mon-espace/accueil');
  check(person.url().endsWith('/mon-espace'), 'after logging out, the space asks for a new link');

  // The counsellor's bell counts the news; the notifications page lists it.
  await staff.goto(server.url + '/tableau-de-bord');
  const counted = `Notifications ${unread + 1} non lues`;
  check(await one(staff.getByRole('link', { name: counted })), 'the bell counts the cancellation');
  await staff.getByRole('link', { name: counted }).click();
  check(await has(staff.getByText(/Léna Moreau annule sa venue au rendez-vous/)), 'the counsellor learns the person will not come');
  await audit(staff, '40k-notifications');
  await staff.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  check(await one(staff.getByRole('link', { name: 'Notifications', exact: true })), 'marked read, the bell shows no count');
  await staff.goto(server.url + '/compte/notifications');
  await audit(staff, '40l-preferences');
  await staffCtx.close();
  await personCtx.close();
}
