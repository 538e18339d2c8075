{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← Toutes les offres</a></p>
<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-outline-primary" href="{{EDIT}}">Modifier l'offre</a>
  <a class="btn btn-outline-primary" href="{{APPLICATIONS}}">Candidatures ({{PENDING}} en attente)</a>
  <a class="btn btn-outline-secondary" href="{{PUBLIC}}">Voir la page publique</a>
</p>
{{#CLOSED}}<p class="alert alert-secondary">Offre fermée le {{AT}} : {{REASON}}.</p>
<form method="post" action="{{REOPEN}}" class="mb-3"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-outline-primary" type="submit">Rouvrir l'offre</button></form>{{/CLOSED}}
<dl class="row fiche">
  {{#FACT}}<dt class="col-sm-3">{{LABEL}}</dt><dd class="col-sm-9">{{VALUE}}</dd>{{/FACT}}
  <dt class="col-sm-3">Mise à jour</dt><dd class="col-sm-9">{{UPDATED}}</dd>
</dl>
<h2 class="h5">Description</h2>
<p class="texte-service">{{DESCRIPTION}}</p>
<h2 class="h5">Compétences demandées</h2>
<ul>{{#SKILL}}<li>{{LABEL}}{{#ESSENTIAL}} <span class="badge text-bg-light">indispensable</span>{{/ESSENTIAL}}</li>{{/SKILL}}</ul>
{{#OPEN}}
<form method="post" action="{{CLOSE}}" class="row g-2 align-items-end mb-4">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="col-auto"><label class="form-label" for="reason">Fermer l'offre</label>
    <select class="form-select" id="reason" name="reason"><option value="filled">Pourvue</option><option value="withdrawn">Retirée</option></select></div>
  <div class="col-auto"><button class="btn btn-outline-danger" type="submit">Fermer l'offre</button></div>
  <p class="form-text">Sans mise à jour pendant {{DAYS}} jours, l'offre se ferme d'elle-même.</p>
</form>
<section aria-labelledby="profils-titre">
<h2 class="h4" id="profils-titre">Profils qui correspondent</h2>
<p>Des personnes en recherche d'emploi qui ont accepté d'être présentées aux employeurs, sans leur nom. « Proposer l'offre » prévient l'organisation qui les accompagne, qui pourra leur présenter l'offre et candidater avec elles.</p>
{{#NO_CANDIDATE}}<p>Aucun profil ne correspond pour le moment.</p>{{/NO_CANDIDATE}}
<ol class="list-unstyled">
{{#CANDIDATE}}<li class="card mb-2"><div class="card-body">
  <h3 class="h6 mb-1">{{LABEL}} <span class="badge text-bg-light">score {{SCORE}} / 100</span></h3>
  <ul class="mb-2">{{#WHY}}<li>{{TEXT}}</li>{{/WHY}}</ul>
  <form method="post" action="{{PROPOSE}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="candidate" value="{{LABEL}}">
    <button class="btn btn-sm btn-outline-primary" type="submit">Proposer l'offre<span class="visually-hidden"> au {{LABEL}}</span></button></form>
</div></li>{{/CANDIDATE}}
</ol>
</section>
{{/OPEN}}
