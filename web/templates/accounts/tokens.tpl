{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}">← {{ORG_NAME}}</a></p>
<p>Un jeton d'API permet à un logiciel de votre organisation d'utiliser l'<a href="/api/v1/openapi.json">API JSON de Jalon</a> (en-tête <code>Authorization: Bearer …</code>). Il agit avec les droits d'un membre de l'organisation.</p>
{{#NEW_TOKEN}}
<div class="alert alert-success" role="status">
  <h2 class="h5">Jeton créé</h2>
  <p>Copiez-le maintenant : pour votre sécurité, il ne sera plus jamais affiché.</p>
  <p class="jeton mb-0">{{TOKEN}}</p>
</div>
{{/NEW_TOKEN}}
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="/organisations/{{ORG_ID}}/jetons-api" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>NAME_FIELD}}
  <button class="btn btn-primary" type="submit">Créer un jeton</button>
</form>
</div></div>
<div class="table-responsive mt-4">
<table class="table align-middle table-responsive-cartes">
  <caption>Jetons de l'organisation</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">Début du jeton</th><th scope="col">Créé</th><th scope="col">Dernière utilisation</th><th scope="col">État</th></tr></thead>
  <tbody>
  {{#TOKEN}}
    <tr>
      <th scope="row">{{NAME}}</th><td data-label="Début du jeton"><code>{{PREFIX}}…</code></td><td data-label="Créé">{{CREATED}}{{#BY}} par {{NAME}}{{/BY}}</td><td data-label="Dernière utilisation">{{LAST_USED}}</td>
      <td data-label="État">
        {{#ACTIVE}}<form method="post" action="/organisations/{{ORG_ID}}/jetons-api/{{ID}}/revoquer">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button class="btn btn-sm btn-outline-danger" type="submit">Révoquer<span class="visually-hidden"> le jeton {{NAME}}</span></button>
        </form>{{/ACTIVE}}
        {{#REVOKED}}Révoqué{{/REVOKED}}
      </td>
    </tr>
  {{/TOKEN}}
  </tbody>
</table>
</div>
