{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}/personnes">← Personnes accompagnées</a></p>
<p>Chaque consultation, création, modification et partage d'une fiche suivie par votre organisation est inscrit ici, avec son auteur, son organisation et l'adresse d'où il agissait. Le journal ne peut pas être modifié.</p>
<form method="get" action="/organisations/{{ORG_ID}}/journal" class="row g-2 align-items-end mb-3">
  {{#PERSON_FILTER}}<input type="hidden" name="personne" value="{{PERSON}}">{{/PERSON_FILTER}}
  <div class="col-sm-6 col-lg-4">{{>ACTION_FIELD}}</div>
  <div class="col-auto mb-3"><button class="btn btn-primary" type="submit">Filtrer</button></div>
</form>
{{#EMPTY}}<p>Aucune entrée.</p>{{/EMPTY}}
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption>Journal des accès</caption>
  <thead><tr><th scope="col">Date</th><th scope="col">Personne</th><th scope="col">Action</th><th scope="col">Par</th><th scope="col">Organisation</th><th scope="col">Adresse IP</th></tr></thead>
  <tbody>
  {{#ENTRY}}<tr><th scope="row">{{AT}}</th><td data-label="Personne">{{PERSON}}</td><td data-label="Action">{{ACTION}} {{DETAIL}}</td><td data-label="Par">{{WHO}}</td><td data-label="Organisation">{{ORG}}</td><td data-label="Adresse IP">{{IP}}</td></tr>{{/ENTRY}}
  </tbody>
</table>
</div>
{{#NEXT}}<p><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/journal?{{QUERY}}">Entrées plus anciennes</a></p>{{/NEXT}}
