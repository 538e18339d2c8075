{{%AUTOESCAPE context="HTML"}}<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-outline-primary" href="{{SENT_URL}}">Orientations envoyées</a>
  <a class="btn btn-outline-primary" href="{{PATHWAYS_URL}}">Parcours suivis</a>
  {{#ADMIN}}<a class="btn btn-outline-primary" href="{{SETTINGS_URL}}">Délai de réponse ({{DAYS}} jours)</a>{{/ADMIN}}
</p>
<nav aria-label="Filtrer par état" class="mb-3">
  <ul class="nav nav-pills">
    {{#TAB}}<li class="nav-item"><a class="nav-link{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>{{/TAB}}
  </ul>
</nav>
<p>Sans réponse, une orientation reçue expire {{DAYS}} jours après son envoi ; l'organisation qui l'a envoyée en est prévenue.</p>
{{#EMPTY}}<p>Aucune orientation reçue dans cet état.</p>{{/EMPTY}}
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption class="visually-hidden">Orientations reçues ({{COUNT}})</caption>
  <thead><tr><th scope="col">Personne</th><th scope="col">Envoyée par</th><th scope="col">Service</th><th scope="col">Motif</th><th scope="col">Reçue il y a</th><th scope="col">État</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><th scope="row"><a href="{{URL}}">{{PERSON}}</a><br><span class="small text-muted">naissance : {{BIRTH}}</span></th><td data-label="Envoyée par">{{FROM}}</td><td data-label="Service">{{SERVICE}}</td><td data-label="Motif">{{MOTIF}}</td>
    <td data-label="Reçue il y a">{{AGE}}<br><span class="small text-muted">le {{SENT}}{{#PENDING}}, expire après le {{EXPIRES}}{{/PENDING}}</span></td><td data-label="État"><span class="badge badge-role">{{STATUS}}</span></td></tr>{{/ROW}}
  </tbody>
</table>
</div>
