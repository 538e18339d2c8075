// "Par où commencer ?" and the IAE simulator, as a visitor without an account sees them on a
// phone with JavaScript turned off: a 19-year-old without qualification in Poitiers, with no
// means of getting around, is sent to the Mission Locale (address, distance) and shown a
// mobility service near by; a wrong date is reported beside its field; the IAE simulator gives
// its verdict. Every page is checked with axe and photographed.
export default async function ({ browser, server, check, audit, has, one }) {
  const phone = { viewport: { width: 375, height: 740 }, isMobile: true, locale: 'fr-FR', bypassCSP: true };
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  // axe needs JavaScript (Chromium crashes running it in a page where scripts are off): each
  // page, exactly as served without JavaScript, is copied into a twin page of the same size and
  // origin, where axe runs and the screenshot is taken.
  const twinContext = await browser.newContext(phone);
  const twin = await twinContext.newPage();
  const auditAsServed = async (name) => {
    const html = await page.content();
    await twin.goto(server.url + '/healthz');
    await twin.setContent(html, { waitUntil: 'load' });
    await audit(twin, name);
  };

  await page.goto(server.url + '/');
  await page.getByRole('link', { name: 'Par où commencer ?' }).first().click();
  await page.waitForURL('**/par-ou-commencer');
  check(await one(page.getByRole('heading', { name: 'Par où commencer ?', level: 1 })), 'the home page leads to "Par où commencer ?"');
  await auditAsServed('20a-par-ou-commencer');

  // A mistake first: an impossible birth date, told beside its field.
  await page.fill('#birth_date', '2025-02-30').catch(() => {});  // a date input may refuse it: then type it as text
  if ((await page.inputValue('#birth_date')) === '') await page.locator('#birth_date').evaluate((e) => { e.type = 'text'; e.value = '30/02/2025'; });
  await page.fill('#place', 'Poitiers');
  await page.getByRole('button', { name: "Voir à qui m'adresser" }).click();
  await page.waitForLoadState('load');
  check((await page.title()).startsWith('Erreur'), 'an impossible date: the page title says there is an error');
  check(await one(page.locator('#birth_date[aria-invalid=true]')), 'the birth date field is marked invalid');
  check(await has(page.locator('#birth_date-erreur', { hasText: "cette date n'existe pas" })), 'with its message beside it');
  await auditAsServed('20b-par-ou-commencer-erreur');

  // The young person's answers.
  await page.locator('#birth_date').evaluate((e) => { e.type = 'date'; e.value = ''; });
  await page.fill('#age', '19');
  await page.fill('#place', 'Poitiers');
  await page.selectOption('#jobseeker', 'no');
  await page.selectOption('#qualification', 'infra3');
  await page.getByLabel('Absence de mobilité', { exact: true }).check();
  await page.getByRole('button', { name: "Voir à qui m'adresser" }).click();
  await page.waitForLoadState('load');
  check(await one(page.getByRole('heading', { name: 'Notre réponse, près de Poitiers (86)' })), 'an answer near Poitiers');
  const referent = page.locator('.carte-referent');
  check(await has(referent.getByText('Mission Locale', { exact: true })), 'the Mission Locale is the structure to contact first');
  check(await has(referent.getByText('Jeune de 16 à 25 ans', { exact: false })), 'with the reason, in plain French');
  const address = referent.locator('.adresse').first();
  check(await has(address.getByRole('link', { name: "Mission Locale d'Insertion du Poitou" })), 'the nearest Mission Locale is named');
  check(await has(address.getByText('38 rue du Faubourg du Pont-Neuf, 86000 Poitiers')), 'with its address');
  check(/à \d+,\d km/.test(await address.innerText()), 'and its distance');
  const mobility = page.locator('#difficulte-mobilite');
  check(await has(mobility.getByRole('heading', { name: 'Absence de mobilité' })), 'the mobility difficulty has its own section');
  const services = mobility.locator('.service');
  check(await has(services) && /à \d+(,\d)? km/.test(await services.first().innerText()), 'a mobility service near by, with its distance');
  check(await has(page.getByRole('heading', { name: 'Quelles structures contacter en priorité pour un jeune sans emploi ?' })),
        "the seed's FAQ answer for a young person");
  check(await has(page.getByRole('link', { name: 'Tous les services pour « Absence de mobilité » dans l\'annuaire' })),
        'a link to every mobility service of the directory');
  check((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375, 'nothing overflows the phone screen');
  await auditAsServed('20c-par-ou-commencer-reponse');

  // The directory link keeps the place and the difficulty.
  await page.getByRole('link', { name: 'Tous les services pour « Absence de mobilité » dans l\'annuaire' }).click();
  await page.waitForURL('**/annuaire?**');
  check(await has(page.getByRole('heading', { name: /services? près de Poitiers/ })), 'the directory opens on mobility services near Poitiers');

  // The IAE simulator, on the same phone.
  await page.goto(server.url + '/iae/eligibilite');
  await auditAsServed('20d-iae');
  await page.selectOption('#kind', 'aci');
  await page.selectOption('#author', 'prescriber');
  await page.fill('#age', '54');
  await page.selectOption('#qualification', '3');
  await page.selectOption('#mobility', 'strong');
  await page.getByRole('button', { name: "Simuler l'éligibilité" }).click();
  await page.waitForLoadState('load');
  check(await one(page.getByRole('heading', { name: 'Éligible', exact: true })), 'the IAE simulator says eligible with three level-2 criteria');
  check(await has(page.locator('#critere-senior')) && await has(page.locator('#critere-niveau-3-ou-infra')) && await has(page.locator('#critere-mobilite')),
        'and lists the criteria met');
  check(await has(page.getByRole('heading', { name: 'Justificatifs à réunir' })), 'with the proofs to collect');
  await auditAsServed('20e-iae-verdict');
  await page.selectOption('#kind', 'aci');
  await page.fill('#age', '35');
  await page.selectOption('#mobility', '');
  await page.getByRole('button', { name: "Simuler l'éligibilité" }).click();
  await page.waitForLoadState('load');
  check(await one(page.getByRole('heading', { name: 'Pas éligible en l\'état', exact: true })), 'one criterion is not enough for an ACI');
  check(await has(page.getByText('Il manque un critère de niveau 1, ou 2 critères de niveau 2', { exact: false })), 'the answer says what is missing');
  await context.close();
  await twinContext.close();
}
