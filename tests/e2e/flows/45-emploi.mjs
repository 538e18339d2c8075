// Jobs, as their three users meet them, without any script: an association intermédiaire
// publishes an offer (job found by its words, skills ticked, bad input refused on its field); a
// visitor finds it on the public search near Poitiers and reads why it comes first; a Mission
// Locale counsellor records a person's wanted job, sees the offer among the offers for them with
// its reasons, and shows the profile to employers; the employer sees the profile without a name.
export default async function ({ browser, server, check, audit, has, one, login }) {
  // 1. The employer (Vienne Services, demo organisation 11) publishes.
  const employerCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const employer = await login(employerCtx, 'admin.ai-vienne@jalon-demo.fr');
  await employer.goto(server.url + '/organisations/11/offres');
  check(await has(employer.getByRole('heading', { name: /Offres d'emploi de Vienne Services/ })), 'the employer has an offers page');
  await employer.getByRole('link', { name: 'Publier une offre' }).click();
  await employer.waitForLoadState('load');
  await audit(employer, '45a-offre-formulaire');
  await employer.fill('#job_text', 'aide à domicile');
  await employer.getByRole('button', { name: 'Chercher le métier et afficher ses compétences' }).click();
  await employer.waitForLoadState('load');
  await employer.selectOption('#job_title', { label: 'Aide à domicile (K1304)' });
  await employer.getByRole('button', { name: 'Chercher le métier et afficher ses compétences' }).click();
  await employer.waitForLoadState('load');
  const asked = employer.locator('input[name=skills]');
  check(await has(asked), "the chosen job's skills are offered");
  await asked.first().check();
  await employer.locator('input[name=essential]').first().check();
  await employer.fill('#title', 'Aide à domicile à Poitiers');
  await employer.fill('#description', "Aide aux courses, aux repas et à l'entretien chez des personnes âgées.");
  await employer.fill('#commune_code', '86194');
  await employer.selectOption('#contract', 'cdi');
  await employer.fill('#contract_months', '6');  // a permanent contract has no length
  await employer.fill('#hours', '26');
  await employer.getByRole('button', { name: "Publier l'offre" }).click();
  await employer.waitForLoadState('load');
  check(await one(employer.locator('#contract_months[aria-invalid=true]')), 'a length for a permanent contract is refused on its field');
  await audit(employer, '45b-offre-erreur');
  await employer.fill('#contract_months', '');
  await employer.getByRole('button', { name: "Publier l'offre" }).click();
  await employer.waitForLoadState('load');
  check(await has(employer.getByText(/Offre publiée/)), 'the offer is published');
  const offerUrl = employer.url();
  await audit(employer, '45c-offre-employeur');

  // 2. A visitor finds it near Poitiers, without an account.
  const visitorCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const visitor = await visitorCtx.newPage();
  await visitor.goto(server.url + '/emplois');
  check(await has(visitor.getByRole('heading', { name: 'Dernières offres publiées' })), 'the search page shows the latest offers first');
  await visitor.fill('#quoi', 'aide à domicile');
  await visitor.fill('#lieu', '86000');
  await visitor.getByRole('button', { name: 'Rechercher' }).click();
  await visitor.waitForLoadState('load');
  const link = visitor.getByRole('link', { name: 'Aide à domicile à Poitiers' });
  check(await one(link), 'the public search finds the offer');
  check(await has(visitor.getByText('Pourquoi cette offre ?')), 'each result says why it comes');
  await audit(visitor, '45d-emplois-recherche');
  await link.click();
  await visitor.waitForLoadState('load');
  check(await has(visitor.getByRole('link', { name: 'Postuler depuis mon espace' })), 'the offer page says how to apply');
  await audit(visitor, '45e-emplois-offre');

  // 3. A counsellor: a person who wants this job, the offers for them, the profile shown.
  const counsellorCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const counsellor = await login(counsellorCtx, 'conseil.ml-poitou@jalon-demo.fr');
  await counsellor.goto(server.url + '/organisations/3/personnes/nouvelle');
  await counsellor.fill('#last_name', 'Lemaire');
  await counsellor.fill('#first_name', 'Jordan');
  await counsellor.fill('#birth_date', '2003-04-12');
  await counsellor.fill('#commune_code', '86194');
  await counsellor.check('#consent_sharing');  // needed to show the profile to employers
  await counsellor.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await counsellor.waitForLoadState('load');
  await counsellor.getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await counsellor.waitForLoadState('load');
  await counsellor.fill('#job_text', 'aide à domicile');
  await counsellor.getByRole('button', { name: 'Chercher le métier et afficher ses compétences' }).click();
  await counsellor.waitForLoadState('load');
  await counsellor.getByRole('checkbox', { name: 'Aide à domicile (K1304)' }).check();
  await counsellor.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
  await counsellor.waitForLoadState('load');
  await counsellor.getByRole('link', { name: 'Retour à la fiche' }).click();
  await counsellor.waitForLoadState('load');
  check(await has(counsellor.getByRole('heading', { name: 'Emploi' })), 'the person page has a jobs panel');
  await counsellor.getByRole('link', { name: 'Offres pour cette personne' }).click();
  await counsellor.waitForLoadState('load');
  check(await has(counsellor.getByRole('link', { name: 'Aide à domicile à Poitiers' })), 'the offer is among the offers for the person');
  check(await has(counsellor.getByText('Métier recherché : Aide à domicile').first()), 'with the reason of its score');
  check(await has(counsellor.getByRole('link', { name: /Postuler pour cette personne/ }).first()), 'and a way to apply for them');
  await audit(counsellor, '45f-offres-pour-la-personne');
  await counsellor.getByLabel('Présenter le profil aux employeurs, sans son nom').check();
  await counsellor.getByRole('button', { name: 'Enregistrer le profil emploi' }).click();
  await counsellor.waitForLoadState('load');
  check(await has(counsellor.getByText('Profil emploi enregistré.')), 'the job profile is saved');

  // 4. The employer sees a matching profile, without its name, and proposes the offer.
  await employer.goto(offerUrl);
  const profile = employer.getByRole('heading', { name: /^Profil [A-Z0-9]{4}/ });
  check(await has(profile), 'the offer page lists matching profiles');
  check(!(await has(employer.getByText('Lemaire'))), 'without their names');
  await audit(employer, '45g-offre-profils');
  await employer.getByRole('button', { name: /Proposer l'offre/ }).first().click();
  await employer.waitForLoadState('load');
  check(await has(employer.getByText(/Proposition envoyée/)), "the counsellors are told of the employer's proposal");
  for (const c of [employerCtx, visitorCtx, counsellorCtx]) await c.close();
}
