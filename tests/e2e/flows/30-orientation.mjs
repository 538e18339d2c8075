// A counsellor of the demo Mission Locale orients a young person to an association's service; a
// member of the association finds it in its inbox, accepts it, and writes a note shared with the
// organisations of the pathway and a note restricted to the association; the Mission Locale
// counsellor then reads the first and not the second. The association also writes a note for the
// young person and gives them an appointment; the young person logs in with a link sent by e-mail
// and sees the appointment and that note, not the restricted one. Every page is checked with axe.
export default async function ({ browser, server, check, audit, has, one, login }) {
  const stamp = String(Date.now()).slice(-5);
  const shared = `Premier café-rencontre : à l'aise dans le groupe (${stamp}).`;
  const restricted = `Fragilités évoquées en entretien, à suivre en interne (${stamp}).`;
  const forPerson = `Bravo pour ce premier café-rencontre, à jeudi ! (${stamp})`;
  const email = `yanis.orienta.${stamp}@exemple.fr`;

  // The Mission Locale counsellor records a young person who consents to sharing.
  const mlCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const ml = await login(mlCtx, 'conseil.ml-poitou@jalon-demo.fr');
  check(ml.url().endsWith('/tableau-de-bord'), 'the Mission Locale counsellor logs in');
  await ml.getByRole('link', { name: 'Personnes accompagnées' }).first().click();
  await ml.getByRole('link', { name: 'Nouvelle personne' }).click();
  await ml.fill('#last_name', 'Orienta');
  await ml.fill('#first_name', 'Yanis');
  await ml.fill('#birth_date', '2007-05-02');
  await ml.fill('#commune_code', '86070');  // Chauvigny: within the zone the association's service serves
  await ml.fill('#email', email);
  await ml.check('#consent_sharing');
  await ml.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  check(await one(ml.getByText('La fiche a été créée.')), 'the young person is recorded');
  const personUrl = ml.url();

  // Orient by hand: search the directory, choose the association's service, give the motive.
  await ml.getByRole('link', { name: 'Orienter vers une autre structure' }).click();
  check(await one(ml.getByRole('heading', { name: 'Orienter Yanis Orienta' })), 'the orientation form opens from the record');
  await ml.fill('#recherche', 'café rencontre');
  await ml.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await ml.waitForURL('**/orientations?*');
  const service = ml.getByLabel(/Café-rencontre et sorties/);
  check(await one(service), "the directory search finds the association's service");
  await audit(ml, '30a-orienter');
  // Sent without a motive: the error is summarised and tied to its field, nothing is sent.
  await service.check();
  await ml.getByRole('button', { name: "Envoyer l'orientation" }).click();
  check(await one(ml.locator('#motif[aria-invalid=true]')), 'a missing motive is reported on its field');
  await audit(ml, '30b-orienter-erreur');
  await ml.getByLabel(/Café-rencontre et sorties/).check();
  await ml.fill('#motif', "Rompre l'isolement : Yanis sort peu et souhaite rencontrer d'autres jeunes.");
  await ml.getByRole('button', { name: "Envoyer l'orientation" }).click();
  await ml.waitForURL(personUrl);
  check(await one(ml.getByText('Orientation envoyée à Entraide Vienne Solidarité')), 'the orientation is sent and confirmed on the record');

  // A member of the association finds it in the inbox, with its age, and accepts it.
  const asCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const as = await login(asCtx, 'conseil.entraide@jalon-demo.fr');
  await as.getByRole('link', { name: 'Orientations reçues' }).first().click();
  const row = as.getByRole('row').filter({ hasText: 'Orienta Yanis' });
  check(await one(row), 'the orientation is in the association inbox');
  check(await has(row.getByText("aujourd'hui")), 'with its age');
  await audit(as, '30c-orientations-recues');
  await as.getByRole('link', { name: 'Orienta Yanis' }).click();
  check(await has(as.getByText("Rompre l'isolement")), 'the orientation shows its motive');
  await audit(as, '30d-orientation-recue');
  await as.getByRole('button', { name: "Accepter l'orientation" }).click();
  check(await one(as.getByRole('heading', { name: 'Parcours de Yanis Orienta' })), 'accepting leads to the pathway the association joined');
  check(await has(as.getByRole('rowheader', { name: 'Entraide Vienne Solidarité' })), 'the association is a member of the pathway');
  await audit(as, '30e-parcours');

  // Two notes: one for every organisation of the pathway, one for the association only.
  await as.getByRole('link', { name: 'Notes', exact: true }).click();
  await as.fill('#note_body', shared);
  await as.selectOption('#note_level', 'members');
  await as.getByRole('button', { name: 'Enregistrer la note' }).click();
  check(await one(as.getByText('La note est enregistrée.')), 'a note shared with the members is saved');
  await as.fill('#note_body', restricted);
  await as.selectOption('#note_level', 'organisation');
  await as.getByRole('button', { name: 'Enregistrer la note' }).click();
  check(await has(as.getByText(restricted)), 'the restricted note is saved and its author reads it');
  await audit(as, '30f-notes-association');

  // The Mission Locale counsellor reads the shared note, not the restricted one.
  await ml.goto(personUrl);
  await ml.getByRole('link', { name: 'Parcours', exact: true }).click();
  await ml.getByRole('link', { name: 'Voir le parcours' }).click();
  await ml.getByRole('link', { name: 'Notes', exact: true }).click();
  check(await has(ml.getByText(shared)), 'the Mission Locale counsellor reads the note shared with the members');
  check((await ml.getByText(restricted).count()) === 0, "but not the note restricted to the association");
  await audit(ml, '30g-notes-mission-locale');
  await ml.getByRole('link', { name: 'Chronologie' }).click();
  check(await has(ml.getByRole('heading', { name: 'Orientation acceptée' })), 'the timeline shows the accepted orientation');
  check((await ml.getByText(restricted).count()) === 0, 'and not the restricted note');
  await audit(ml, '30h-chronologie');
  // The sender's list of sent orientations shows each step.
  await ml.goto(personUrl.replace(/\/personnes\/\d+$/, '/orientations/envoyees'));
  check(await has(ml.getByText(/acceptée \(Jérôme Faure/)), 'the sent orientation shows who accepted it');
  await audit(ml, '30i-orientations-envoyees');
  const mails = server.outbox('conseil.ml-poitou@jalon-demo.fr');
  check(mails.some((m) => /acceptée par Entraide Vienne Solidarité/.test(m.subject)), 'the sender is told by e-mail');
  // The association writes to the young person and gives them an appointment.
  await as.getByRole('link', { name: 'Notes', exact: true }).click();
  await as.fill('#note_body', forPerson);
  await as.selectOption('#note_level', 'person');
  await as.getByRole('button', { name: 'Enregistrer la note' }).click();
  check(await has(as.getByText(forPerson)), 'a note shared with the person is saved');
  const day = new Date(Date.now() + 2 * 86400e3).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const assocPersonUrl = server.url + '/organisations/' + as.url().match(/organisations\/(\d+)/)[1] + '/personnes/' +
                         personUrl.match(/personnes\/(\d+)/)[1];
  await as.goto(assocPersonUrl);
  await as.getByRole('link', { name: 'Rendez-vous', exact: true }).click();
  await as.getByRole('link', { name: 'Nouveau rendez-vous' }).click();
  await as.fill('#date', day);
  await as.fill('#time', '14:30');
  await as.fill('#duration', '60');
  await as.fill('#subject', `Café-rencontre (${stamp})`);
  await as.fill('#place', 'Entraide Vienne Solidarité, Chauvigny');
  await as.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  check(await one(as.getByText('Le rendez-vous est enregistré.')), 'the association gives the young person an appointment');

  // The young person logs in with a one-time link and sees the appointment and the note written
  // for them, not the restricted note.
  const youngCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const young = await youngCtx.newPage();
  await young.goto(server.url + '/mon-espace');
  await young.fill('#email', email);
  await young.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  const link = server.outbox(email)[0]?.body.match(/https?:\/\/\S+(\/mon-espace\/lien\/\S+)/)?.[1];
  check(Boolean(link), 'the young person receives a one-time link');
  await young.goto(server.url + link);
  await young.getByRole('button', { name: 'Ouvrir mon espace' }).click();
  await young.waitForURL('**/mon-espace/accueil');
  check(await has(young.getByText(`Café-rencontre (${stamp})`)), 'the young person sees the appointment');
  check(await has(young.getByText(forPerson)), 'and the note written for them');
  check((await young.getByText(restricted).count()) === 0 && (await young.getByText(shared).count()) === 0,
        'but neither the restricted note nor the one for the organisations');
  check(await has(young.getByText(/Votre référent : Mission Locale/)), 'their space names their referent');
  await audit(young, '30k-espace-jeune');
  await youngCtx.close();

  // The Mission Locale's timeline shows the association's appointment with the young person.
  await ml.goto(personUrl);
  await ml.getByRole('link', { name: 'Parcours', exact: true }).click();
  await ml.getByRole('link', { name: 'Voir le parcours' }).click();
  await ml.getByRole('link', { name: 'Chronologie' }).click();
  check(await has(ml.getByRole('heading', { name: `Rendez-vous : Café-rencontre (${stamp})` })), 'the timeline shows the appointments of the member organisations');

  // On a phone the pathway stays usable.
  await as.goto(assocPersonUrl);
  await as.setViewportSize({ width: 375, height: 740 });
  await as.getByRole('link', { name: 'Parcours', exact: true }).click();
  await audit(as, '30j-parcours-telephone');
  await mlCtx.close();
  await asCtx.close();
}
