// A counsellor of the demo Mission Locale records a young person and applies for them to the
// demo chantier d'insertion's offer (an empty form is refused first); the chantier's admin finds
// the application in its inbox, studies it and accepts it with a hiring date; the young person,
// logged in with a link sent by e-mail, sees it accepted in their space. Every page goes through axe.
export default async function ({ browser, server, check, audit, has, one, login }) {
  const stamp = String(Date.now()).slice(-5);
  const email = `ines.candidate.${stamp}@exemple.fr`;
  const last = `Candidate${stamp}`;
  const day = new Date(Date.now() + 7 * 86400e3).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const [y, m, d] = day.split('-');

  // The counsellor records the person, then applies for them from their record.
  const mlCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const ml = await login(mlCtx, 'conseil.ml-poitou@jalon-demo.fr');
  await ml.getByRole('link', { name: 'Personnes accompagnées' }).first().click();
  await ml.getByRole('link', { name: 'Nouvelle personne' }).click();
  await ml.fill('#last_name', last);
  await ml.fill('#first_name', 'Inès');
  await ml.fill('#birth_date', '2004-09-21');
  await ml.fill('#commune_code', '86194');
  await ml.fill('#email', email);
  await ml.check('#consent_sharing');
  await ml.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  check(await one(ml.getByText('La fiche a été créée.')), 'the young person is recorded');
  check(await one(ml.getByRole('heading', { name: "Candidatures à des offres d'emploi" })), 'the record has an applications panel');
  await ml.getByRole('link', { name: 'Postuler à une offre pour cette personne' }).click();
  check(await one(ml.getByRole('heading', { name: "Postuler à une offre d'emploi" })), 'the application form opens');
  await audit(ml, '50a-postuler');
  await ml.getByRole('button', { name: 'Envoyer la candidature' }).click();
  check(await one(ml.locator('.resume-erreurs')), 'without an offer the form is refused with an error summary');
  check(await one(ml.locator('#offer_id[aria-invalid=true]')), 'the offer field is marked invalid');
  await audit(ml, '50b-postuler-erreurs');
  const value = await ml.locator('#offer_id option', { hasText: 'Jardins du Clain' }).first().getAttribute('value');
  check(Boolean(value), 'the chantier d\u2019insertion\u2019s offer is among the open offers');
  await ml.selectOption('#offer_id', value);
  await ml.fill('#message', 'Motivée pour travailler en extérieur, disponible dès la semaine prochaine.');
  await ml.getByRole('button', { name: 'Envoyer la candidature' }).click();
  await ml.waitForURL('**/candidatures/*');
  check(await one(ml.getByText(/Candidature envoyée à Chantier d.insertion Les Jardins du Clain/)), 'the application is sent');
  check(await has(ml.getByRole('button', { name: 'Retirer la candidature' })), 'the sender may withdraw it');
  await audit(ml, '50c-candidature-envoyee');

  // The employer studies it, then accepts it with a hiring date.
  const empCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const emp = await login(empCtx, 'admin.aci-jardins@jalon-demo.fr');
  await emp.getByRole('link', { name: 'Candidatures reçues' }).first().click();
  const row = emp.getByRole('link', { name: `${last} Inès` });
  check(await one(row), 'the employer finds the application in its inbox (to be handled)');
  check(await has(emp.getByRole('link', { name: 'Exporter en XLSX' })), 'the inbox can be exported');
  await audit(emp, '50d-candidatures-recues');
  await row.click();
  check(await one(emp.getByText('Motivée pour travailler en extérieur', { exact: false })), 'the message is shown');
  check(await one(emp.getByRole('link', { name: email })), 'with the candidate\u2019s contact');
  await audit(emp, '50e-candidature');
  await emp.getByRole('button', { name: 'Étudier la candidature' }).click();
  check(await one(emp.getByText(/est désormais « À l.étude »/)), 'the application is being studied');
  await emp.locator('summary', { hasText: 'Accepter la candidature' }).click();
  await emp.fill('#hired_on', day);
  await audit(emp, '50f-accepter');
  await emp.getByRole('button', { name: 'Accepter la candidature', exact: true }).click();
  check(await one(emp.getByText(/est désormais « Acceptée »/)), 'the application is accepted');
  check(await one(emp.getByText(`${d}/${m}/${y}`)), 'with its hiring date');
  check(await has(emp.getByRole('button', { name: "Annuler l'embauche" })), 'the hire can still be cancelled');
  await audit(emp, '50g-candidature-acceptee');

  // The person opens their space with a link sent by e-mail and sees the answer.
  const personCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const person = await personCtx.newPage();
  await person.goto(server.url + '/mon-espace');
  await person.fill('#email', email);
  await person.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  const mails = server.outbox(email);
  check(mails.some((mail) => /Acceptée : vous êtes embauché/.test(mail.body)), 'the person was told by e-mail');
  const link = mails.map((mail) => mail.body.match(/https?:\/\/\S+(\/mon-espace\/lien\/\S+)/)?.[1]).find(Boolean);
  check(Boolean(link), 'the e-mail holds a one-time link');
  await person.goto(server.url + link);
  await person.getByRole('button', { name: 'Ouvrir mon espace' }).click();
  await person.waitForURL('**/mon-espace/accueil');
  check(await one(person.getByRole('heading', { name: 'Mes candidatures' })), 'the space lists the applications');
  check(await one(person.getByText('Acceptée : vous êtes embauché(e)', { exact: false })), 'the application shows accepted, in words');
  await audit(person, '50h-espace-candidatures');
  await mlCtx.close();
  await empCtx.close();
  await personCtx.close();
}
