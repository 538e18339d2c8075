{{%AUTOESCAPE context="HTML"}}<p>Bonjour {{USER_NAME}}.</p>
{{#PLATFORM_ADMIN}}<p><a class="btn btn-outline-primary" href="/admin/organisations">Gérer les organisations de la plateforme</a></p>{{/PLATFORM_ADMIN}}
<h2 class="h4 mt-4">Mes organisations</h2>
{{#NO_ORG}}<p>Vous n'êtes membre d'aucune organisation pour l'instant.{{#NOT_PLATFORM}} Demandez une invitation à l'administrateur de votre structure.{{/NOT_PLATFORM}}</p>{{/NO_ORG}}
<div class="row g-3">
{{#ORG}}
  <div class="col-md-6 col-lg-4">
    <section class="card h-100 carte-org" aria-labelledby="org-{{ID}}">
      <div class="card-body">
        <h2 class="h5" id="org-{{ID}}"><a href="/organisations/{{ID}}">{{NAME}}</a></h2>
        <p class="mb-1">{{KIND}}</p>
        <p class="text-muted small mb-2">{{COMMUNE}}</p>
        <p class="mb-2">Votre rôle : <span class="badge badge-role">{{ROLE}}</span>{{#SOCIAL_WORKER}} <span class="badge badge-role">Travailleur social</span>{{/SOCIAL_WORKER}}</p>
        {{#PRESCRIBER}}<p class="mb-2"><span class="badge badge-statut">Prescripteur habilité</span>{{/PRESCRIBER}}</p>
        <ul class="list-unstyled mb-0">
          <li><a href="/organisations/{{ID}}/personnes">Personnes accompagnées</a></li>
          <li><a href="/organisations/{{ID}}/orientations">Orientations reçues</a></li>
          <li><a href="/organisations/{{ID}}/offres">Offres d'emploi</a></li>
          <li><a href="/organisations/{{ID}}/candidatures">Candidatures reçues</a></li>
          <li><a href="/organisations/{{ID}}/annuaire">Annuaire : nos structures et services</a></li>
          <li><a href="/organisations/{{ID}}/membres">Membres</a></li>
          {{#ADMIN}}<li><a href="/organisations/{{ID}}/invitations">Inviter un collègue</a></li>
          <li><a href="/organisations/{{ID}}/jetons-api">Jetons d'API</a></li>{{/ADMIN}}
        </ul>
      </div>
    </section>
  </div>
{{/ORG}}
</div>
