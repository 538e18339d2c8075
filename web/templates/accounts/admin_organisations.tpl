{{%AUTOESCAPE context="HTML"}}<p class="d-flex flex-wrap gap-2"><a class="btn btn-primary" href="/admin/organisations/nouvelle">Créer une organisation</a> <a class="btn btn-outline-primary" href="/admin/annuaire/import">Importer des structures sans organisation (data·inclusion)</a></p>
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption>Organisations de la plateforme</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Commune</th><th scope="col">SIRET</th><th scope="col">Gérer</th></tr></thead>
  <tbody>
  {{#ORG}}
    <tr>
      <th scope="row"><a href="/organisations/{{ID}}">{{NAME}}</a>{{#PRESCRIBER}} <span class="badge badge-statut">Prescripteur habilité</span>{{/PRESCRIBER}}</th>
      <td data-label="Type">{{KIND}}</td><td data-label="Commune">{{COMMUNE}}</td><td data-label="SIRET">{{SIRET}}</td>
      <td data-label="Gérer"><a href="/organisations/{{ID}}/invitations">Inviter<span class="visually-hidden"> dans {{NAME}}</span></a> · <a href="/organisations/{{ID}}/modifier">Modifier<span class="visually-hidden"> {{NAME}}</span></a></td>
    </tr>
  {{/ORG}}
  </tbody>
</table>
</div>
