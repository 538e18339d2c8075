{{%AUTOESCAPE context="HTML"}}<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-primary" href="/organisations/{{ORG_ID}}/personnes/nouvelle">Nouvelle personne</a>
  {{#ADMIN}}<a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/personnes/import">Importer un fichier</a>
  <a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/journal">Journal des accès</a>{{/ADMIN}}
</p>
<form method="get" action="/organisations/{{ORG_ID}}/personnes" class="row g-2 align-items-end mb-4" role="search" aria-label="Rechercher une personne">
  <div class="col-md-4">{{>NOM_FIELD}}</div>
  <div class="col-md-3">{{>NAISSANCE_FIELD}}</div>
  <div class="col-md-3">{{>COMMUNE_FIELD}}</div>
  <div class="col-md-2 mb-3"><button class="btn btn-primary w-100" type="submit">Rechercher</button></div>
</form>
{{#EMPTY}}<p>Aucune personne ne correspond à cette recherche parmi celles que votre organisation accompagne.</p>{{/EMPTY}}
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption>Personnes accompagnées{{#NOT_FIRST}} (suite){{/NOT_FIRST}}</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">Date de naissance</th><th scope="col">Commune</th></tr></thead>
  <tbody>
  {{#PERSON}}
    <tr><th scope="row"><a href="/organisations/{{ORG_ID}}/personnes/{{ID}}">{{NAME}}</a></th><td data-label="Naissance">{{BIRTH}}</td><td data-label="Commune">{{COMMUNE}}</td></tr>
  {{/PERSON}}
  </tbody>
</table>
</div>
{{#NEXT}}<p><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/personnes?{{QUERY}}">Page suivante</a></p>{{/NEXT}}
