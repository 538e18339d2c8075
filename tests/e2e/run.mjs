// End-to-end in a real headless Chromium (Debian's), driven by playwright-core: an organisation
// admin logs in, invites a colleague, the colleague accepts the invitation from the e-mail link,
// publishes a service in the directory that a visitor then sees, then logs out. Every page
// visited is checked with axe-core (no serious or critical violation) and photographed in
// tests/e2e/artifacts/. Usage: node run.mjs path/to/jalon
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

// Locators are checked after waiting for them (a submitted form's page may still be loading).
const has = (loc) => loc.first().waitFor({ timeout: 5000 }).then(() => true, () => false);
const one = async (loc) => (await has(loc)) && (await loc.count()) === 1;

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) { passed++; console.log('  ok   ' + what); } else { failed++; console.log('  FAIL ' + what); }
};

const server = await startServer(process.argv[2] ?? 'build/release/jalon');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

// axe runs through the DevTools protocol; bypassCSP lets it in despite our strict policy.
async function audit(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) console.log(`       axe ${v.impact}: ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  check(result.passes.length > 10 && bad.length === 0,
        `${name}: no serious or critical accessibility violation (${result.passes.length} rules passed, ${result.violations.length} minor)`);
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
}

try {
  const adminCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const admin = await adminCtx.newPage();

  await admin.goto(server.url + '/');
  await audit(admin, '01-accueil');
  await admin.goto(server.url + '/connexion');
  await audit(admin, '02-connexion');

  // A wrong password shows the error summary and the message tied to the field.
  await admin.fill('#email', 'admin.ml-poitou@jalon-demo.fr');
  await admin.fill('#password', 'mauvais mot de passe');
  await admin.getByRole('button', { name: 'Se connecter' }).click();
  await admin.waitForLoadState('load');
  check((await admin.title()).startsWith('Erreur'), 'a failed login says so in the page title');
  check(await one(admin.locator('#email[aria-invalid=true]')), 'the e-mail field is marked invalid');
  await audit(admin, '03-connexion-erreur');

  await admin.fill('#email', 'admin.ml-poitou@jalon-demo.fr');
  await admin.fill('#password', 'Jalon-demo-2026');
  await admin.getByRole('button', { name: 'Se connecter' }).click();
  await admin.waitForURL('**/tableau-de-bord');
  check(await one(admin.getByRole('heading', { name: 'Tableau de bord' })), 'the admin reaches the dashboard');
  await audit(admin, '04-tableau-de-bord');

  await admin.getByRole('link', { name: 'Mission Locale d\'Insertion du Poitou' }).first().click();
  await audit(admin, '05-organisation');
  await admin.getByRole('link', { name: 'Inviter un collègue' }).click();
  await audit(admin, '06-invitations');
  await admin.fill('#email', 'nouvelle.conseillere@jalon-demo.fr');
  await admin.check('#social_worker');
  await admin.getByRole('button', { name: "Envoyer l'invitation" }).click();
  check(await one(admin.getByText('Invitation envoyée à nouvelle.conseillere@jalon-demo.fr')), 'the invitation is confirmed');
  check(await has(admin.getByRole('cell', { name: 'Membre' })), 'the pending invitation is listed');
  await audit(admin, '07-invitation-envoyee');
  // A person: create, find, open, then the audit log of their record.
  await admin.goto(server.url + '/organisations/3/personnes');
  await audit(admin, '07b-personnes');
  await admin.getByRole('link', { name: 'Nouvelle personne' }).click();
  await admin.fill('#last_name', 'Rivière');
  await admin.fill('#first_name', 'Maëlys');
  await admin.fill('#birth_date', '2006-03-14');
  await admin.fill('#commune_code', '86194');
  await admin.check('#consent_sharing');
  await audit(admin, '07c-nouvelle-personne');
  await admin.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  check(await one(admin.getByText('La fiche a été créée.')), 'a person is created');
  await admin.goto(server.url + '/organisations/3/personnes');
  await admin.fill('#nom', 'riviere');
  await admin.getByRole('button', { name: 'Rechercher' }).click();
  check(await one(admin.getByRole('link', { name: 'Rivière Maëlys' })), 'the person is found without accents');
  await admin.getByRole('link', { name: 'Rivière Maëlys' }).click();
  check(await one(admin.getByText('14/03/2006')), 'the record shows the birth date');
  await audit(admin, '07d-fiche');
  await admin.getByRole('link', { name: 'Journal des accès à cette fiche' }).click();
  check(await one(admin.getByRole('cell', { name: 'création' })), 'the audit log shows the creation');
  check(await has(admin.getByRole('cell', { name: 'consultation' })), 'and the consultation');
  await audit(admin, '07e-journal');
  await admin.goto(server.url + '/organisations/3/jetons-api');
  await audit(admin, '08-jetons');
  await admin.goto(server.url + '/compte');
  await audit(admin, '09-compte');

  // The colleague opens the link from the e-mail in another browser.
  const mails = server.outbox('nouvelle.conseillere@jalon-demo.fr');
  const link = mails[0]?.body.match(/https?:\/\/\S+\/invitation\/\S+/)?.[0];
  check(Boolean(link), 'the invitation e-mail holds a link');
  const colleagueCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const colleague = await colleagueCtx.newPage();
  await colleague.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
  await audit(colleague, '10-accepter-invitation');
  await colleague.fill('#display_name', 'Nora Vidal');
  await colleague.fill('#new_password', 'un mot de passe trop différent');
  await colleague.fill('#confirm_password', 'autre chose');
  await colleague.getByRole('button', { name: "Accepter l'invitation" }).click();
  check(await one(colleague.locator('.resume-erreurs')), 'mismatched passwords are reported in a summary');
  await audit(colleague, '11-accepter-invitation-erreur');
  await colleague.fill('#new_password', 'ma phrase de passe secrète');
  await colleague.fill('#confirm_password', 'ma phrase de passe secrète');
  await colleague.getByRole('button', { name: "Accepter l'invitation" }).click();
  await colleague.waitForURL('**/organisations/3');
  check(await one(colleague.getByText('Bienvenue')), 'the colleague joins the organisation');
  await colleague.getByRole('link', { name: 'Voir les membres' }).click();
  check(await one(colleague.getByRole('rowheader', { name: 'Nora Vidal' })), 'the colleague is listed among the members');
  check(await one(colleague.getByText('Membre, travailleur social')), 'with the role chosen by the admin');
  await audit(colleague, '12-membres');

  // The colleague, a member, publishes a service in the directory; anyone then sees it on the
  // structure's public page.
  await colleague.goto(server.url + '/organisations/3/annuaire');
  await audit(colleague, '12b-annuaire');
  await colleague.getByRole('link', { name: 'Nouvelle structure' }).click();
  await colleague.fill('#nom', 'Mission Locale – Antenne des Couronneries');
  await colleague.fill('#code_postal', '86000');
  await colleague.fill('#telephone', '05 49 00 11 22');
  await audit(colleague, '12c-nouvelle-structure');
  await colleague.getByRole('button', { name: 'Enregistrer la structure' }).click();
  check(await one(colleague.getByText('La structure a été créée.', { exact: false })), 'a directory structure is created');
  await colleague.getByRole('link', { name: 'Ajouter un service à Mission Locale – Antenne des Couronneries' }).click();
  await colleague.fill('#nom', 'Préparer son permis de conduire');
  await colleague.fill('#description', 'Un accompagnement pour financer et réussir le code et la conduite.');
  await colleague.locator('#thematiques summary', { hasText: 'Mobilité' }).click();
  await colleague.getByLabel('Préparer un permis', { exact: true }).check();
  await colleague.getByLabel('Jeunes', { exact: true }).check();
  await colleague.fill('#zone_eligibilite', '86');
  await audit(colleague, '12d-nouveau-service');
  await colleague.getByRole('button', { name: 'Enregistrer le service' }).click();
  check(await one(colleague.getByText('enregistré en brouillon', { exact: false })), 'the service is saved as a draft');
  check(await one(colleague.getByText('Brouillon', { exact: true })), 'the directory shows its status');
  await colleague.getByRole('button', { name: /^Publier/ }).click();
  check(await one(colleague.getByText('est publié', { exact: false })), 'the service is published');
  await audit(colleague, '12e-annuaire-publie');
  await colleague.getByRole('link', { name: 'Page publique de Mission Locale – Antenne des Couronneries' }).click();
  await colleague.waitForURL('**/annuaire/structures/*');
  const publicUrl = colleague.url();
  const visitorCtx = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
  const visitor = await visitorCtx.newPage();
  await visitor.goto(publicUrl);
  check(await one(visitor.getByRole('heading', { name: 'Mission Locale – Antenne des Couronneries' })), 'the public structure page opens without login');
  check(await one(visitor.getByRole('heading', { name: 'Préparer son permis de conduire' })), 'the published service is on the public page');
  check(await one(visitor.getByText('Préparer un permis', { exact: true })), 'with its thematic in words');
  await audit(visitor, '12f-structure-publique');
  // The public search, without login: what, where, a difficulty; nearest first, with distances.
  await visitor.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await visitor.waitForURL('**/annuaire');
  await audit(visitor, '12g-annuaire-recherche');
  await visitor.fill('#quoi', 'permis');
  await visitor.fill('#lieu', 'Poitiers');
  await visitor.selectOption('#frein', 'mobilite');
  await visitor.getByRole('button', { name: 'Rechercher' }).click();
  await visitor.waitForURL('**/annuaire?*');
  check(await one(visitor.getByRole('heading', { name: /services? près de Poitiers \(86\)/ })), 'the search says how many services near the place');
  const result = visitor.getByRole('link', { name: 'Préparer son permis de conduire' });
  check(await one(result), 'the service just published is found by the public search');
  check((await visitor.getByText(/^à \d+,\d km$/).count()) > 0, 'results show their distance');
  check(await one(visitor.getByRole('link', { name: 'Aide au permis de conduire' })), 'the demo directory answers too');
  await audit(visitor, '12h-annuaire-resultats');
  await result.click();
  await visitor.waitForURL('**/annuaire/structures/*');
  check(await one(visitor.getByRole('heading', { name: 'Préparer son permis de conduire' })), 'a result leads to its structure page');
  await visitor.goto(server.url + '/annuaire?lieu=Saint-Beno%C3%AEt');
  check((await visitor.locator('#lieu-erreur', { hasText: 'Plusieurs communes portent ce nom' }).count()) === 1, 'an ambiguous place is explained beside its field, not guessed');
  await audit(visitor, '12i-annuaire-lieu-ambigu');
  await visitor.setViewportSize({ width: 375, height: 740 });
  await visitor.goto(server.url + '/annuaire?quoi=logement&lieu=86000&rayon=20');
  await audit(visitor, '12j-annuaire-telephone');
  await visitorCtx.close();

  // Phone width: the same page stays usable.
  await colleague.setViewportSize({ width: 375, height: 740 });
  await audit(colleague, '13-membres-telephone');

  await colleague.getByRole('button', { name: 'Se déconnecter' }).click();
  await colleague.waitForURL('**/connexion');
  check(await one(colleague.getByText('Vous êtes déconnecté')), 'logging out is confirmed');
  await colleague.goto(server.url + '/tableau-de-bord');
  check(colleague.url().includes('/connexion?suivant='), 'after logout the dashboard asks to log in again');

  // With the Content-Security-Policy enforced (no bypass): no violation, no console error.
  const strict = await browser.newContext({ locale: 'fr-FR' });
  const sp = await strict.newPage();
  const consoleErrors = [];
  // A 422 answer to a refused form is logged by Chromium as a failed load: expected, not an error of the page.
  sp.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) consoleErrors.push(m.text()); });
  sp.on('pageerror', (e) => consoleErrors.push(String(e)));
  await sp.goto(server.url + '/connexion');
  await sp.fill('#email', 'admin.ml-poitou@jalon-demo.fr');
  await sp.fill('#password', 'faux');
  await sp.getByRole('button', { name: 'Se connecter' }).click();
  // autofocus applies once the new page has loaded: wait for it rather than race it.
  const focused = await sp.waitForFunction(() => document.activeElement?.classList.contains('resume-erreurs'), null, { timeout: 5000 })
    .then(() => true, () => false);
  check(focused, 'after a refused form, focus is on the error summary');
  await sp.fill('#password', 'Jalon-demo-2026');
  await sp.getByRole('button', { name: 'Se connecter' }).click();
  for (const path of ['/tableau-de-bord', '/organisations/3', '/organisations/3/membres', '/organisations/3/invitations', '/compte'])
    await sp.goto(server.url + path);
  const styled = await sp.evaluate(() => getComputedStyle(document.querySelector('.entete')).borderBottomStyle);
  check(styled === 'solid', 'our stylesheet applies under the strict policy');
  check(consoleErrors.length === 0, `no console error under the strict policy${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);

  // Without JavaScript the login works the same (server-rendered forms).
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p = await nojs.newPage();
  await p.goto(server.url + '/connexion');
  await p.fill('#email', 'nouvelle.conseillere@jalon-demo.fr');
  await p.fill('#password', 'ma phrase de passe secrète');
  await p.getByRole('button', { name: 'Se connecter' }).click();
  await p.waitForURL('**/tableau-de-bord', { timeout: 5000 }).catch(() => {});
  check(p.url().endsWith('/tableau-de-bord'), 'login works without JavaScript');
} catch (e) {
  failed++;
  console.log('  FAIL ' + e.stack);
}

// The other flows, one file each in flows/ (in name order), on the same server: each exports
// `default async function ({ browser, server, check, audit, has, one, login })`. A flow that
// throws counts as one failure and the next one still runs.
async function login(context, email, password = 'Jalon-demo-2026') {
  const page = await context.newPage();
  await page.goto(server.url + '/connexion');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/tableau-de-bord', { timeout: 5000 }).catch(() => {});
  return page;
}
const flowsDir = new URL('./flows/', import.meta.url);
let flows = [];
try { flows = readdirSync(flowsDir).filter((f) => f.endsWith('.mjs')).sort(); } catch { /* no flows yet */ }
try {
  for (const file of flows) {
    console.log(`  -- ${file}`);
    try {
      const flow = (await import(new URL(file, flowsDir))).default;
      await flow({ browser, server, check, audit, has, one, login });
    } catch (e) {
      failed++;
      console.log('  FAIL ' + file + ': ' + e.stack);
    }
  }
} finally {
  await browser.close();
  const exit = await server.stop();
  check(exit.code === 0, `the server stops cleanly on SIGTERM (exit ${exit.code}, signal ${exit.signal})`);
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
