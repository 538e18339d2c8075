// A counsellor of the Mission Locale records a diagnosis of a person (situation, a barrier, a
// wanted job found by its words and one of its skills, without any script) and reads the
// orientation engine's answer: referent, barriers with the nearest services and their
// "orient" buttons, IAE eligibility per structure kind.
export default async function ({ browser, server, check, audit, has, one, login }) {
  const ctx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const page = await login(ctx, 'conseil.ml-poitou@jalon-demo.fr');
  await page.goto(server.url + '/organisations/3/personnes/nouvelle');
  await page.fill('#last_name', 'Morel');
  await page.fill('#first_name', 'Sabrina');
  await page.fill('#birth_date', '1988-09-02');
  await page.fill('#commune_code', '86194');
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.waitForLoadState('load');
  check(await has(page.getByRole('heading', { name: 'Diagnostics' })), 'the person page has a diagnoses section');
  await page.getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await page.waitForLoadState('load');
  await audit(page, '10a-diagnostic-formulaire');

  await page.selectOption('#resource', 'rsa');
  await page.fill('#resource_since', '2023-05-01');
  await page.selectOption('#jobseeker', 'yes');
  await page.fill('#jobseeker_since', '2024-02-01');
  await page.selectOption('#qualification', 'infra3');
  await page.selectOption('#single_parent', 'yes');
  await page.selectOption('#barrier_mobilite', 'strong');
  await page.selectOption('#barrier_famille', 'light');
  await page.fill('#job_text', 'aide à domicile');
  await page.getByRole('button', { name: 'Chercher le métier et afficher ses compétences' }).click();
  await page.waitForLoadState('load');
  const job = page.getByRole('checkbox', { name: 'Aide à domicile (K1304)' });
  check(await one(job), 'the words typed find the job title, to tick');
  await job.check();
  await page.getByRole('button', { name: 'Chercher le métier et afficher ses compétences' }).click();
  await page.waitForLoadState('load');
  check(await page.locator('#mobility, #barrier_mobilite').first().inputValue() === 'strong', 'the answers survive the search step');
  const skills = page.locator('input[name=rome_skill]');
  check(await has(skills), 'the skills of the ticked job are offered');
  await skills.first().check();
  await page.getByRole('checkbox', { name: 'Compétence 10 : gérer sa vie professionnelle' }).check();
  await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
  await page.waitForLoadState('load');
  check(await has(page.getByText('Diagnostic enregistré.')), 'the diagnosis is saved');
  check(await has(page.getByRole('heading', { name: 'À contacter en premier' })), 'the referent to contact is shown');
  check(await has(page.getByRole('heading', { name: /Absence de mobilité/ })), 'the mobility barrier has its solutions');
  check(await has(page.getByRole('button', { name: /Orienter vers ce service/ })), 'each nearby service can be chosen in one click');
  const eligible = page.getByRole('row', { name: /ACI Éligible/ });
  check(await one(eligible), 'the IAE eligibility is given per structure kind');
  check(await has(page.getByText(/Attestation de versement du RSA/)), 'the proofs to collect are listed');
  await audit(page, '10b-diagnostic-resultat');

  // Bad input: the message is tied to its field, nothing is saved.
  await page.getByRole('link', { name: 'Faire un nouveau diagnostic' }).click();
  await page.waitForLoadState('load');
  check(await page.locator('#resource').inputValue() === 'rsa', 'a new diagnosis starts from the last one');
  await page.fill('#jobseeker_since', '2099-01-01');
  await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
  await page.waitForLoadState('load');
  check(await one(page.locator('#jobseeker_since[aria-invalid=true]')), 'a date in the future is refused on its field');
  await audit(page, '10c-diagnostic-erreur');
  await page.getByRole('link', { name: '← Retour à la fiche' }).click();
  await page.waitForLoadState('load');
  check(await page.getByRole('link', { name: /Diagnostic du/ }).count() === 1, 'the refused diagnosis was not saved');
  await ctx.close();
}
