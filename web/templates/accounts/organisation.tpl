{{%AUTOESCAPE context="HTML"}}<dl class="row fiche">
  <dt class="col-sm-4 col-lg-3">Type</dt><dd class="col-sm-8 col-lg-9">{{KIND}}</dd>
  <dt class="col-sm-4 col-lg-3">SIRET</dt><dd class="col-sm-8 col-lg-9">{{SIRET}}</dd>
  <dt class="col-sm-4 col-lg-3">Commune</dt><dd class="col-sm-8 col-lg-9">{{COMMUNE}}</dd>
  <dt class="col-sm-4 col-lg-3">Prescripteur habilité</dt><dd class="col-sm-8 col-lg-9">{{PRESCRIBER}}</dd>
  <dt class="col-sm-4 col-lg-3">Membres</dt><dd class="col-sm-8 col-lg-9">{{MEMBER_COUNT}}</dd>
</dl>
<nav aria-label="Gestion de l'organisation">
  <ul class="list-inline">
    {{#MEMBER}}<li class="list-inline-item"><a class="btn btn-primary" href="/organisations/{{ORG_ID}}/personnes">Personnes accompagnées</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/agenda">Agenda des rendez-vous</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/orientations">Orientations reçues</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/offres">Offres d'emploi</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/candidatures">Candidatures reçues</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/parcours">Parcours suivis</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/annuaire">Annuaire : nos structures et services</a></li>{{/MEMBER}}
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/membres">Voir les membres</a></li>
    {{#MANAGER}}
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/invitations">Inviter un collègue</a></li>
    <li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/modifier">Modifier les informations</a></li>
    {{/MANAGER}}
    {{#ADMIN}}<li class="list-inline-item"><a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/jetons-api">Jetons d'API</a></li>{{/ADMIN}}
  </ul>
</nav>
